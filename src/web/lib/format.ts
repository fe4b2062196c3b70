const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** `1234.567` → `"1,234.57"`; null/NaN → `"—"`. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat.format(value);
}

/** Parses an ISO string; invalid or empty → null. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `"Nov 28, 2026, 3:04 AM"`, or `"—"` for a missing date. */
export function formatDateTime(value: Date | string | null | undefined): string {
  const date = typeof value === 'string' ? parseDate(value) : value;
  return date ? dateTimeFormat.format(date) : '—';
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * A date relative to `now` in the largest whole unit: "3 minutes ago", "yesterday", "in 2 hours".
 * Under a minute reads "just now" (either direction) so that clock skew never shows "in 5 seconds".
 */
export function formatRelativeTime(value: Date | string | null | undefined, now: Date): string {
  const date = typeof value === 'string' ? parseDate(value) : value;
  if (!date) return '—';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}
