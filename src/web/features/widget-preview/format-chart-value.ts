/** Decimals a chart shows of a plain value (tooltips); exports round the same way. */
const EXACT_DIGITS = 6;
/** Decimals of a percentage (a fraction's tooltip, pie legends, the stat card). */
const PERCENT_DIGITS = 1;
const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: EXACT_DIGITS });
// Two decimals: the quarter ticks of a 0–1 scale read 0.25 and 0.75, not "0.3" and "0.8".
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const NULL_FIGURE = '—';

/**
 * How a chart's values read: plain numbers, or a 0–1 fraction shown as a percentage (the `avg` of a
 * boolean, e.g. a success rate: 0.8333 is "83.3%").
 */
export type ValueFormat = 'number' | 'percent';

// One object for every chart: Recharts recomputes an axis when its props change identity.
const PERCENT_AXIS: { domain: [number, number]; ticks: number[] } = {
  domain: [0, 1],
  ticks: [0, 0.25, 0.5, 0.75, 1],
};

/**
 * A value as tooltips (and exports) show it: a fraction as a percentage with at most one decimal
 * (the display unit is not added: the value already has one), a number as `formatExactValue`. Total.
 */
export function formatChartValue(value: number | null | undefined, format: ValueFormat, unit = ''): string {
  if (format === 'number') return formatExactValue(value, unit);
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_FIGURE;
  return `${oneDecimal.format(value * 100)}%`;
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

/**
 * The value axis a format fixes: a fraction always spans 0–100% in quarters (round ticks, and two
 * success-rate charts compare at a glance). Null when the chart picks "nice" ticks for the data.
 */
export function valueAxisTicks(format: ValueFormat): { domain: [number, number]; ticks: number[] } | null {
  return format === 'percent' ? PERCENT_AXIS : null;
}

/** A value exactly as the API gave it (up to 6 decimals), with an optional unit; null is "—". */
export function formatExactValue(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_FIGURE;
  return withUnit(exact.format(value), unit);
}

/** A short axis tick: 1.2K, 3.4M. */
export function formatAxisValue(value: number): string {
  return Number.isFinite(value) ? compact.format(value) : '';
}

export function formatInteger(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NULL_FIGURE : integer.format(value);
}

export function formatOneDecimal(value: number | null, unit: string): string {
  return value === null || !Number.isFinite(value) ? NULL_FIGURE : withUnit(oneDecimal.format(value), unit);
}

function withUnit(text: string, unit: string): string {
  if (unit === '') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
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

/** A point's exact time for tooltips, in UTC like the axis and the server's buckets. */
export function formatPointTimeFull(ms: number): string {
  return `${pointTime.format(ms)} UTC`;
}
