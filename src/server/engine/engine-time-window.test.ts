import { describe, expect, it } from 'vitest';
import type { Filter } from '../../contract/filter-schema.ts';
import { percentagesOf } from './engine-pie.ts';
import { splitTimeWindow } from './engine-time-window.ts';

const now = new Date('2026-08-20T15:30:00.000Z');
const ms = (iso: string) => Date.parse(iso);

describe('splitTimeWindow', () => {
  it.each<[string, Filter | null, number | null, number | null, Filter | null]>([
    ['no filter', null, null, null, null],
    [
      'gte and lte become the range, nothing is left',
      {
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gte', value: 'now-7d' },
          { field: 'timestamp', op: 'lte', value: 'now' },
        ],
      },
      now.getTime() - 7 * 86_400_000,
      now.getTime(),
      null,
    ],
    [
      'gt is the inclusive range a millisecond later, nothing is left',
      { field: 'timestamp', op: 'gt', value: '2026-08-01T00:00:00Z' },
      ms('2026-08-01T00:00:00Z') + 1,
      null,
      null,
    ],
    [
      // The end a compared window gets (compare-window.ts): absolute start, an lt bound, another field.
      'lt is the inclusive range a millisecond earlier, only the other field is left',
      {
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gte', value: '2026-08-01T00:00:00Z' },
          { field: 'timestamp', op: 'lt', value: '2026-08-08T00:00:00Z' },
          { field: 'agent', op: 'eq', value: 3 },
        ],
      },
      ms('2026-08-01T00:00:00Z'),
      ms('2026-08-08T00:00:00Z') - 1,
      { operator: 'and', conditions: [{ field: 'agent', op: 'eq', value: 3 }] },
    ],
    [
      'a looser lower bound is implied by the tighter one',
      {
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gt', value: '2026-08-01T00:00:00Z' },
          { field: 'timestamp', op: 'gte', value: '2026-08-10T00:00:00Z' },
          { field: 'success', op: 'eq', value: true },
        ],
      },
      ms('2026-08-10T00:00:00Z'),
      null,
      { operator: 'and', conditions: [{ field: 'success', op: 'eq', value: true }] },
    ],
    [
      'timestamps under or are not bounds and stay',
      {
        operator: 'or',
        conditions: [
          { field: 'timestamp', op: 'gte', value: 'now-1d' },
          { field: 'success', op: 'eq', value: true },
        ],
      },
      null,
      null,
      {
        operator: 'or',
        conditions: [
          { field: 'timestamp', op: 'gte', value: 'now-1d' },
          { field: 'success', op: 'eq', value: true },
        ],
      },
    ],
    [
      'today snaps to the day (D10)',
      {
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gte', value: 'today-1d' },
          { field: 'timestamp', op: 'lte', value: 'today' },
        ],
      },
      ms('2026-08-19T00:00:00Z'),
      ms('2026-08-20T23:59:59.999Z'),
      null,
    ],
  ])('%s', (_name, filter, lower, upper, residual) => {
    expect(splitTimeWindow(filter, now)).toEqual({ lower, upper, residual });
  });
});

describe('percentagesOf', () => {
  it.each<[number[], number[]]>([
    [
      [1, 1, 1],
      [33.4, 33.3, 33.3],
    ],
    [
      [2, 1],
      [66.7, 33.3],
    ],
    [[1], [100]],
    [
      [0, 0],
      [0, 0],
    ],
    [[], []],
    [
      [999, 1],
      [99.9, 0.1],
    ],
    [
      [1, 1, 1, 1, 1, 1, 1],
      [14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2],
    ],
  ])('%j → %j', (values, expected) => {
    expect(percentagesOf(values)).toEqual(expected);
  });
});
