/** The friendly bucket sizes offered for `group_by` `{"type":"bucket"}` (D2: at least one minute). */
export const BUCKET_INTERVALS: readonly { ms: number; label: string }[] = [
  { ms: 60_000, label: '1 minute' },
  { ms: 5 * 60_000, label: '5 minutes' },
  { ms: 15 * 60_000, label: '15 minutes' },
  { ms: 30 * 60_000, label: '30 minutes' },
  { ms: 3_600_000, label: '1 hour' },
  { ms: 3 * 3_600_000, label: '3 hours' },
  { ms: 6 * 3_600_000, label: '6 hours' },
  { ms: 12 * 3_600_000, label: '12 hours' },
  { ms: 86_400_000, label: '1 day' },
  { ms: 7 * 86_400_000, label: '1 week' },
];

const UNITS: readonly [number, string][] = [
  [7 * 86_400_000, 'week'],
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

/**
 * A millisecond interval in words, using the largest unit that divides it exactly: 900000 → "15
 * minutes", 5400000 → "90 minutes", 1500 → "1500 ms". Non-positive or non-finite → "no interval". Total.
 */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'no interval';
  for (const [size, unit] of UNITS) {
    if (ms % size === 0) {
      const amount = ms / size;
      return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}
