import { openAnalytics, queryRows } from '../analytics/analytics-database.ts';
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import {
  bucketSql,
  bucketStart,
  enumerateBuckets,
  formatInstant,
  nextBucketStart,
  type BucketSpec,
} from './engine-buckets.ts';

const at = (iso: string) => Date.parse(iso);

describe('bucketStart (UTC)', () => {
  it.each<[string, BucketSpec, string, string]>([
    ['hour', { period: 'hour' }, '2026-08-20T15:59:59.999Z', '2026-08-20T15:00:00.000Z'],
    ['day', { period: 'day' }, '2026-08-20T23:59:59.999Z', '2026-08-20T00:00:00.000Z'],
    [
      'week starts Monday (Thursday)',
      { period: 'week' },
      '2026-08-20T10:00:00.000Z',
      '2026-08-17T00:00:00.000Z',
    ],
    [
      'week: Sunday belongs to the previous Monday',
      { period: 'week' },
      '2026-08-23T23:00:00.000Z',
      '2026-08-17T00:00:00.000Z',
    ],
    [
      'week: Monday midnight starts a week',
      { period: 'week' },
      '2026-08-24T00:00:00.000Z',
      '2026-08-24T00:00:00.000Z',
    ],
    ['month', { period: 'month' }, '2026-03-31T23:59:59.999Z', '2026-03-01T00:00:00.000Z'],
    ['interval 15 minutes', { interval: 900_000 }, '2026-08-20T15:44:59.000Z', '2026-08-20T15:30:00.000Z'],
  ])('%s', (_name, spec, ts, expected) => {
    expect(new Date(bucketStart(at(ts), spec)).toISOString()).toBe(expected);
  });

  it('steps months by the calendar', () => {
    expect(new Date(nextBucketStart(at('2026-01-01T00:00:00Z'), { period: 'month' })).toISOString()).toBe(
      '2026-02-01T00:00:00.000Z',
    );
    expect(new Date(nextBucketStart(at('2026-12-01T00:00:00Z'), { period: 'month' })).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('enumerates buckets clipped to the window', () => {
    const buckets = enumerateBuckets(
      at('2026-08-20T10:30:00Z'),
      at('2026-08-22T01:00:00Z'),
      { period: 'day' },
      100,
    );
    expect(buckets.map((b) => [b.start, b.from, b.to].map((t) => new Date(t).toISOString()))).toEqual([
      ['2026-08-20T00:00:00.000Z', '2026-08-20T10:30:00.000Z', '2026-08-20T23:59:59.999Z'],
      ['2026-08-21T00:00:00.000Z', '2026-08-21T00:00:00.000Z', '2026-08-21T23:59:59.999Z'],
      ['2026-08-22T00:00:00.000Z', '2026-08-22T00:00:00.000Z', '2026-08-22T01:00:00.000Z'],
    ]);
    expect(enumerateBuckets(10, 5, { period: 'day' }, 100)).toEqual([]);
    expect(enumerateBuckets(0, 10 * 3_600_000, { period: 'hour' }, 3)).toHaveLength(4);
  });

  it('the DuckDB expression buckets exactly like bucketStart, before the epoch too', async () => {
    const analytics = openAnalytics(':memory:');
    const times = [
      0,
      1,
      -1,
      -86_400_001,
      86_399_999,
      at('1969-12-29T00:00:00Z'),
      at('2026-08-23T23:59:59.999Z'),
      at('2026-08-24T00:00:00Z'),
      at('2024-02-29T12:00:00Z'),
      at('2026-12-31T23:59:59.999Z'),
    ];
    const specs: BucketSpec[] = [
      { period: 'hour' },
      { period: 'day' },
      { period: 'week' },
      { period: 'month' },
      { interval: 60_000 * 37 },
    ];
    try {
      for (const spec of specs) {
        const expr = bucketSql('t.ts', spec);
        const rows = await analytics.read(null, (connection) =>
          queryRows(
            connection,
            `SELECT t.ts, ${expr.sql} FROM (VALUES ${times.map(() => '(CAST(? AS BIGINT))').join(', ')}) t(ts) ORDER BY t.ts`,
            [...expr.params, ...times],
          ),
        );
        expect(rows, JSON.stringify(spec)).toEqual(
          [...times].sort((a, b) => a - b).map((ts) => [ts, bucketStart(ts, spec)]),
        );
      }
    } finally {
      analytics.close();
    }
  });
});

describe('formatInstant', () => {
  it.each([
    ['the epoch', 0],
    ['the last millisecond of a day', Date.parse('2026-08-20T23:59:59.999Z')],
    ['the first of the next', Date.parse('2026-08-21T00:00:00.000Z')],
    ['a leap day', Date.parse('2028-02-29T12:34:56.007Z')],
    ['the last four-digit year', Date.parse('9999-12-31T23:59:59.999Z')],
    ['six-digit years (Date)', Date.parse('+010000-01-01T00:00:00.000Z')],
    ['before the epoch (Date)', -1],
    ['a fraction of a millisecond (Date)', 1_700_000_000_000.5],
  ])('writes %s as toISOString does', (_name, ms) => {
    expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('equals toISOString for every instant, in every order (the day it keeps is never stale)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: 1.7e12, max: 1.8e12 })),
          {
            maxLength: 50,
          },
        ),
        (instants) => {
          for (const ms of instants) expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws for an instant Date cannot write', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
  });
});
