import { mergeFilters } from '../../contract/effective-filters.ts';
import { WidgetSchema, type Widget } from '../../contract/widget-schema.ts';
import { readFilterColumn, readJsonColumn, readMetadataColumn } from '../db/json-column.ts';
import type { WidgetRecord } from './widget-store.ts';

/**
 * The wire `Widget` of a stored row: `effective_filters` is the D7 merge of the dashboard's and the
 * widget's filters and `metric_name` the metric's name, both computed on every response. Parsed with
 * the contract schema so a response can never drift from it.
 */
export function serializeWidget(record: WidgetRecord): Widget {
  const filters = readFilterColumn(record.filters);
  return WidgetSchema.parse({
    id: record.id,
    dashboard: record.dashboard_id,
    name: record.name,
    filters,
    effective_filters: mergeFilters(readFilterColumn(record.dashboard_filters), filters),
    chart_type: record.chart_type,
    data_type: record.data_type,
    field: record.field,
    metric: record.metric_id,
    metric_name: record.metric_id === null ? null : record.metric_name,
    time_period: record.time_period,
    aggregation_function: record.aggregation_function,
    group_by: readJsonColumn(record.group_by),
    metadata: readMetadataColumn(record.metadata),
    created_at: record.created_at,
    updated_at: record.updated_at,
  });
}
