import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks.ts';

const at = (iso: string) => Date.parse(iso);

describe('timeTicks', () => {
  it.each([
    {
      name: 'a week at daily ticks',
      min: at('2026-01-01T05:00:00Z'),
      max: at('2026-01-08T03:00:00Z'),
      maxTicks: 8,
      expected: { unit: 'day', first: '2026-01-02T00:00:00.000Z', count: 7 },
    },
    {
      name: 'a week with little room: every two days',
      min: at('2026-01-01T00:00:00Z'),
      max: at('2026-01-08T00:00:00Z'),
      maxTicks: 4,
      expected: { unit: 'day', first: '2026-01-01T00:00:00.000Z', count: 4 },
    },
    {
      name: 'a day at 3-hour ticks',
      min: at('2026-01-01T00:30:00Z'),
      max: at('2026-01-02T00:00:00Z'),
      maxTicks: 8,
      expected: { unit: 'hour', first: '2026-01-01T03:00:00.000Z', count: 8 },
    },
    {
      name: 'an hour at one tick per hour',
      min: at('2026-01-01T10:10:00Z'),
      max: at('2026-01-01T11:10:00Z'),
      maxTicks: 6,
      expected: { unit: 'hour', first: '2026-01-01T11:00:00.000Z', count: 1 },
    },
  ])('$name', ({ min, max, maxTicks, expected }) => {
    const result = timeTicks(min, max, maxTicks);
    expect(result.unit).toBe(expected.unit);
    expect(new Date(result.ticks[0]!).toISOString()).toBe(expected.first);
    expect(result.ticks).toHaveLength(expected.count);
    expect(result.ticks.length).toBeLessThanOrEqual(Math.max(2, maxTicks));
  });

  it.each([
    { min: 10, max: 5 },
    { min: Number.NaN, max: 5 },
  ])('no ticks for $min..$max', ({ min, max }) => {
    expect(timeTicks(min, max, 5).ticks).toEqual([]);
  });
});
