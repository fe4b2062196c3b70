import { formatNumber } from '../../lib/format.ts';

/** Decimals an export keeps of a plain value (the screen shows `formatNumber`'s). */
const EXACT_DIGITS = 6;
/** Decimals of a percentage (a fraction's tooltip, pie legends, the stat card). */
const PERCENT_DIGITS = 1;
// Two decimals: the quarter ticks of a 0–1 scale read 0.25 and 0.75, not "0.3" and "0.8".
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const NULL_FIGURE = '—';

/**
 * How a chart's values read: plain numbers, or a 0–1 fraction shown as a percentage (the `avg` of a
 * boolean, e.g. a success rate: 0.8333 is "83.3%").
 */
export type ValueFormat = 'number' | 'percent';

/**
 * A value as tooltips, tables and figures show it, in the app's one number format (`formatNumber`):
 * a fraction as a percentage (the display unit is not added: the value already has one). Total.
 */
export function formatChartValue(value: number | null | undefined, format: ValueFormat, unit = ''): string {
  if (format === 'number') return formatNumber(value, unit);
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_FIGURE;
  return formatNumber(value * 100, '%');
}

/** `value` rounded to `digits` decimals, as a number (no text formatting). */
export function roundTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/**
 * The number a chart shows for a value, for exports: up to six decimals, or a fraction as a
 * percentage with one decimal (0.8333 → 83.3). Non-finite values give null. Pure.
 */
export function roundChartValue(value: number | null, format: ValueFormat): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return format === 'percent' ? roundTo(value * 100, PERCENT_DIGITS) : roundTo(value, EXACT_DIGITS);
}

/** A value-axis tick: "25%" for a fraction, else the short number of `formatAxisValue`. */
export function formatAxisTick(value: number, format: ValueFormat): string {
  if (format === 'number') return formatAxisValue(value);
  return Number.isFinite(value) ? `${integer.format(value * 100)}%` : '';
}

/** A short axis tick: 1.2K, 3.4M. */
export function formatAxisValue(value: number): string {
  return Number.isFinite(value) ? compact.format(value) : '';
}

const BUCKET_FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  hour: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  day: { month: 'short', day: 'numeric' },
  week: { month: 'short', day: 'numeric' },
  month: { month: 'short', year: 'numeric' },
};

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per format, made once.
const bucketFormatters = new Map<string, Intl.DateTimeFormat>();
function bucketFormatter(period: string | null): Intl.DateTimeFormat {
  const key = period !== null && Object.hasOwn(BUCKET_FORMATS, period) ? period : 'hour';
  let formatter = bucketFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { ...BUCKET_FORMATS[key], timeZone: 'UTC' });
    bucketFormatters.set(key, formatter);
  }
  return formatter;
}
const dayTick = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const hourTick = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const pointTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/**
 * Labels a bucket start. Buckets are cut in UTC by the server, so they are labelled in UTC: a day
 * bucket shows the day it covers, not the previous evening in a western time zone.
 */
export function formatBucketLabel(bucket: string, period: string | null): string {
  const ms = Date.parse(bucket);
  if (Number.isNaN(ms)) return bucket;
  const text = bucketFormatter(period).format(ms);
  return period === 'week' ? `Week of ${text}` : text;
}

/** An axis tick at a whole UTC hour or day (see `timeTicks`). */
export function formatTimeTick(ms: number, unit: 'hour' | 'day'): string {
  return (unit === 'day' ? dayTick : hourTick).format(ms);
}

/** A point's exact time, in UTC like the axis and the server's buckets (the table says "UTC" once). */
export function formatPointTime(ms: number): string {
  return pointTime.format(ms);
}

/** A point's exact time for tooltips, naming its time zone. */
export function formatPointTimeFull(ms: number): string {
  return `${formatPointTime(ms)} UTC`;
}
