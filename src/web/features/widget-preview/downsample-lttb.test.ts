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
