import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lttb } from './lttb.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('lttb', () => {
  it.each([
    ['shorter than the threshold', range(5), [1, 2, 3, 4, 5], 10, [0, 1, 2, 3, 4]],
    ['exactly the threshold', range(4), [1, 2, 3, 4], 4, [0, 1, 2, 3]],
    ['threshold below 3 keeps everything', range(6), [1, 2, 3, 4, 5, 6], 2, [0, 1, 2, 3, 4, 5]],
    ['empty series', [], [], 10, []],
    ['keeps the spike and the dip', range(10), [0, 0, 0, 10, 0, 0, 0, 0, -20, 0], 4, [0, 3, 8, 9]],
    ['threshold 3 keeps the extreme middle point', range(7), [0, 1, 2, 9, 2, 1, 0], 3, [0, 3, 6]],
  ])('%s', (_name, xs, ys, threshold, expected) => {
    expect(lttb(xs, ys, threshold)).toEqual(expected);
  });

  it('returns exactly `threshold` ascending indexes with both ends kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 400 }),
        fc.integer({ min: 3, max: 50 }),
        (ys, threshold) => {
          const xs = range(ys.length);
          const kept = lttb(xs, ys, threshold);
          expect(kept.length).toBe(Math.min(threshold, ys.length));
          expect(kept[0]).toBe(0);
          expect(kept.at(-1)).toBe(ys.length - 1);
          for (let i = 1; i < kept.length; i += 1) expect(kept[i]!).toBeGreaterThan(kept[i - 1]!);
        },
      ),
    );
  });

  it('keeps the global maximum of a single spike in a long flat series', () => {
    const ys = range(1000).map((i) => (i === 617 ? 100 : 1));
    expect(lttb(range(1000), ys, 20)).toContain(617);
  });
});
