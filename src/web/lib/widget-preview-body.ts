import type { Filter } from '../../contract/filter-schema.ts';
import type { PreviewWidgetRequest, Widget } from '../../contract/widget-schema.ts';
import { asGroupedBy, groupByEffect } from './group-by-effect.ts';

/** The `preview_data` body that draws a saved widget with the given dashboard filters (D6). */
export function previewBody(widget: Widget, dashboardFilters: Filter | null): PreviewWidgetRequest {
  return {
    // The dashboard gives the project whose calls are drawn (without it, every project's).
    dashboard: widget.dashboard,
    name: widget.name,
    filters: widget.filters,
    chart_type: widget.chart_type,
    data_type: widget.data_type,
    field: widget.field,
    metric: widget.metric,
    time_period: widget.time_period,
    aggregation_function: widget.aggregation_function,
    group_by: widget.group_by,
    metadata: widget.metadata,
    dashboard_filters: dashboardFilters,
  };
}

/**
 * The body that draws a line or bar widget grouped by `field` instead of its own grouping, for the
 * dashboard's exploratory group-by (nothing is saved). Null for a widget the switcher leaves as saved
 * (`groupByEffect`: pies, stats, cohort comparisons). Total.
 */
export function regroupedBody(
  widget: Widget,
  field: string,
  dashboardFilters: Filter | null,
): PreviewWidgetRequest | null {
  if (groupByEffect(widget, field).kind !== 'regroup') return null;
  return previewBody(asGroupedBy(widget, field), dashboardFilters);
}
