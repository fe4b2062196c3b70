import {
  DATA_WINDOW_MAX_DAYS,
  checkDataWindow,
  findTimestampLowerBound,
  findTimestampUpperBound,
  mergeFilters,
} from './effective-filters.ts';
import type { Filter, FilterOp } from './filter-schema.ts';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const ts = (op: FilterOp, value: unknown): Filter => ({ field: 'timestamp', op, value });
const and = (...conditions: Filter[]): Filter => ({ operator: 'and', conditions });
const or = (...conditions: Filter[]): Filter => ({ operator: 'or', conditions });
const success: Filter = { field: 'success', op: 'eq', value: true };
const agent: Filter = { field: 'agent.id', op: 'in', value: [1, 2] };

const MISSING = 'A timestamp filter (gt or gte) is required.';
const TOO_OLD = 'Timestamp filter value is too far in the past. Maximum allowed range is 30 days.';
const TOO_WIDE = 'The time range may not span more than 30 days.';

describe('mergeFilters (D7)', () => {
  it.each<[string, Filter | null | undefined, Filter | null | undefined, Filter | null]>([
    ['neither (null)', null, null, null],
    ['neither (undefined)', undefined, undefined, null],
    ['dashboard only', success, null, success],
    ['widget only', undefined, agent, agent],
    ['both', success, agent, { operator: 'and', conditions: [success, agent] }],
    [
      'both groups, nested not flattened',
      and(success),
      or(agent),
      { operator: 'and', conditions: [and(success), or(agent)] },
    ],
    ['empty group counts as a filter', and(), null, and()],
  ])('%s', (_name, dashboard, widget, expected) => {
    expect(mergeFilters(dashboard, widget)).toEqual(expected);
  });

  it('returns the lone side by reference and never mutates its inputs', () => {
    const dashboard = and(ts('gte', 'now-7d'));
    const widget = and(success);
    const snapshot = JSON.stringify([dashboard, widget]);
    expect(mergeFilters(dashboard, null)).toBe(dashboard);
    expect(mergeFilters(null, widget)).toBe(widget);
    const merged = mergeFilters(dashboard, widget);
    expect(merged).not.toBe(dashboard);
    expect(JSON.stringify([dashboard, widget])).toBe(snapshot);
  });
});

describe('findTimestampLowerBound / findTimestampUpperBound', () => {
  it.each<[string, Filter | null, string | null, string | null]>([
    ['no filter', null, null, null],
    ['root leaf gte', ts('gte', 'now-7d'), '2026-03-24T12:00:00.000Z', null],
    ['root leaf gt', ts('gt', '2026-03-01T00:00:00Z'), '2026-03-01T00:00:00.000Z', null],
    ['root leaf lte', ts('lte', 'now'), null, '2026-03-31T12:00:00.000Z'],
    [
      'and of both',
      and(ts('gte', 'today-7d'), ts('lte', 'today')),
      '2026-03-24T00:00:00.000Z',
      '2026-03-31T23:59:59.999Z',
    ],
    [
      'nested ands',
      and(success, and(agent, and(ts('gte', 'now-2d'), ts('lt', 'now-1d')))),
      '2026-03-29T12:00:00.000Z',
      '2026-03-30T12:00:00.000Z',
    ],
    [
      'the latest lower and earliest upper bind',
      and(ts('gte', 'now-20d'), and(ts('gte', 'now-3d'), ts('lte', 'now')), ts('lte', 'now-1d')),
      '2026-03-28T12:00:00.000Z',
      '2026-03-30T12:00:00.000Z',
    ],
    ['inside an or: no guarantee', or(ts('gte', 'now-7d'), success), null, null],
    ['and under an or: no guarantee', or(and(ts('gte', 'now-7d'), ts('lte', 'now'))), null, null],
    ['same_row is not descended', { operator: 'same_row', conditions: [ts('gte', 'now-7d')] }, null, null],
    ['eq is not a bound', ts('eq', 'now-1d'), null, null],
    ['other fields ignored', { field: 'duration', op: 'gte', value: 5 }, null, null],
    ['unresolvable value ignored', and(ts('gte', 'last week'), ts('lte', 42)), null, null],
    [
      'unresolvable beside valid',
      and(ts('gte', 'bogus'), ts('gte', 'now-1d')),
      '2026-03-30T12:00:00.000Z',
      null,
    ],
  ])('%s', (_name, filter, lower, upper) => {
    expect(findTimestampLowerBound(filter, NOW)?.toISOString() ?? null).toBe(lower);
    expect(findTimestampUpperBound(filter, NOW)?.toISOString() ?? null).toBe(upper);
  });
});

describe('checkDataWindow (D11)', () => {
  it('uses a 30-day window', () => {
    expect(DATA_WINDOW_MAX_DAYS).toBe(30);
  });

  it.each<[string, Filter | null, string | null]>([
    ['no filter', null, MISSING],
    ['no timestamp', and(success, agent), MISSING],
    ['only an upper bound', ts('lte', 'now'), MISSING],
    ['lower bound only inside an or', or(ts('gte', 'now-1d'), success), MISSING],
    ['last 7 days', and(ts('gte', 'now-7d'), ts('lte', 'now')), null],
    ['today-7d guide example', and(ts('gte', 'today-7d'), ts('lte', 'now')), null],
    ['exactly 30 days', ts('gte', 'now-30d'), null],
    ['30 days and a second', ts('gte', '2026-03-01T11:59:59Z'), TOO_OLD],
    ['31 days', and(ts('gte', 'now-31d'), ts('lte', 'now-20d')), TOO_OLD],
    ['today-30d starts before now-30d', ts('gte', 'today-30d'), TOO_OLD],
    ['1 month back from 31 March is 31 days', ts('gte', 'now-1M'), TOO_OLD],
    [
      'a recent start with a future end 31 days on',
      and(ts('gte', 'now-1d'), ts('lte', '2026-05-01T00:00:00Z')),
      TOO_WIDE,
    ],
    ['a recent start with an end 30 days on', and(ts('gte', 'now-1d'), ts('lte', 'now-1d')), null],
    ['empty window (end before start) is allowed', and(ts('gte', 'now-1d'), ts('lte', 'now-2d')), null],
    [
      'an old dashboard bound narrowed by a recent widget bound',
      and(and(ts('gte', 'now-60d')), and(ts('gte', 'now-7d'))),
      null,
    ],
  ])('%s', (_name, filter, expected) => {
    expect(checkDataWindow(filter, NOW)).toBe(expected);
  });

  it('checks the start before the span', () => {
    const filter = and(ts('gte', 'now-40d'), ts('lte', '2026-06-01T00:00:00Z'));
    expect(checkDataWindow(filter, NOW)).toBe(TOO_OLD);
  });
});
