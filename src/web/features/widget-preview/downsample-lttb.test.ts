import { describe, expect, it } from 'vitest';
import { downsampleLttb, type XYPoint } from './downsample-lttb.ts';

const ramp = (n: number): XYPoint[] => Array.from({ length: n }, (_, i) => ({ x: i, y: i % 7 }));

describe('downsampleLttb', () => {
  it.each([
    { name: 'fewer points than the threshold', n: 5, threshold: 10 },
    { name: 'exactly the threshold', n: 10, threshold: 10 },
    { name: 'threshold below 3', n: 50, threshold: 2 },
    { name: 'NaN threshold', n: 50, threshold: Number.NaN },
    { name: 'empty input', n: 0, threshold: 10 },
  ])('returns the same reference for $name', ({ n, threshold }) => {
    const points = ramp(n);
    expect(downsampleLttb(points, threshold)).toBe(points);
  });

  it.each([
    { n: 1000, threshold: 100 },
    { n: 5000, threshold: 300 },
    { n: 101, threshold: 3 },
    { n: 12, threshold: 11 },
  ])('keeps exactly $threshold of $n points, first and last included, in x order', ({ n, threshold }) => {
    const points = ramp(n);
    const out = downsampleLttb(points, threshold);
    expect(out).toHaveLength(threshold);
    expect(out[0]).toBe(points[0]);
    expect(out[out.length - 1]).toBe(points[n - 1]);
    for (let i = 1; i < out.length; i += 1) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('keeps a lone spike that averaging would flatten', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i === 537 ? 1000 : 1 }));
    const out = downsampleLttb(points, 50);
    expect(out.some((p) => p.y === 1000)).toBe(true);
  });

  it('keeps extra properties of the chosen points', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({ x: i, y: Math.sin(i / 5), id: i * 10 }));
    const out = downsampleLttb(points, 20);
    for (const p of out) expect(p.id).toBe(p.x * 10);
  });
});
