import type { FilterOp } from './filter-schema.ts';

/** Units of a relative offset (D10). Case-sensitive: `m` is minutes, `M` is months. */
export const RELATIVE_UNITS = ['s', 'm', 'h', 'd', 'w', 'M', 'y'] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];

/**
 * A parsed filter time value. For a bare `now` or `today` the amount is 0 (unit `s` for `now`, `d` for
 * `today`), so every relative value has the same shape.
 */
export type TimeValue =
  | { kind: 'relative'; anchor: 'now' | 'today'; amount: number; unit: RelativeUnit }
  | { kind: 'absolute'; date: Date; dateOnly: boolean };

const RELATIVE_PATTERN = /^(now|today)(?:-([1-9][0-9]{0,11})([smhdwMy]))?$/;

/**
 * Offsets beyond about a thousand years are rejected at parse time, so that every value that parses
 * also resolves to a representable Date (JS dates end at ±273,790 years).
 */
const MAX_AMOUNT: Record<RelativeUnit, number> = {
  s: 1000 * 366 * 86_400,
  m: 1000 * 366 * 1440,
  h: 1000 * 366 * 24,
  d: 1000 * 366,
  w: 1000 * 53,
  M: 1000 * 12,
  y: 1000,
};

const FIXED_UNIT_MS: Record<Exclude<RelativeUnit, 'M' | 'y'>, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

const DAY_MS = 86_400_000;

// ISO-8601 calendar date, optionally with a time (minutes required, seconds and fraction optional)
// and an offset. A date-time without an offset is read as UTC, like the server's default time zone.
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses a filter time value: `now`, `today`, `now-7d`, `today-1M`, … (D10) or an ISO-8601 date or
 * date-time. Returns null for anything else (including `now+1d`, `now-0d`, compound units and
 * impossible calendar dates such as `2025-02-30`). Total.
 */
export function parseTimeValue(value: string): TimeValue | null {
  const relative = RELATIVE_PATTERN.exec(value);
  if (relative) {
    const anchor = relative[1] === 'today' ? 'today' : 'now';
    if (relative[2] === undefined || relative[3] === undefined) {
      return { kind: 'relative', anchor, amount: 0, unit: anchor === 'now' ? 's' : 'd' };
    }
    const unit = toUnit(relative[3]);
    const amount = Number(relative[2]);
    if (unit === null || amount > MAX_AMOUNT[unit]) return null;
    return { kind: 'relative', anchor, amount, unit };
  }
  return parseIsoDate(value);
}

function toUnit(text: string): RelativeUnit | null {
  return RELATIVE_UNITS.find((unit) => unit === text) ?? null;
}

