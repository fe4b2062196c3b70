import {
  DATA_WINDOW_MAX_DAYS,
  findTimestampLowerBound,
  findTimestampUpperBound,
  mergeFilters,
} from './effective-filters.ts';
import { isFilterGroup, type Filter } from './filter-schema.ts';
import { resolveTimeValue } from './relative-time.ts';
import type { CompareOffset } from './widget-insights.ts';
import type { WidgetDataResponse } from './widget-data-schema.ts';
import type { PreviewWidgetRequest } from './widget-schema.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS: Record<Exclude<CompareOffset, 'period'>, number> = {
  '1d': DAY_MS,
  '1w': 7 * DAY_MS,
  '4w': 28 * DAY_MS,
};
/**
 * Room left between the compared start and the 30-day limit: the server checks against its own clock,
 * a little later than ours, and a compared window ending exactly at the limit would then be refused.
 */
export const COMPARE_MARGIN_MS = 10 * 60_000;

export type CompareWindow =
  | {
      ok: true;
      offsetMs: number;
      /** The compared window, [from, to] in epoch ms. */
      from: number;
      to: number;
      /** "the previous 7 days (23 Nov – 30 Nov 2026)", for legends and text alternatives. */
      description: string;
    }
  | {
      ok: false;
      /** Why no comparison is drawn, in words. */
      message: string;
      /** The largest offset (whole days, or hours under a day; ms) that fits, or null when none does. */
      largestOffsetMs: number | null;
    };

/** Whole days when there is at least one, else whole hours. */
function roundDown(ms: number): number {
  const unit = ms >= DAY_MS ? DAY_MS : HOUR_MS;
  return Math.floor(ms / unit) * unit;
}

