/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013) over columns: `xs[i]`, `ys[i]` is
 * point i, sorted by x. Keeps the first and last point and, from each of `threshold - 2` equal buckets
 * in between, the point forming the largest triangle with the previously kept point and the next
 * bucket's average. It keeps the visual shape (peaks, dips) of a series with far fewer points, so
 * Recharts draws about one point per pixel instead of thousands. Returns the indices of the kept
 * points in ascending order: all of them when there are at most `threshold` points or the threshold
 * is below 3. Columns rather than point objects because it runs on the main thread over series of
 * 10^4–10^5 points (the preview) and over 30-day lines of 690k calls (the server's `max_points`): one
 * pass, no allocation but the answer. Total (reads `min(xs, ys)` points; a non-finite coordinate
 * counts as 0 in the area).
 */
export function downsampleLttb(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): Uint32Array {
  const length = Math.min(xs.length, ys.length);
  const size = Math.floor(threshold);
  if (!Number.isFinite(size) || size < 3 || length <= size) return allIndices(length);

  const kept = new Uint32Array(size);
  // Buckets cover the points between the first and the last one.
  const every = (length - 2) / (size - 2);
  let anchor = 0;
  let written = 1;

  for (let bucket = 0; bucket < size - 2; bucket += 1) {
    const start = Math.floor(bucket * every) + 1;
    const end = Math.min(Math.floor((bucket + 1) * every) + 1, length - 1);

    // The average of the next bucket (the last point for the final bucket) is the third vertex.
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, length);
    let avgX = 0;
    let avgY = 0;
    for (let i = end; i < nextEnd; i += 1) {
      avgX += finite(xs[i]);
      avgY += finite(ys[i]);
    }
    const count = nextEnd - end;
    if (count > 0) {
      avgX /= count;
      avgY /= count;
    } else {
      avgX = finite(xs[length - 1]);
      avgY = finite(ys[length - 1]);
    }

    const ax = finite(xs[anchor]);
    const ay = finite(ys[anchor]);
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i += 1) {
      const area = Math.abs((ax - avgX) * (finite(ys[i]) - ay) - (ax - finite(xs[i])) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    kept[written] = best;
    written += 1;
    anchor = best;
  }

  kept[written] = length - 1;
  return kept;
}

function allIndices(length: number): Uint32Array {
  const indices = new Uint32Array(length);
  for (let i = 0; i < length; i += 1) indices[i] = i;
  return indices;
}

function finite(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