function parseIsoDate(value: string): TimeValue | null {
  const match = ISO_PATTERN.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return null;
  if (h === undefined || mi === undefined) {
    return { kind: 'absolute', date: new Date(utc(year, month - 1, day)), dateOnly: true };
  }
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Truncate the fraction to milliseconds as text: floating-point scaling would turn .295 into 294.
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0').slice(0, 3));
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return null;
  const time = utc(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { kind: 'absolute', date: new Date(time), dateOnly: false };
}

/** Minutes east of UTC; undefined (no offset) means UTC. Null when out of range. */
function parseOffset(offset: string | undefined): number | null {
  if (offset === undefined || offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** Date.UTC with a four-digit year taken literally (Date.UTC maps years 0–99 to 1900–1999). */
function utc(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(Date.UTC(2000, month, day, h, mi, s, ms));
  date.setUTCFullYear(year);
  return date.getTime();
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(utc(year, monthIndex + 1, 1) - DAY_MS).getUTCDate();
}

/** True when the value is a string that `parseTimeValue` accepts. Total. */
export function isTimeValue(value: unknown): boolean {
  return typeof value === 'string' && parseTimeValue(value) !== null;
}

/** Subtracts a calendar offset in UTC; months and years clamp the day (31 Mar − 1M = 28/29 Feb). */
export function subtractOffset(from: Date, amount: number, unit: RelativeUnit): Date {
  if (unit !== 'M' && unit !== 'y') return new Date(from.getTime() - amount * FIXED_UNIT_MS[unit]);
  const months = unit === 'M' ? amount : amount * 12;
  const totalMonths = from.getUTCFullYear() * 12 + from.getUTCMonth() - months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const day = Math.min(from.getUTCDate(), daysInMonth(year, month));
  const timeOfDay = from.getTime() - utc(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return new Date(utc(year, month, day) + timeOfDay);
}

/** Whether an operator takes the end of a day (`lt`, `lte`) rather than its start (D10). */
function usesEndOfDay(op: FilterOp): boolean {
  return op === 'lt' || op === 'lte';
}

function startOfUtcDay(date: Date): number {
  return utc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * Resolves a filter time value to an instant for an operator, at `now` (D10):
 * - `now-N<unit>`: N units before now (months and years by calendar arithmetic in UTC).
 * - `today` / `today-N<unit>`: the UTC day containing (now − N units); its start (00:00:00.000) for
 *   `gt`/`gte`/`eq` and any other op, its end (23:59:59.999) for `lt`/`lte`.
 * - An ISO date-time: that instant. An ISO date alone names a whole day and snaps like `today`.
 * Returns null for non-strings, invalid values and an invalid `now`. Total.
 */
export function resolveTimeValue(value: unknown, op: FilterOp, now: Date): Date | null {
  if (typeof value !== 'string' || Number.isNaN(now.getTime())) return null;
  const parsed = parseTimeValue(value);
  if (parsed === null) return null;
  if (parsed.kind === 'absolute') {
    return parsed.dateOnly ? snapToDay(parsed.date, op) : parsed.date;
  }
  const shifted = subtractOffset(now, parsed.amount, parsed.unit);
  const resolved = parsed.anchor === 'now' ? shifted : snapToDay(shifted, op);
  return Number.isNaN(resolved.getTime()) ? null : resolved;
}

function snapToDay(date: Date, op: FilterOp): Date {
  const start = startOfUtcDay(date);
  return new Date(usesEndOfDay(op) ? start + DAY_MS - 1 : start);
}

const UNIT_NAMES: Record<RelativeUnit, [string, string]> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  M: ['month', 'months'],
  y: ['year', 'years'],
};

function quantity(amount: number, unit: RelativeUnit): string {
  const [one, many] = UNIT_NAMES[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** A look-back window in words, for summaries: "last day", "last 7 days". */
export function describeLastPeriod(amount: number, unit: RelativeUnit): string {
  const [one, many] = UNIT_NAMES[unit];
  return amount === 1 ? `last ${one}` : `last ${amount} ${many}`;
}

/**
 * A short human description of a time value for labels: "Now", "Today", "7 days ago",
 * "Yesterday", "The day 7 days ago", "2025-11-03 10:30 UTC". An invalid value is returned unchanged.
 * Total.
 */
export function describeTimeValue(value: string): string {
  const parsed = parseTimeValue(value);
  if (parsed === null) return value;
  if (parsed.kind === 'absolute') {
    const iso = parsed.date.toISOString();
    if (parsed.dateOnly) return iso.slice(0, 10);
    const seconds = iso.slice(16, 23) === ':00.000' ? '' : iso.slice(16, 23).replace(/\.000$/, '');
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`;
  }
  if (parsed.amount === 0) return parsed.anchor === 'now' ? 'Now' : 'Today';
  if (parsed.anchor === 'now') return `${quantity(parsed.amount, parsed.unit)} ago`;
  if (parsed.amount === 1 && parsed.unit === 'd') return 'Yesterday';
  return `The day ${quantity(parsed.amount, parsed.unit)} ago`;
}

/**
 * A time value as it reads inside a sentence ("Calls since midnight UTC 7 days ago"): lower case,
 * a day anchor named as the midnight it is. Absolute times read as `describeTimeValue`; text that is
 * not a time value is returned as it is. Total.
 */
export function describeTimeInSentence(value: string): string {
  const parsed = parseTimeValue(value);
  if (parsed === null || parsed.kind === 'absolute') return describeTimeValue(value);
  if (parsed.anchor === 'now')
    return parsed.amount === 0 ? 'now' : `${quantity(parsed.amount, parsed.unit)} ago`;
  if (parsed.amount === 0) return 'midnight UTC today';
  if (parsed.amount === 1 && parsed.unit === 'd') return 'midnight UTC yesterday';
  return `midnight UTC ${quantity(parsed.amount, parsed.unit)} ago`;
}

const DATE_PART: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME_PART: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * Formats a window for display, e.g. "3 Nov 2025, 10:30 – 10 Nov 2025, 10:30 UTC", shortening the end
 * to its time when both ends fall on the same day in the time zone. An unknown time zone falls back to
 * UTC; invalid dates give "Invalid time range". Total.
 */
export function formatTimeRange(from: Date, to: Date, timeZone = 'UTC'): string {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return 'Invalid time range';
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const day = new Intl.DateTimeFormat('en-GB', { ...DATE_PART, timeZone: zone });
  const time = new Intl.DateTimeFormat('en-GB', { ...TIME_PART, timeZone: zone });
  const fromText = `${day.format(from)}, ${time.format(from)}`;
  const toText =
    day.format(from) === day.format(to) ? time.format(to) : `${day.format(to)}, ${time.format(to)}`;
  return `${fromText} – ${toText} ${zone}`;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch (error: unknown) {
    return !(error instanceof RangeError);
  }
}