/** A duration in words: "7 days", "1 day", "36 hours". */
export function describeDuration(ms: number): string {
  if (ms % DAY_MS === 0) {
    const days = ms / DAY_MS;
    return days % 7 === 0 && days > 7 ? `${days / 7} weeks` : `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  const hours = Math.round(ms / HOUR_MS);
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const YEAR_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function describeDates(from: number, to: number): string {
  return `${DAY_FORMAT.format(from)} – ${YEAR_FORMAT.format(to)}`;
}

/**
 * The window to compare a filter's window with (contract 5.6): the same window moved back by its own
 * length (`period`) or by a fixed offset. Cekura refuses a window starting more than 30 days ago
 * (D11), so a compared window that would start earlier is refused here, with the largest offset that
 * still fits (whole days or hours, a margin from the limit), and no request is ever sent for it. A filter
 * without a lower bound has no window to move. Pure and total.
 */
export function compareWindow(filter: Filter | null, offset: CompareOffset, now: Date): CompareWindow {
  const lower = findTimestampLowerBound(filter, now)?.getTime();
  if (lower === undefined)
    return { ok: false, message: 'This chart has no start time to compare from.', largestOffsetMs: null };
  const upper = Math.min(findTimestampUpperBound(filter, now)?.getTime() ?? now.getTime(), now.getTime());
  const length = Math.max(upper - lower, HOUR_MS);
  const offsetMs = offset === 'period' ? length : OFFSET_MS[offset];
  const oldest = now.getTime() - DATA_WINDOW_MAX_DAYS * DAY_MS + COMPARE_MARGIN_MS;
  const from = lower - offsetMs;
  const to = upper - offsetMs;
  if (from < oldest) {
    const room = roundDown(lower - oldest);
    const largestOffsetMs = room >= HOUR_MS ? room : null;
    const limit = `Cekura keeps ${DATA_WINDOW_MAX_DAYS} days of data, so a window moved back ${describeDuration(offsetMs)} would start too early.`;
    return {
      ok: false,
      message:
        largestOffsetMs === null
          ? `${limit} This window already reaches that far back: nothing older can be compared.`
          : `${limit} The largest offset that fits is ${describeDuration(largestOffsetMs)}.`,
      largestOffsetMs,
    };
  }
  const what =
    offset === 'period'
      ? `the previous ${describeDuration(length)}`
      : describeDuration(offsetMs) + ' earlier';
  return { ok: true, offsetMs, from, to, description: `${what} (${describeDates(from, to)})` };
}

/**
 * The filter with every `timestamp` value moved back by `offsetMs`, written as an absolute ISO time
 * (a relative value would move again by the time the server reads it). Values that do not resolve are
 * left as they are (the validator reports them). Returns the same reference when nothing changes.
 */
export function shiftFilterTimes(filter: Filter | null, offsetMs: number, now: Date): Filter | null {
  if (filter === null) return null;
  if (isFilterGroup(filter)) {
    const conditions = filter.conditions.map((child) => shiftFilterTimes(child, offsetMs, now) ?? child);
    return conditions.every((child, i) => child === filter.conditions[i])
      ? filter
      : { ...filter, conditions };
  }
  if (filter.field !== 'timestamp') return filter;
  const shift = (value: unknown) => {
    const time = resolveTimeValue(value, filter.op, now);
    return time === null ? value : new Date(time.getTime() - offsetMs).toISOString();
  };
  const value: unknown = Array.isArray(filter.value) ? filter.value.map(shift) : shift(filter.value);
  return { ...filter, value };
}

/** What a compared `preview_data` needs of a widget: the fields that decide its data (D6). */
export type ComparableWidget = Pick<
  PreviewWidgetRequest,
  | 'chart_type'
  | 'field'
  | 'metric'
  | 'aggregation_function'
  | 'time_period'
  | 'group_by'
  | 'data_type'
  | 'filters'
>;

export type ComparisonRequest =
  | { ok: true; body: PreviewWidgetRequest; offsetMs: number; description: string }
  | { ok: false; message: string; largestOffsetMs: number | null };

/**
 * The ordinary `preview_data` body that fetches a widget's compared window: the widget's data fields
 * with its filters and the dashboard's (`dashboard_filters`, D6) moved back, so the same request works
 * against Cekura's API. Refused (no request at all) when the compared window would break the 30-day
 * limit (`compareWindow`). Pure.
 */
export function previousPeriodRequest(
  widget: ComparableWidget,
  dashboard: { id: number | null; filters: Filter | null },
  offset: CompareOffset,
  now: Date,
): ComparisonRequest {
  const effective = mergeFilters(dashboard.filters, widget.filters ?? null);
  const window = compareWindow(effective, offset, now);
  if (!window.ok) return window;
  const { offsetMs } = window;
  return {
    ok: true,
    offsetMs,
    description: window.description,
    body: {
      dashboard: dashboard.id,
      chart_type: widget.chart_type,
      field: widget.field,
      metric: widget.metric,
      aggregation_function: widget.aggregation_function,
      time_period: widget.time_period,
      group_by: widget.group_by,
      data_type: widget.data_type,
      filters: shiftFilterTimes(widget.filters ?? null, offsetMs, now),
      // A window open towards now ends where the current one began: bound it, or it runs up to now.
      dashboard_filters: mergeFilters(shiftFilterTimes(dashboard.filters, offsetMs, now), {
        field: 'timestamp',
        op: 'lt',
        value: new Date(window.to).toISOString(),
      }),
    },
  };
}

function shiftIso(value: string, offsetMs: number): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time + offsetMs).toISOString();
}

/**
 * A compared response moved forward by `offsetMs` onto the current window's time axis, so a line
 * point or bar bucket of the compared window is drawn behind its counterpart. A stat has no times
 * and comes back as it is. Pure: a new response, the original untouched.
 */
export function alignComparedResponse(response: WidgetDataResponse, offsetMs: number): WidgetDataResponse {
  if (!Array.isArray(response.data)) return response;
  const data = response.data.map((item) => {
    const next = { ...item };
    if (typeof item.timestamp === 'string') next.timestamp = shiftIso(item.timestamp, offsetMs);
    if (typeof item.time_interval === 'string') next.time_interval = shiftIso(item.time_interval, offsetMs);
    return next;
  });
  return { ...response, data };
}
