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

describe('formatNumber', () => {
  test.each([
    [1234.567, '1,234.57'],
    [0, '0'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatNumber(input)).toBe(expected);
  });
});

test('parseDate rejects garbage and accepts ISO', () => {
  expect(parseDate('')).toBeNull();
  expect(parseDate('x')).toBeNull();
  expect(parseDate('2026-01-01T00:00:00Z')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
});
