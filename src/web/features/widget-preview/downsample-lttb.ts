/** A plotted point: x is a number (epoch ms for time axes), y the value. */
export interface XYPoint {
  x: number;
  y: number;
}

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the first and last point and,
 * from each of `threshold - 2` equal buckets in between, the point forming the largest triangle with
 * the previously kept point and the next bucket's average. It keeps the visual shape (peaks, dips) of
 * a series with far fewer points, so Recharts draws about one point per pixel instead of thousands.
 * Returns the input unchanged (same reference) when it already has at most `threshold` points or
 * the threshold is below 3. Points must be sorted by x. Total.
 */
export function downsampleLttb<T extends XYPoint>(points: readonly T[], threshold: number): readonly T[] {
  const size = Math.floor(threshold);
  if (!Number.isFinite(size) || size < 3 || points.length <= size) return points;

  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return points;

  const sampled: T[] = [first];
  // Buckets cover the points between the first and the last one.
  const every = (points.length - 2) / (size - 2);
  let anchor: T = first;

  for (let bucket = 0; bucket < size - 2; bucket += 1) {
    const start = Math.floor(bucket * every) + 1;
    const end = Math.min(Math.floor((bucket + 1) * every) + 1, points.length - 1);

    // The average of the next bucket (or the last point for the final bucket) is the third vertex.
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, points.length);
    let avgX = 0;
    let avgY = 0;
    let count = 0;
    for (let i = nextStart; i < nextEnd; i += 1) {
      const p = points[i];
      if (p === undefined) continue;
      avgX += p.x;
      avgY += p.y;
      count += 1;
    }
    if (count === 0) {
      avgX = last.x;
      avgY = last.y;
    } else {
      avgX /= count;
      avgY /= count;
    }

    let best: T | undefined;
    let bestArea = -1;
    for (let i = start; i < end; i += 1) {
      const p = points[i];
      if (p === undefined) continue;
      const area = Math.abs((anchor.x - avgX) * (p.y - anchor.y) - (anchor.x - p.x) * (avgY - anchor.y));
      if (area > bestArea) {
        bestArea = area;
        best = p;
      }
    }
    if (best !== undefined) {
      sampled.push(best);
      anchor = best;
    }
  }

  sampled.push(last);
  return sampled;
}
