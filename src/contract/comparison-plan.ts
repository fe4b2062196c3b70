import { previousPeriodRequest, type ComparableWidget } from './compare-window.ts';
import { mergeFilters } from './effective-filters.ts';
import type { Filter } from './filter-schema.ts';
import type { WidgetDataResponse } from './widget-data-schema.ts';
import type { CompareSetting } from './widget-insights.ts';
import type { PreviewWidgetRequest } from './widget-schema.ts';

/**
 * What a widget's comparison asks of the server: nothing (off, a pie, or refused with the reason), one
 * `preview_data` body for the previous period, or one per cohort. The bodies are ordinary
 * `preview_data` requests, so they work against Cekura's API one by one, and the embedded server
 * answers them all in one `bulk_data` (`previews`, docs/contract.md §12).
 */
export type ComparisonPlan =
  | { kind: 'off' }
  | { kind: 'refused'; message: string; largestOffsetMs: number | null }
  | { kind: 'previous'; bodies: [PreviewWidgetRequest]; offsetMs: number; description: string }
  | { kind: 'cohorts'; bodies: PreviewWidgetRequest[]; labels: string[] };

const OFF: ComparisonPlan = { kind: 'off' };

/**
 * The plan for one widget under a dashboard (`filters`: the dashboard's filters with its active
 * variables). Cohorts are the widget's own data fields with each cohort's filter ANDed to the widget's
 * filters; a cohort replaces the widget's group-by (the cohorts are the groups). Pure and total.
 */
export function planComparison(
  widget: ComparableWidget,
  dashboard: { id: number | null; filters: Filter | null },
  setting: CompareSetting | null,
  now: Date,
): ComparisonPlan {
  if (setting === null || widget.chart_type === 'pie') return OFF;
  if (setting.mode === 'previous') {
    const request = previousPeriodRequest(widget, dashboard, setting.offset, now);
    if (!request.ok)
      return { kind: 'refused', message: request.message, largestOffsetMs: request.largestOffsetMs };
    return {
      kind: 'previous',
      bodies: [request.body],
      offsetMs: request.offsetMs,
      description: request.description,
    };
  }
  const bodies = setting.cohorts.map((cohort): PreviewWidgetRequest => ({
    dashboard: dashboard.id,
    chart_type: widget.chart_type,
    field: widget.field,
    metric: widget.metric,
    aggregation_function: widget.aggregation_function,
    time_period: widget.time_period,
    group_by: null,
    data_type: widget.data_type,
    filters: mergeFilters(widget.filters ?? null, cohort.filters),
    dashboard_filters: dashboard.filters,
  }));
  return { kind: 'cohorts', bodies, labels: setting.cohorts.map((c) => c.label) };
}

/**
 * Cohort responses as one response grouped by cohort: every line point and bar bucket carries its
 * cohort's label as `group` (D1), so each cohort is a series with its own colour and legend entry. A
 * stat has no series: its first cohort is returned as it is. Null without responses. Pure.
 */
export function mergeCohortResponses(
  responses: readonly WidgetDataResponse[],
  labels: readonly string[],
): WidgetDataResponse | null {
  const [first] = responses;
  if (first === undefined) return null;
  if (!Array.isArray(first.data)) return first;
  const data = responses.flatMap((response, index) =>
    Array.isArray(response.data)
      ? response.data.map((item) => ({ ...item, group: labels[index] ?? `Cohort ${index + 1}` }))
      : [],
  );
  return { ...first, data, group_by: null };
}
