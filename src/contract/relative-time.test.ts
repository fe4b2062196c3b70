import type { FilterOp } from './filter-schema.ts';
import {
  describeTimeInSentence,
  describeLastPeriod,
  describeTimeValue,
  formatTimeRange,
  isTimeValue,
  parseTimeValue,
  resolveTimeValue,
  subtractOffset,
} from './relative-time.ts';

const NOW = new Date('2026-03-31T15:45:30.250Z');

describe('parseTimeValue', () => {
  it.each([
    ['now', { kind: 'relative', anchor: 'now', amount: 0, unit: 's' }],
    ['today', { kind: 'relative', anchor: 'today', amount: 0, unit: 'd' }],
    ['now-7d', { kind: 'relative', anchor: 'now', amount: 7, unit: 'd' }],
    ['now-30m', { kind: 'relative', anchor: 'now', amount: 30, unit: 'm' }],
    ['now-1M', { kind: 'relative', anchor: 'now', amount: 1, unit: 'M' }],
    ['today-7d', { kind: 'relative', anchor: 'today', amount: 7, unit: 'd' }],
    ['today-2w', { kind: 'relative', anchor: 'today', amount: 2, unit: 'w' }],
    ['now-1y', { kind: 'relative', anchor: 'now', amount: 1, unit: 'y' }],
    ['now-90s', { kind: 'relative', anchor: 'now', amount: 90, unit: 's' }],
    ['now-12h', { kind: 'relative', anchor: 'now', amount: 12, unit: 'h' }],
  ])('parses %s as a relative value', (input, expected) => {
    expect(parseTimeValue(input)).toEqual(expected);
  });

  it.each([
    ['2025-11-03T10:30:00Z', '2025-11-03T10:30:00.000Z', false],
    ['2025-11-03T10:30Z', '2025-11-03T10:30:00.000Z', false],
    ['2025-11-03T10:30:00', '2025-11-03T10:30:00.000Z', false],
    ['2025-11-03T10:30:00.295Z', '2025-11-03T10:30:00.295Z', false],
    ['2025-11-03T10:30:00.123456+00:00', '2025-11-03T10:30:00.123Z', false],
    ['2025-11-03T10:30:00+02:00', '2025-11-03T08:30:00.000Z', false],
    ['2025-11-03T10:30:00-0530', '2025-11-03T16:00:00.000Z', false],
    ['2025-11-03T01:00:00+05', '2025-11-02T20:00:00.000Z', false],
    ['2025-11-03', '2025-11-03T00:00:00.000Z', true],
    ['2024-02-29', '2024-02-29T00:00:00.000Z', true],
    ['0099-01-01', '0099-01-01T00:00:00.000Z', true],
  ])('parses ISO %s', (input, iso, dateOnly) => {
    const parsed = parseTimeValue(input);
    expect(parsed?.kind).toBe('absolute');
    if (parsed?.kind !== 'absolute') return;
    expect(parsed.date.toISOString()).toBe(iso);
    expect(parsed.dateOnly).toBe(dateOnly);
  });

  it.each([
    'Now',
    'NOW',
    'now-',
    'now-0d',
    'now-07d',
    'now+1d',
    'now-1D',
    'now-1x',
    'now-1d2h',
    'now - 1d',
    ' now',
    'today-1.5d',
    'yesterday',
    'now-1001y',
    'now-99999999999d',
    '',
    '2025-13-01',
    '2025-02-29',
    '2025-04-31',
    '2025-11-03T24:00:00Z',
    '2025-11-03T10:60:00Z',
    '2025-11-03T10:30:61Z',
    '2025-11-03T10:30:00+24:00',
    '2025-11-03T10',
    '2025-11-3',
    '25-11-03',
    '2025/11/03',
    '1730629800',
    'Mon, 03 Nov 2025 10:30:00 GMT',
  ])('rejects %j', (input) => {
    expect(parseTimeValue(input)).toBeNull();
  });
});

