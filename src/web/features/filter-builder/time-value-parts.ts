import { parseTimeValue, type RelativeUnit } from '../../../contract/relative-time.ts';

/** What the time editor shows: a fixed point (now, today), "N units ago", or an exact date. */
export type TimeMode = 'now' | 'today' | RelativeUnit | 'absolute';

export interface TimeParts {
  readonly mode: TimeMode;
  /** For "N units ago"; at least 1. */
  readonly amount: number;
  /** For "N units ago": count from the start of today (`today-7d`) instead of from now (`now-7d`). */
  readonly wholeDays: boolean;
  /** For an exact date; null when the value does not parse. */
  readonly date: Date | null;
}

export const TIME_MODE_LABELS: Record<TimeMode, string> = {
  now: 'Now',
  today: 'Today',
  s: 'Seconds ago',
  m: 'Minutes ago',
  h: 'Hours ago',
  d: 'Days ago',
  w: 'Weeks ago',
  M: 'Months ago',
  y: 'Years ago',
  absolute: 'Exact date and time',
};

/** The modes in menu order; seconds and years are kept for values that use them, after the common ones. */
export const TIME_MODES: readonly TimeMode[] = [
  'now',
  'today',
  'm',
  'h',
  'd',
  'w',
  'M',
  's',
  'y',
  'absolute',
];

/** Splits a filter time value (D10 or ISO) into editor parts; anything unparseable is an empty exact date. Total. */
export function timeValueToParts(value: unknown): TimeParts {
  const parsed = typeof value === 'string' ? parseTimeValue(value) : null;
  if (parsed === null) return { mode: 'absolute', amount: 7, wholeDays: false, date: null };
  if (parsed.kind === 'absolute') return { mode: 'absolute', amount: 7, wholeDays: false, date: parsed.date };
  if (parsed.amount === 0)
    return { mode: parsed.anchor, amount: 7, wholeDays: parsed.anchor === 'today', date: null };
  return { mode: parsed.unit, amount: parsed.amount, wholeDays: parsed.anchor === 'today', date: null };
}

/** Writes editor parts back as a wire value: `now`, `today`, `now-7d`, `today-7d` or `2025-11-03T10:30:00Z`. Total. */
export function partsToTimeValue(parts: TimeParts): string {
  switch (parts.mode) {
    case 'now':
    case 'today':
      return parts.mode;
    case 'absolute':
      return parts.date && !Number.isNaN(parts.date.getTime()) ? toIsoSeconds(parts.date) : '';
    default: {
      const amount = Math.max(1, Math.trunc(Number.isFinite(parts.amount) ? parts.amount : 1));
      return `${parts.wholeDays ? 'today' : 'now'}-${amount}${parts.mode}`;
    }
  }
}

/** ISO-8601 in UTC to the second: `2025-11-03T10:30:00Z`. */
export function toIsoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value of an `<input type="datetime-local">` for a date, in the browser's time zone. */
export function toDateTimeLocal(date: Date | null): string {
  if (!date || Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant an `<input type="datetime-local">` value names in the browser's time zone; null when empty or invalid. */
export function fromDateTimeLocal(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A resolved instant for people: "Mon, 3 Nov 2025, 11:30 CET" in the given (default: the user's) time zone. */
export function formatResolvedTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone,
  }).format(date);
}
