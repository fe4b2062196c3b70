const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

export interface TimeTicks {
  ticks: number[];
  /** Ticks at whole days are labelled with the date, others with the time of day. */
  unit: 'hour' | 'day';
}

/**
 * Axis ticks for a time range, at whole UTC hours or days (the server cuts buckets and `today` in
 * UTC), with the smallest step that keeps at most `maxTicks` ticks, so that labels never repeat
 * ("Nov 23, Nov 23") as they do when a library spaces ticks evenly between arbitrary timestamps.
 * Total: an empty or inverted range gives no ticks.
 */
export function timeTicks(min: number, max: number, maxTicks: number): TimeTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return { ticks: [], unit: 'hour' };
  const limit = Math.max(2, Math.floor(maxTicks));
  const span = max - min;
  const step = STEPS.find((s) => span / s <= limit) ?? STEPS[STEPS.length - 1] ?? DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  return { ticks, unit: step >= DAY ? 'day' : 'hour' };
}
