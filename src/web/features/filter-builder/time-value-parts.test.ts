import {
  formatResolvedTime,
  partsToTimeValue,
  timeValueToParts,
  type TimeParts,
} from './time-value-parts.ts';

describe('timeValueToParts / partsToTimeValue', () => {
  it.each<[string, Partial<TimeParts>]>([
    ['now', { mode: 'now' }],
    ['today', { mode: 'today' }],
    ['now-7d', { mode: 'd', amount: 7, wholeDays: false }],
    ['today-7d', { mode: 'd', amount: 7, wholeDays: true }],
    ['now-30m', { mode: 'm', amount: 30 }],
    ['now-2M', { mode: 'M', amount: 2 }],
    ['now-1y', { mode: 'y', amount: 1 }],
  ])('%s round-trips through its parts', (value, parts) => {
    const split = timeValueToParts(value);
    expect(split).toMatchObject(parts);
    expect(partsToTimeValue(split)).toBe(value);
  });

  it('reads an ISO date-time as an exact date and writes it back in UTC to the second', () => {
    const parts = timeValueToParts('2025-11-03T10:30:00+01:00');
    expect(parts.mode).toBe('absolute');
    expect(partsToTimeValue(parts)).toBe('2025-11-03T09:30:00Z');
  });

  it.each([null, 42, 'yesterday', 'now+1d'])('treats %j as an empty exact date', (value) => {
    const parts = timeValueToParts(value);
    expect(parts).toMatchObject({ mode: 'absolute', date: null });
    expect(partsToTimeValue(parts)).toBe('');
  });

  it('never writes a zero or fractional amount', () => {
    expect(partsToTimeValue({ mode: 'h', amount: 0, wholeDays: false, date: null })).toBe('now-1h');
    expect(partsToTimeValue({ mode: 'w', amount: 2.7, wholeDays: true, date: null })).toBe('today-2w');
  });
});

describe('formatResolvedTime', () => {
  it('formats in the given time zone', () => {
    const date = new Date('2025-11-03T10:30:00Z');
    expect(formatResolvedTime(date, 'UTC')).toBe('Mon, 3 Nov 2025, 10:30 UTC');
    expect(formatResolvedTime(date, 'Europe/Berlin')).toContain('11:30');
  });
});
