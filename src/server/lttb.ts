/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): picks `threshold` points of a
 * series ordered by x that keep its visual shape. The first and last points are always kept; the
 * rest are split into `threshold - 2` buckets of (nearly) equal point count, and from each bucket
 * the point forming the largest triangle with the previously kept point and the average of the next
 * bucket is kept.
 *
 * Returns the indexes of the kept points, ascending. When the series has no more than `threshold`
 * points, or `threshold` is below 3, every index is returned (nothing to gain, or no valid
 * downsampling). Pure and total: non-finite coordinates are treated as 0 for the area computation.
 */
export function lttb(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): number[] {
  const length = Math.min(xs.length, ys.length);
  const target = Math.floor(threshold);
  if (!(target >= 3) || length <= target) return Array.from({ length }, (_, i) => i);

  const x = (i: number) => finite(xs[i]);
  const y = (i: number) => finite(ys[i]);
  const kept: number[] = [0];
  const bucketSize = (length - 2) / (target - 2);
  let previous = 0;
  for (let bucket = 0; bucket < target - 2; bucket += 1) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    // Average of the next bucket (the last point for the final bucket).
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, length);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i += 1) {
      avgX += x(i);
      avgY += y(i);
    }
    const nextCount = nextEnd - nextStart;
    if (nextCount > 0) {
      avgX /= nextCount;
      avgY /= nextCount;
    } else {
      avgX = x(length - 1);
      avgY = y(length - 1);
    }
    const px = x(previous);
    const py = y(previous);
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i += 1) {
      const area = Math.abs((px - avgX) * (y(i) - py) - (px - x(i)) * (avgY - py));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    kept.push(best);
    previous = best;
  }
  kept.push(length - 1);
  return kept;
}

function finite(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
