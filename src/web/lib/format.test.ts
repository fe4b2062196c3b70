import { formatNumber, formatRelativeTime, parseDate } from './format.ts';

const now = new Date('2026-11-28T12:00:00Z');

describe('formatRelativeTime', () => {
  test.each([
    ['2026-11-28T11:59:30Z', 'just now'],
    ['2026-11-28T12:00:20Z', 'just now'],
    ['2026-11-28T11:57:00Z', '3 minutes ago'],
    ['2026-11-28T10:00:00Z', '2 hours ago'],
    ['2026-11-27T11:00:00Z', 'yesterday'],
    ['2026-11-21T12:00:00Z', 'last week'],
    ['2026-09-28T12:00:00Z', '2 months ago'],
    ['2026-11-28T14:00:00Z', 'in 2 hours'],
    ['not a date', '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatRelativeTime(input, now)).toBe(expected);
  });

  test('null reads as a dash', () => {
    expect(formatRelativeTime(null, now)).toBe('—');
  });
});

describe('formatNumber: one format per unit and magnitude', () => {
  test.each<[number | null | undefined, string, string]>([
    // The same unit and magnitude always read alike: no "1,630 ms" beside "1,458.2 ms".
    [1630, 'ms', '1,630 ms'],
    [1458.2, 'ms', '1,458 ms'],
    [1423.3999999999999, 's', '1,423 s'],
    [45.26, 's', '45.3 s'],
    [3.14159, '', '3.14'],
    [0.123456789, '', '0.123'],
    [0.000123456, '', '0.000123'],
    [-1234.567, '', '-1,235'],
    [83.33333, '%', '83.3%'],
    [12345, '', '12,345'],
    [0, '', '0'],
    [0, 'ms', '0 ms'],
    [null, 'ms', '—'],
    [undefined, '', '—'],
    [Number.NaN, '', '—'],
    [Number.POSITIVE_INFINITY, '', '—'],
  ])('%s %j → %s', (input, unit, expected) => {
    expect(formatNumber(input, unit)).toBe(expected);
  });
});

test('parseDate rejects garbage and accepts ISO', () => {
  expect(parseDate('')).toBeNull();
  expect(parseDate('x')).toBeNull();
  expect(parseDate('2026-01-01T00:00:00Z')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
});
