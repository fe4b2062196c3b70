const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Calls spread over this many days before now (more than 30, so the 30-day limit is visible). */
export const SEED_SPAN_DAYS = 45;

/** Relative call volume by UTC hour: quiet nights, busy office hours with two peaks. */
const HOURLY_WEIGHT = [
  0.12, 0.08, 0.06, 0.06, 0.08, 0.15, 0.3, 0.55, 0.8, 0.95, 1, 0.95, 0.8, 0.9, 1, 0.95, 0.85, 0.7, 0.55, 0.45,
  0.38, 0.3, 0.22, 0.16,
];
/** Relative volume by UTC weekday (Sunday first). */
const WEEKDAY_WEIGHT = [0.35, 1, 0.97, 0.95, 0.93, 0.85, 0.5];

/** One UTC hour of the seeded span (clipped to the span at both ends) and the calls it holds. */
export interface HourBucket {
  startMs: number;
  /** Length in ms (a whole hour except at the span's two ends); never 0. */
  spanMs: number;
  /** How many calls fall in it. */
  calls: number;
  /** The index (0-based, over the whole seed) of its first call: buckets are in time order. */
  first: number;
}

/**
 * How `count` calls spread over the `SEED_SPAN_DAYS` before `now`, hour by hour: in proportion to the
 * hour of day, the weekday, a gentle upward trend and the hour's length, rounded by largest remainder so
 * the counts add up to `count` exactly. Buckets with no call are left out. Pure and total (a count
 * below 1 gives no bucket); the seed draws each call's time inside its bucket.
 */
export function hourBuckets(count: number, now: Date): HourBucket[] {
  const total = Math.max(0, Math.floor(count));
  const end = now.getTime();
  const start = end - SEED_SPAN_DAYS * DAY_MS;
  if (total === 0 || !Number.isFinite(end)) return [];
  const hours: { startMs: number; spanMs: number; weight: number }[] = [];
  for (let hour = Math.floor(start / HOUR_MS) * HOUR_MS; hour < end; hour += HOUR_MS) {
    const from = Math.max(hour, start);
    const to = Math.min(hour + HOUR_MS, end);
    if (to <= from) continue;
    const date = new Date(hour);
    const trend = 0.8 + (0.2 * ((from + to) / 2 - start)) / (end - start);
    const weight =
      (HOURLY_WEIGHT[date.getUTCHours()] ?? 1) *
      (WEEKDAY_WEIGHT[date.getUTCDay()] ?? 1) *
      trend *
      ((to - from) / HOUR_MS);
    hours.push({ startMs: from, spanMs: to - from, weight });
  }
  const weightSum = hours.reduce((sum, hour) => sum + hour.weight, 0);
  const exact = hours.map((hour) => (hour.weight / weightSum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((sum, n) => sum + n, 0);
  // Largest remainder (ties to the earlier hour), so the total is exact.
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  const buckets: HourBucket[] = [];
  let first = 0;
  hours.forEach((hour, index) => {
    const calls = counts[index] ?? 0;
    if (calls === 0) return;
    buckets.push({ startMs: hour.startMs, spanMs: hour.spanMs, calls, first });
    first += calls;
  });
  return buckets;
}
