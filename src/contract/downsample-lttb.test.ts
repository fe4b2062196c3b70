import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsampleLttb } from './downsample-lttb.ts';

function columns(n: number, y: (i: number) => number = (i) => i % 7) {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    xs[i] = i;
    ys[i] = y(i);
  }
  return { xs, ys };
}

describe('downsampleLttb', () => {
  it.each([
    { name: 'fewer points than the threshold', n: 5, threshold: 10 },
    { name: 'exactly the threshold', n: 10, threshold: 10 },
    { name: 'threshold below 3', n: 50, threshold: 2 },
    { name: 'NaN threshold', n: 50, threshold: Number.NaN },
    { name: 'empty input', n: 0, threshold: 10 },
  ])('keeps every index for $name', ({ n, threshold }) => {
    const { xs, ys } = columns(n);
    expect([...downsampleLttb(xs, ys, threshold)]).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it.each([
    { n: 1000, threshold: 100 },
    { n: 5000, threshold: 300 },
    { n: 50_000, threshold: 344 },
    { n: 101, threshold: 3 },
    { n: 12, threshold: 11 },
  ])('keeps exactly $threshold of $n points, first and last included, in x order', ({ n, threshold }) => {
    const { xs, ys } = columns(n);
    const kept = downsampleLttb(xs, ys, threshold);
    expect(kept).toHaveLength(threshold);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(n - 1);
    for (let i = 1; i < kept.length; i += 1) expect(kept[i]!).toBeGreaterThan(kept[i - 1]!);
  });

  it('keeps a lone spike that averaging would flatten', () => {
    const { xs, ys } = columns(1000, (i) => (i === 537 ? 1000 : 1));
    expect([...downsampleLttb(xs, ys, 50)]).toContain(537);
  });

  it('reads only as many points as both columns have', () => {
    const kept = downsampleLttb(new Float64Array(100), new Float64Array(40), 10);
    expect(kept).toHaveLength(10);
    expect(kept[kept.length - 1]).toBe(39);
  });

  it('works on plain arrays as well as typed arrays', () => {
    const xs = Array.from({ length: 30 }, (_, i) => i);
    const ys = xs.map((i) => Math.sin(i));
    expect([...downsampleLttb(xs, ys, 8)]).toEqual([...downsampleLttb(columns(30, Math.sin).xs, ys, 8)]);
  });
});

const lttb = (xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number) =>
  Array.from(downsampleLttb(xs, ys, threshold));

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('downsampleLttb, table and properties', () => {
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