describe('isTimeValue', () => {
  it.each([
    ['now-7d', true],
    ['2025-11-03', true],
    ['now-7', false],
    [1730629800000, false],
    [null, false],
    [undefined, false],
    [{}, false],
    [['now'], false],
  ])('isTimeValue(%j) is %s', (value, expected) => {
    expect(isTimeValue(value)).toBe(expected);
  });
});

describe('subtractOffset', () => {
  it.each([
    ['2026-03-31T10:00:00Z', 1, 'M', '2026-02-28T10:00:00.000Z'],
    ['2024-03-31T10:00:00Z', 1, 'M', '2024-02-29T10:00:00.000Z'],
    ['2026-01-15T00:00:00Z', 1, 'M', '2025-12-15T00:00:00.000Z'],
    ['2026-01-31T23:59:59.999Z', 13, 'M', '2024-12-31T23:59:59.999Z'],
    ['2024-02-29T12:00:00Z', 1, 'y', '2023-02-28T12:00:00.000Z'],
    ['2024-02-29T12:00:00Z', 4, 'y', '2020-02-29T12:00:00.000Z'],
    ['2026-03-31T10:00:00Z', 2, 'w', '2026-03-17T10:00:00.000Z'],
    ['2026-03-31T10:00:00Z', 36, 'h', '2026-03-29T22:00:00.000Z'],
    ['2026-03-31T10:00:00Z', 90, 'm', '2026-03-31T08:30:00.000Z'],
    ['2026-03-31T10:00:00Z', 5, 's', '2026-03-31T09:59:55.000Z'],
  ] as const)('%s minus %i%s is %s', (from, amount, unit, expected) => {
    expect(subtractOffset(new Date(from), amount, unit).toISOString()).toBe(expected);
  });
});

describe('resolveTimeValue', () => {
  it.each<[string, FilterOp, string]>([
    ['now', 'gte', '2026-03-31T15:45:30.250Z'],
    ['now', 'lte', '2026-03-31T15:45:30.250Z'],
    ['now-7d', 'gte', '2026-03-24T15:45:30.250Z'],
    ['now-1M', 'gte', '2026-02-28T15:45:30.250Z'],
    ['now-1y', 'gt', '2025-03-31T15:45:30.250Z'],
    ['now-30m', 'gte', '2026-03-31T15:15:30.250Z'],
    ['today', 'gte', '2026-03-31T00:00:00.000Z'],
    ['today', 'gt', '2026-03-31T00:00:00.000Z'],
    ['today', 'eq', '2026-03-31T00:00:00.000Z'],
    ['today', 'lte', '2026-03-31T23:59:59.999Z'],
    ['today', 'lt', '2026-03-31T23:59:59.999Z'],
    ['today-7d', 'gte', '2026-03-24T00:00:00.000Z'],
    ['today-7d', 'eq', '2026-03-24T00:00:00.000Z'],
    ['today-7d', 'lte', '2026-03-24T23:59:59.999Z'],
    ['today-1M', 'gte', '2026-02-28T00:00:00.000Z'],
    ['today-1w', 'lt', '2026-03-24T23:59:59.999Z'],
    // Sub-day units pick the day that contains now minus the offset.
    ['today-15h', 'gte', '2026-03-31T00:00:00.000Z'],
    ['today-16h', 'gte', '2026-03-30T00:00:00.000Z'],
    ['2025-11-03T10:30:00Z', 'gte', '2025-11-03T10:30:00.000Z'],
    ['2025-11-03T10:30:00Z', 'lte', '2025-11-03T10:30:00.000Z'],
    ['2025-11-03', 'gte', '2025-11-03T00:00:00.000Z'],
    ['2025-11-03', 'lte', '2025-11-03T23:59:59.999Z'],
  ])('%s with %s is %s', (value, op, expected) => {
    expect(resolveTimeValue(value, op, NOW)?.toISOString()).toBe(expected);
  });

  it.each<[unknown, Date]>([
    ['now-7', NOW],
    [42, NOW],
    [null, NOW],
    [['now'], NOW],
    ['now', new Date(Number.NaN)],
  ])('gives null for %j', (value, now) => {
    expect(resolveTimeValue(value, 'gte', now)).toBeNull();
  });

  it('resolves the largest accepted offsets to real dates', () => {
    for (const value of ['now-1000y', 'today-12000M', 'now-366000d', 'now-31622400000s']) {
      const date = resolveTimeValue(value, 'gte', NOW);
      expect(date, value).not.toBeNull();
      expect(Number.isNaN(date?.getTime()), value).toBe(false);
    }
  });
});

