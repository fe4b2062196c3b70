import type BetterSqlite3 from 'better-sqlite3';
import type { AggregationFunction, DataType, TimePeriod } from '../contract/enums.ts';
import { lookupField } from '../contract/field-catalogue.ts';
import type { Filter } from '../contract/filter-schema.ts';
import type { Metric } from '../contract/metric-schema.ts';
import type { WidgetDataResponse } from '../contract/widget-data-schema.ts';
import { normalizeGroupBy, resolveDataType } from '../contract/widget-rules.ts';
import type { WidgetInput } from '../contract/widget-schema.ts';
import { computeBars } from './engine-bar.ts';
import type { BucketSpec } from './engine-buckets.ts';
import { computeLine } from './engine-line.ts';
import { computePie } from './engine-pie.ts';
import { buildScope, dataTimeRange } from './engine-scope.ts';
import { groupSource, plotSource, type GroupSource } from './engine-sources.ts';
import { computeStat } from './engine-stat.ts';
import { cachedStatement } from './engine-statement-cache.ts';
import { splitTimeWindow } from './engine-time-window.ts';
import { registerSqlFunctions } from './filter-sql.ts';

export interface WidgetDataRequest {
  widget: Pick<
    WidgetInput,
    'chart_type' | 'field' | 'metric' | 'aggregation_function' | 'time_period' | 'group_by' | 'data_type'
  >;
  /** The effective filter (D7, with any override applied, D5); validated, window checked (D11). */
  filter: Filter | null;
  projectIds: number[];
  now: Date;
  /** The widget's metric, for `metric_evaluations.value`. */
  metric: Metric | null;
  /** LTTB target for line series (the `max_points` extension); absent: the full series. */
  maxPoints?: number;
}

export interface WidgetDataResult {
  data: WidgetDataResponse['data'];
  display_name: string;
  data_type: DataType;
  can_group_by: boolean;
}

const STAT_DISPLAY_NAME = 'Call summary';

function displayName(field: string, metric: Metric | null, chartType: string): string {
  if (chartType === 'stat') return STAT_DISPLAY_NAME;
  if (metric && field === 'metric_evaluations.value') return metric.name;
  return lookupField(field)?.label ?? field;
}

function dataTypeOf(request: WidgetDataRequest): DataType {
  const { widget, metric } = request;
  const resolved = resolveDataType(widget.field ?? '', metric);
  if (resolved) return resolved;
  const declared = widget.data_type;
  return declared ? declared : 'numeric';
}

/** Agent id → name for the projects, to label `agent.id` groups (D1). */
function agentNamesOf(sqlite: BetterSqlite3.Database, projectIds: readonly number[]): Map<number, string> {
  if (projectIds.length === 0) return new Map();
  const sql = `SELECT id, agent_name FROM agents WHERE project_id IN (${projectIds.map(() => '?').join(', ')})`;
  const names = new Map<number, string>();
  for (const row of cachedStatement(sqlite, sql, 'raw').all(...projectIds)) {
    if (Array.isArray(row) && typeof row[1] === 'string') names.set(Number(row[0]), row[1]);
  }
  return names;
}

function periodOf(value: unknown): TimePeriod {
  return value === 'hour' || value === 'week' || value === 'month' ? value : 'day';
}

/**
 * Computes a widget's chart data (contract 6.2, D1–D3) over the calls of `projectIds` matching the
 * effective filter. The filter's guaranteed time bounds become an index range (`splitTimeWindow`);
 * the chart engines read only covering indexes where they can. See docs/decisions/0002 for the
 * semantics (count, percentiles, empty buckets, labels) and the performance choices.
 */
export function computeWidgetData(
  sqlite: BetterSqlite3.Database,
  request: WidgetDataRequest,
): WidgetDataResult {
  registerSqlFunctions(sqlite);
  const { widget, metric, now } = request;
  const field = widget.field ?? '';
  const chartType = widget.chart_type;
  const result = (data: WidgetDataResponse['data']): WidgetDataResult => ({
    data,
    display_name: displayName(field, metric, chartType),
    data_type: dataTypeOf(request),
    can_group_by: chartType === 'line' || chartType === 'bar',
  });
  const window = splitTimeWindow(request.filter, now);
  const lower = window.lower ?? Number.MIN_SAFE_INTEGER;
  const upper = window.upper ?? Number.MAX_SAFE_INTEGER;

  if (chartType === 'stat') {
    const stat = computeStat(sqlite, {
      projectIds: request.projectIds,
      residual: window.residual,
      now,
      from: lower,
      to: upper,
    });
    return result(stat);
  }

  const groupBy = normalizeGroupBy(widget.group_by);
  const group: GroupSource | null =
    groupBy?.type === 'field' && chartType !== 'pie' ? groupSource(groupBy.field) : null;
  const source = plotSource(field, metric);
  const scope = buildScope(sqlite, {
    source,
    projectIds: request.projectIds,
    residual: window.residual,
    now,
    needsCalls: group !== null,
  });
  // Clip to where rows exist, so open-ended windows do not enumerate empty buckets.
  const range = dataTimeRange(sqlite, scope);
  if (!range) return result([]);
  const from = Math.max(lower, range.min);
  const to = Math.min(upper, range.max);
  if (from > to) return result([]);
  const agentNames = agentNamesOf(sqlite, request.projectIds);

  if (chartType === 'pie') return result(computePie(sqlite, { scope, source, from, to, agentNames }));

  const bucketInterval = groupBy?.type === 'bucket' ? groupBy.interval : null;
  if (chartType === 'line' && bucketInterval === null) {
    const maxPoints =
      request.maxPoints !== undefined && request.maxPoints >= 3 ? Math.floor(request.maxPoints) : null;
    return result(computeLine(sqlite, { scope, source, group, from, to, maxPoints, agentNames }));
  }
  // Bar, or a line with a bucket group_by (D2: aggregated, in the bar shape, default avg).
  const spec: BucketSpec =
    bucketInterval !== null ? { interval: bucketInterval } : { period: periodOf(widget.time_period) };
  const fallback: AggregationFunction = chartType === 'line' ? 'avg' : 'count';
  const aggregation = widget.aggregation_function ? widget.aggregation_function : fallback;
  return result(computeBars(sqlite, { scope, source, group, spec, aggregation, from, to, agentNames }));
}
