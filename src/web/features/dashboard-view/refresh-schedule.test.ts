import { describe, expect, it } from 'vitest';
import { nextRefreshDelay, refreshMs } from './refresh-schedule.ts';

describe('nextRefreshDelay', () => {
  it.each<[string, number, number, number | undefined, number | false]>([
    ['off', 0, 0, undefined, false],
    ['a negative interval is off', -5, 0, undefined, false],
    ['NaN is off', Number.NaN, 0, undefined, false],
    ['no failure: the interval', 30_000, 0, undefined, 30_000],
    ['one failure doubles', 30_000, 1, undefined, 60_000],
    ['three failures: ×8', 30_000, 3, undefined, 240_000],
    ['capped at 15 minutes', 30_000, 10, undefined, 900_000],
    ['a cap of its own (wall mode)', 30_000, 10, 60_000, 60_000],
    ['never below the interval, even under the cap', 900_000, 2, 60_000, 900_000],
    ['a huge failure count does not overflow', 60_000, 10_000, undefined, 900_000],
    ['a negative failure count is none', 60_000, -3, undefined, 60_000],
    ['a fractional count is rounded down', 60_000, 1.7, undefined, 120_000],
  ])('%s', (_, interval, failures, max, expected) => {
    expect(nextRefreshDelay(interval, failures, max)).toBe(expected);
  });
});

describe('refreshMs', () => {
  it.each([
    ['off', 0],
    ['30s', 30_000],
    ['1m', 60_000],
    ['5m', 300_000],
    ['15m', 900_000],
    ['2h', 0],
  ])('%s is %i ms', (id, ms) => {
    expect(refreshMs(id)).toBe(ms);
  });
});