describe('describeTimeInSentence', () => {
  it.each([
    ['now', 'now'],
    ['today', 'midnight UTC today'],
    ['today-1d', 'midnight UTC yesterday'],
    // "Call time from The day 7 days ago" was the effective-filter view's reading of today-7d.
    ['today-7d', 'midnight UTC 7 days ago'],
    ['today-1w', 'midnight UTC 1 week ago'],
    ['now-7d', '7 days ago'],
    ['2025-11-03', '2025-11-03'],
    ['2025-11-03T10:30:00Z', '2025-11-03 10:30 UTC'],
    ['soon', 'soon'],
  ])('reads %s mid-sentence as %j', (value, expected) => {
    expect(describeTimeInSentence(value)).toBe(expected);
  });
});

describe('describeTimeValue', () => {
  it.each([
    ['now', 'Now'],
    ['today', 'Today'],
    ['now-7d', '7 days ago'],
    ['now-1d', '1 day ago'],
    ['now-1h', '1 hour ago'],
    ['now-30m', '30 minutes ago'],
    ['now-2M', '2 months ago'],
    ['now-1y', '1 year ago'],
    ['now-10s', '10 seconds ago'],
    ['now-3w', '3 weeks ago'],
    ['today-1d', 'Yesterday'],
    ['today-7d', 'The day 7 days ago'],
    ['today-1w', 'The day 1 week ago'],
    ['2025-11-03', '2025-11-03'],
    ['2025-11-03T10:30:00Z', '2025-11-03 10:30 UTC'],
    ['2025-11-03T10:30:15+01:00', '2025-11-03 09:30:15 UTC'],
    ['2025-11-03T10:30:15.5Z', '2025-11-03 10:30:15.500 UTC'],
    ['soon', 'soon'],
  ])('describes %s as %j', (value, expected) => {
    expect(describeTimeValue(value)).toBe(expected);
  });
});

describe('formatTimeRange', () => {
  it.each([
    ['2025-11-03T10:30:00Z', '2025-11-10T10:30:00Z', undefined, '3 Nov 2025, 10:30 – 10 Nov 2025, 10:30 UTC'],
    ['2025-11-03T10:30:00Z', '2025-11-03T14:05:00Z', 'UTC', '3 Nov 2025, 10:30 – 14:05 UTC'],
    [
      '2025-11-03T23:30:00Z',
      '2025-11-04T00:30:00Z',
      'Europe/Berlin',
      '4 Nov 2025, 00:30 – 01:30 Europe/Berlin',
    ],
    ['2025-11-03T10:30:00Z', '2025-11-03T14:05:00Z', 'Not/AZone', '3 Nov 2025, 10:30 – 14:05 UTC'],
    ['nonsense', '2025-11-03T14:05:00Z', 'UTC', 'Invalid time range'],
  ])('%s to %s in %s', (from, to, zone, expected) => {
    expect(formatTimeRange(new Date(from), new Date(to), zone)).toBe(expected);
  });
});

describe('describeLastPeriod', () => {
  it.each([
    [1, 'd', 'last day'],
    [7, 'd', 'last 7 days'],
    [24, 'h', 'last 24 hours'],
    [1, 'M', 'last month'],
    [30, 'm', 'last 30 minutes'],
  ] as const)('%i%s → %s', (amount, unit, expected) => {
    expect(describeLastPeriod(amount, unit)).toBe(expected);
  });
});
