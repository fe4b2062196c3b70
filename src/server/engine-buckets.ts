import type { TimePeriod } from '../contract/enums.ts';

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
 * The same bucketing as `bucketStart`, as an SQL expression over an integer epoch-ms column, for the
 * single-statement GROUP BY path. Interval sizes are bound as parameters.
 */
export function bucketSql(column: string, spec: BucketSpec): { sql: string; params: number[] } {
  if ('interval' in spec) {
    return {
      sql: `((${column} - (${column} % ?) - (CASE WHEN ${column} % ? < 0 THEN ? ELSE 0 END)))`,
      params: [spec.interval, spec.interval, spec.interval],
    };
  }
  switch (spec.period) {
    case 'hour':
      return floorSql(column, HOUR, 0);
    case 'day':
      return floorSql(column, DAY, 0);
    case 'week':
      return floorSql(column, WEEK, FIRST_MONDAY);
    case 'month':
      return {
        sql: `(CAST(strftime('%s', ${column} / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000)`,
        params: [],
      };
  }
}

/** floor((ts - offset) / size) * size + offset in integer SQL, correct for negative values too. */
function floorSql(column: string, size: number, offset: number): { sql: string; params: number[] } {
  const shifted = `(${column} - ?)`;
  return {
    sql: `(${shifted} - (${shifted} % ?) - (CASE WHEN ${shifted} % ? < 0 THEN ? ELSE 0 END) + ?)`,
    params: [offset, offset, size, offset, size, size, offset],
  };
}

/** The wire form of an instant: ISO-8601 UTC with milliseconds, like stored call timestamps. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
