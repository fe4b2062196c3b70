import type { TimePeriod } from '../../contract/enums.ts';

/** How bar data is bucketed: a calendar period in UTC, or fixed `interval` ms buckets (D2). */
export type BucketSpec = { period: TimePeriod } | { interval: number };

const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05, the first Monday after the epoch: ISO weeks start on Monday. */
const FIRST_MONDAY = 4 * DAY;

function floorTo(ts: number, size: number, offset = 0): number {
  return Math.floor((ts - offset) / size) * size + offset;
}

/** The start (epoch ms, UTC) of the bucket holding `ts`. Pure, total for finite input. */
export function bucketStart(ts: number, spec: BucketSpec): number {
  if ('interval' in spec) return floorTo(ts, spec.interval);
  switch (spec.period) {
    case 'hour':
      return floorTo(ts, HOUR);
    case 'day':
      return floorTo(ts, DAY);
    case 'week':
      return floorTo(ts, WEEK, FIRST_MONDAY);
    case 'month': {
      const date = new Date(ts);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
  }
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, spec: BucketSpec): number {
  if ('interval' in spec) return start + spec.interval;
  switch (spec.period) {
    case 'hour':
      return start + HOUR;
    case 'day':
      return start + DAY;
    case 'week':
      return start + WEEK;
    case 'month': {
      const date = new Date(start);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  }
}

export interface BucketRange {
  /** Bucket start, the `time_interval` label. */
  start: number;
  /** Inclusive epoch-ms range of the bucket clipped to the window. */
  from: number;
  to: number;
}

/**
 * The buckets covering the inclusive window [from, to], clipped to it, oldest first; at most
 * `limit + 1` are produced (so a caller can tell "too many" without building them all). Pure.
 */
export function enumerateBuckets(from: number, to: number, spec: BucketSpec, limit: number): BucketRange[] {
  const out: BucketRange[] = [];
  if (!(from <= to)) return out;
  for (let start = bucketStart(from, spec); start <= to && out.length <= limit;) {
    const next = nextBucketStart(start, spec);
    out.push({ start, from: Math.max(start, from), to: Math.min(next - 1, to) });
    start = next;
  }
  return out;
}

/**
 * The same bucketing as `bucketStart`, as a DuckDB expression over a BIGINT epoch-ms column, for the
 * GROUP BY of bar charts. Sizes are bound as BIGINT parameters; the floor is correct for negative
 * times too (`%` keeps the dividend's sign, so the remainder is shifted into [0, size)).
 */
export function bucketSql(column: string, spec: BucketSpec): { sql: string; params: number[] } {
  if ('interval' in spec) return floorSql(column, spec.interval, 0);
  switch (spec.period) {
    case 'hour':
      return floorSql(column, HOUR, 0);
    case 'day':
      return floorSql(column, DAY, 0);
    case 'week':
      return floorSql(column, WEEK, FIRST_MONDAY);
    case 'month':
      // epoch_ms(BIGINT) is a UTC TIMESTAMP; epoch_ms(TIMESTAMP) the milliseconds back.
      return { sql: `epoch_ms(date_trunc('month', epoch_ms(${column})))`, params: [] };
  }
}

/** ts - ((ts - offset) mod size), the mod taken into [0, size). */
function floorSql(column: string, size: number, offset: number): { sql: string; params: number[] } {
  return {
    sql: `(${column} - (((${column} - CAST(? AS BIGINT)) % CAST(? AS BIGINT)) + CAST(? AS BIGINT)) % CAST(? AS BIGINT))`,
    params: [offset, size, size, size],
  };
}

/** 10000-01-01T00:00:00Z: from here on `toISOString` writes six-digit years. */
const FOUR_DIGIT_YEARS_UNTIL = 253_402_300_800_000;
// The date part of the last day formatted: a line's points come in time order, many to a day.
let lastDay = Number.NaN;
let lastDayPrefix = '';

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));
const threeDigits = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * The wire form of an instant: ISO-8601 UTC with milliseconds, like stored call timestamps; exactly
 * `new Date(ms).toISOString()`. A 30-day line writes 690,000 of them, and `toISOString` costs about
 * 1.6 µs each: the time of day is written by arithmetic after the date part of its day, which is
 * kept from the previous call (about 0.16 µs). Whole milliseconds from 1970 to 9999 take that path;
 * anything else goes to `Date` (which throws for non-finite input, as before).
 */
export function formatInstant(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= FOUR_DIGIT_YEARS_UNTIL) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY);
  if (day !== lastDay) {
    lastDay = day;
    lastDayPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  let rest = ms - day * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${lastDayPrefix}${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${threeDigits(millis)}Z`;
}
