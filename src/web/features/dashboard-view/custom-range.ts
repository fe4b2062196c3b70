import { checkDataWindow, DATA_WINDOW_MAX_DAYS } from '../../../contract/effective-filters.ts';

export const RANGE_CAP_REASON = `Cekura keeps chart data for ${DATA_WINDOW_MAX_DAYS} days: a range may start at most ${DATA_WINDOW_MAX_DAYS} days ago and span at most ${DATA_WINDOW_MAX_DAYS} days.`;

/**
 * Checks a custom absolute range against the D11 data window before it is saved, so the user sees
 * the reason beside the inputs instead of every card failing with a 400. Null when the range is fine.
 */
export function checkCustomRange(from: Date | null, to: Date | null, now: Date): string | null {
  if (from === null || Number.isNaN(from.getTime())) return 'Enter a start date and time.';
  if (to === null || Number.isNaN(to.getTime())) return 'Enter an end date and time.';
  if (to.getTime() <= from.getTime()) return 'The end must be after the start.';
  const message = checkDataWindow(
    {
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: from.toISOString() },
        { field: 'timestamp', op: 'lte', value: to.toISOString() },
      ],
    },
    now,
  );
  return message === null ? null : `${message} ${RANGE_CAP_REASON}`;
}

/** A `datetime-local` input value (the viewer's local time) as a Date; null when empty or invalid. */
export function parseLocalDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Date as a `datetime-local` input value in the viewer's local time (minutes precision). */
export function toLocalDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
