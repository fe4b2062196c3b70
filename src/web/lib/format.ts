// Decimals by magnitude: four formatters made once (building an Intl.NumberFormat is costly).
const byMagnitude = {
  large: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  tens: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  units: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
  small: new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }),
};
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/**
 * The one number format of the app (cards, tooltips, tables, stat figures, counts): the decimals
 * follow the magnitude, so the same unit and size always read alike ("1,630 ms" and "1,458 ms", never
 * "1,458.2 ms"): 100 and more whole, 10–100 one decimal, 1–10 two, below 1 three significant digits.
 * The unit follows after a space ("%" without one). Null and non-finite values read "—". Total.
 */
export function formatNumber(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  const format =
    size >= 100
      ? byMagnitude.large
      : size >= 10
        ? byMagnitude.tens
        : size >= 1
          ? byMagnitude.units
          : byMagnitude.small;
  const text = format.format(value);
  if (unit === '') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
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
