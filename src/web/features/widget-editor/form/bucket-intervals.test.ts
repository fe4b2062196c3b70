import { BUCKET_INTERVALS, formatInterval } from './bucket-intervals.ts';

describe('formatInterval', () => {
  it.each([
    [60_000, '1 minute'],
    [900_000, '15 minutes'],
    [5_400_000, '90 minutes'],
    [3_600_000, '1 hour'],
    [86_400_000, '1 day'],
    [2 * 86_400_000, '2 days'],
    [604_800_000, '1 week'],
    [1500, '1500 ms'],
    [30_000, '30 seconds'],
    [0, 'no interval'],
    [-5, 'no interval'],
    [Number.NaN, 'no interval'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });

  it('labels every offered interval as formatInterval would', () => {
    for (const option of BUCKET_INTERVALS) expect(formatInterval(option.ms)).toBe(option.label);
    expect(BUCKET_INTERVALS.every((o) => o.ms >= 60_000)).toBe(true);
  });
});
