import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks.ts';

describe('niceTicks', () => {
  it.each<[string, number, number, number[]]>([
    // The ticks the issue saw were "550, 1.1K, 1.7K, 2.2K" and "0, 0.3, 0.5, 0.8, 1".
    ['counts up to 2,200', 0, 2200, [0, 500, 1000, 1500, 2000, 2500]],
    ['a 0–1 score', 0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    ['a fraction below 1', 0.1, 0.83, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    ['milliseconds', 120, 850, [0, 200, 400, 600, 800, 1000]],
    ['small counts', 0, 12, [0, 5, 10, 15]],
    ['negative values', -3, 7, [-4, -2, 0, 2, 4, 6, 8]],
    ['one flat value', 5, 5, [0, 1, 2, 3, 4, 5]],
    ['all zero', 0, 0, [0, 1]],
    ['tiny values', 0, 0.003, [0, 0.001, 0.002, 0.003]],
  ])('%s (%s…%s) → %j', (_name, min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });

  it('gives [0, 1] for values that are not numbers', () => {
    expect(niceTicks(Number.NaN, 3)).toEqual([0, 1]);
    expect(niceTicks(0, Number.POSITIVE_INFINITY)).toEqual([0, 1]);
  });

  it('every tick is a round multiple of the step (no float noise)', () => {
    for (const tick of niceTicks(0, 0.7)) expect(String(tick).length).toBeLessThanOrEqual(3);
  });
});
