import { describe, expect, it } from 'vitest';
import { checkCustomRange, parseLocalDateTime, toLocalDateTimeValue } from './custom-range.ts';

const now = new Date('2026-03-31T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe('checkCustomRange', () => {
  it.each([
    { name: 'a week', from: daysAgo(7), to: now, expected: null },
    { name: 'exactly 30 days', from: daysAgo(30), to: now, expected: null },
    { name: 'missing start', from: null, to: now, expected: /start/ },
    { name: 'missing end', from: daysAgo(1), to: null, expected: /end date/ },
    { name: 'end before start', from: daysAgo(1), to: daysAgo(2), expected: /after the start/ },
    { name: 'start too old', from: daysAgo(31), to: daysAgo(29), expected: /too far in the past.*30 days/ },
    { name: 'invalid date', from: new Date(Number.NaN), to: now, expected: /start/ },
  ])('$name', ({ from, to, expected }) => {
    const result = checkCustomRange(from, to, now);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});

describe('local date-time values', () => {
  it.each(['2026-03-01T08:05', '2026-12-31T23:59'])('round-trips %s', (value) => {
    const date = parseLocalDateTime(value);
    expect(date).not.toBeNull();
    expect(toLocalDateTimeValue(date!)).toBe(value);
  });

  it.each(['', '2026-03-01', 'yesterday', '2026-3-1T8:05'])('rejects %j', (value) => {
    expect(parseLocalDateTime(value)).toBeNull();
  });
});
