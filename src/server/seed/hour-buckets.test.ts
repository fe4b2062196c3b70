import { describe, expect, it } from 'vitest';
import { hourBuckets, SEED_SPAN_DAYS } from './hour-buckets.ts';

const NOW = new Date('2026-08-20T12:34:56.789Z');
const SPAN_MS = SEED_SPAN_DAYS * 86_400_000;

describe('hourBuckets', () => {
  it.each([
    ['no calls', 0, 0],
    ['a negative count', -5, 0],
    ['a fractional count', 2.9, 2],
    ['one call', 1, 1],
    ['fewer calls than hours', 7, 7],
    ['a default seed', 20_000, 20_000],
    ['an odd count', 123_457, 123_457],
  ])('%s: the counts add up to exactly the calls asked for', (_label, count, expected) => {
    const buckets = hourBuckets(count, NOW);
    expect(buckets.reduce((sum, bucket) => sum + bucket.calls, 0)).toBe(expected);
  });

  it('lies within the span, in time order, each bucket starting where the previous one ends in the index', () => {
    const buckets = hourBuckets(50_000, NOW);
    expect(buckets[0]?.startMs).toBe(NOW.getTime() - SPAN_MS);
    const last = buckets.at(-1);
    expect(last && last.startMs + last.spanMs).toBe(NOW.getTime());
    let next = 0;
    let previousEnd = -Infinity;
    for (const bucket of buckets) {
      expect(bucket.first).toBe(next);
      expect(bucket.calls).toBeGreaterThan(0);
      expect(bucket.spanMs).toBeGreaterThan(0);
      expect(bucket.spanMs).toBeLessThanOrEqual(3_600_000);
      expect(bucket.startMs).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = bucket.startMs + bucket.spanMs;
      next += bucket.calls;
    }
    // Every whole hour of 45 days (and the two clipped ends) holds calls at this volume.
    expect(buckets).toHaveLength(SEED_SPAN_DAYS * 24 + 1);
  });

  it('has the documented shape: office hours busier than nights, weekdays busier than Sundays, a rising trend', () => {
    const buckets = hourBuckets(200_000, NOW);
    const byHour = new Array<number>(24).fill(0);
    const byWeekday = new Array<number>(7).fill(0);
    for (const bucket of buckets) {
      const date = new Date(bucket.startMs);
      byHour[date.getUTCHours()] = (byHour[date.getUTCHours()] ?? 0) + bucket.calls;
      byWeekday[date.getUTCDay()] = (byWeekday[date.getUTCDay()] ?? 0) + bucket.calls;
    }
    expect(byHour[10]).toBeGreaterThan(5 * (byHour[3] ?? 0));
    expect(byWeekday[1]).toBeGreaterThan(2 * (byWeekday[0] ?? 0));
    const half = NOW.getTime() - SPAN_MS / 2;
    const early = buckets.filter((b) => b.startMs < half).reduce((sum, b) => sum + b.calls, 0);
    expect(200_000 - early).toBeGreaterThan(early);
  });

  it('is the same for the same count and time, and follows the time', () => {
    expect(hourBuckets(9_999, NOW)).toEqual(hourBuckets(9_999, NOW));
    const later = hourBuckets(9_999, new Date(NOW.getTime() + 3_600_000));
    expect(later[0]?.startMs).toBe(NOW.getTime() + 3_600_000 - SPAN_MS);
  });

  it('gives nothing for an invalid time', () => {
    expect(hourBuckets(100, new Date(Number.NaN))).toEqual([]);
  });
});
