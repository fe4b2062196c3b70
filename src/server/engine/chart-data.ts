import type BetterSqlite3 from 'better-sqlite3';
import type { AnalyticsDatabase, QueryLimits } from '../analytics/analytics-database.ts';
import type { AggregationFunction, DataType, TimePeriod } from '../../contract/enums.ts';
import { lookupField } from '../../contract/field-catalogue.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import type { WidgetDataResponse } from '../../contract/widget-data-schema.ts';
import { normalizeGroupBy, resolveDataType } from '../../contract/widget-rules.ts';
import type { WidgetInput } from '../../contract/widget-schema.ts';
import { computeBars } from './engine-bar.ts';
import type { BucketSpec } from './engine-buckets.ts';
import { computeLine } from './engine-line.ts';
import { computePie } from './engine-pie.ts';
import { buildScope } from './engine-scope.ts';
import { groupSource, plotSource, type GroupSource } from './engine-sources.ts';
import { computeStat } from './engine-stat.ts';
import { splitTimeWindow } from './engine-time-window.ts';
import type { Dimensions } from './filter-sql.ts';

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

/** id → name of the rows of `table` (agents or metrics) in the projects. */
function namesOf(
  sqlite: BetterSqlite3.Database,
  table: 'agents' | 'metrics',
  projectIds: readonly number[],
): Map<number, string> {
  if (projectIds.length === 0) return new Map();
  const column = table === 'agents' ? 'agent_name' : 'name';
  const sql = `SELECT id, ${column} FROM ${table} WHERE project_id IN (${projectIds.map(() => '?').join(', ')}) ORDER BY id`;
  const names = new Map<number, string>();
  for (const row of sqlite
    .prepare(sql)
    .raw()
    .all(...projectIds)) {
    if (Array.isArray(row) && typeof row[1] === 'string') names.set(Number(row[0]), row[1]);
  }
  return names;
}

/**
 * The names filters and groups read (agents to label `agent.id` groups, D1; agent and metric names
 * for name conditions), from SQLite, the system of record, for the request's projects.
 */
export function dimensionsOf(stores: EngineStores, projectIds: readonly number[]): Dimensions {
  return {
    agentNames: namesOf(stores.sqlite, 'agents', projectIds),
    metricNames: namesOf(stores.sqlite, 'metrics', projectIds),
    metadataColumns: stores.analytics.metadataColumns(),
  };
}

/** The two stores a computation reads: SQLite for definitions, DuckDB for calls and evaluations. */
export interface EngineStores {
  sqlite: BetterSqlite3.Database;
  analytics: AnalyticsDatabase;
}

function periodOf(value: unknown): TimePeriod {
  return value === 'hour' || value === 'week' || value === 'month' ? value : 'day';
}

/**
 * Computes a widget's chart data (contract 6.2, D1–D3) over the calls of `projectIds` matching the
 * effective filter, in one read of the analytics store within `limits`. The filter's guaranteed time
 * bounds become a range on the time column (`splitTimeWindow`). See docs/decisions/0002 for the
 * semantics (count, percentiles, empty buckets, labels) and 0014 for the engine.
 */
export async function computeWidgetData(
  stores: EngineStores,
  request: WidgetDataRequest,
  limits: QueryLimits | null,
): Promise<WidgetDataResult> {
  const { sqlite } = stores;
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
  const from = window.lower ?? Number.MIN_SAFE_INTEGER;
  const to = window.upper ?? Number.MAX_SAFE_INTEGER;
  if (from > to || request.projectIds.length === 0) return result(chartType === 'stat' ? emptyStat() : []);
  const dimensions = dimensionsOf(stores, request.projectIds);
  const agentNames = dimensions.agentNames;

  if (chartType === 'stat') {
    const statRequest = {
      projectIds: request.projectIds,
      residual: window.residual,
      now,
      from,
      to,
      dimensions,
    };
    return result(await computeStat(sqlite, (run) => stores.analytics.read(limits, run), statRequest));
  }

  const groupBy = normalizeGroupBy(widget.group_by);
  const group: GroupSource | null =
    groupBy?.type === 'field' && chartType !== 'pie' ? groupSource(groupBy.field, dimensions) : null;
  const source = plotSource(field, metric, dimensions.metadataColumns);
  const scope = buildScope(sqlite, {
    source,
    projectIds: request.projectIds,
    residual: window.residual,
    now,
    dimensions,
    needsCalls: group !== null,
  });

  if (chartType === 'pie') {
    const pie = { scope, source, from, to, agentNames };
    return result(await stores.analytics.read(limits, (connection) => computePie(connection, pie)));
  }

  const bucketInterval = groupBy?.type === 'bucket' ? groupBy.interval : null;
  if (chartType === 'line' && bucketInterval === null) {
    const maxPoints =
      request.maxPoints !== undefined && request.maxPoints >= 3 ? Math.floor(request.maxPoints) : null;
    const line = { scope, source, group, from, to, maxPoints, agentNames };
    return result(await stores.analytics.read(limits, (connection) => computeLine(connection, line)));
  }
  // Bar, or a line with a bucket group_by (D2: aggregated, in the bar shape, default avg).
  const spec: BucketSpec =
    bucketInterval !== null ? { interval: bucketInterval } : { period: periodOf(widget.time_period) };
  const fallback: AggregationFunction = chartType === 'line' ? 'avg' : 'count';
  const aggregation = widget.aggregation_function ? widget.aggregation_function : fallback;
  const bars = { scope, source, group, spec, aggregation, from, to, agentNames };
  return result(await stores.analytics.read(limits, (connection) => computeBars(connection, bars)));
}

function emptyStat(): WidgetDataResponse['data'] {
  return { total_calls: 0, success_rate: null, avg_duration: null, p95_latency: null };
}
