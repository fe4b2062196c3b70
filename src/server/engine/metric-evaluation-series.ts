import type { DuckDBConnection } from '@duckdb/node-api';
import { copyDoubles } from '../analytics/copy-doubles.ts';
import { inTimeOrder, type EvaluationSeries } from '../../contract/alert-backtest.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { QueryLimits, SqlParam } from '../analytics/analytics-database.ts';
import { dimensionsOf, type EngineStores } from './chart-data.ts';
import { metricsInProjects, timeRange } from './engine-scope.ts';
import { splitTimeWindow } from './engine-time-window.ts';
import { compileFilter } from './filter-sql.ts';

export interface MetricSeriesRequest {
  metricId: number;
  /** The caller's projects: evaluations of calls elsewhere are never read. */
  projectIds: readonly number[];
  /** The widget's effective filter (window checked, D11). */
  filter: Filter | null;
  now: Date;
}

const EMPTY: EvaluationSeries = { length: 0, t: [], callId: [], value: [] };

/**
 * One metric's evaluations with a numeric value (binary ones as 1/0) in time order over the filter's
 * window and residual filter (compiled by the chart engine's filter compiler, every value bound),
 * restricted to the caller's projects: the read behind `POST /studio/alert-backtest/`, in the analytics
 * store within `limits` (the query is interrupted at the deadline).
 */
export async function readMetricEvaluationSeries(
  stores: EngineStores,
  request: MetricSeriesRequest,
  limits: QueryLimits | null,
): Promise<EvaluationSeries> {
  if (request.projectIds.length === 0) return EMPTY;
  // The metric must belong to one of the caller's projects (SQLite, the system of record).
  if (metricsInProjects(stores.sqlite, [request.metricId], request.projectIds).length === 0) return EMPTY;
  const window = splitTimeWindow(request.filter, request.now);
  const residual = window.residual
    ? compileFilter(window.residual, {
        now: request.now,
        dimensions: dimensionsOf(stores, request.projectIds),
      })
    : null;
  const projects = request.projectIds.map(() => '?').join(', ');
  const lower = window.lower ?? Number.MIN_SAFE_INTEGER;
  const upper = window.upper ?? Number.MAX_SAFE_INTEGER;
  const evaluations = timeRange('me.ts_ms', lower, upper);
  // The call's time bounds the join too (an evaluation carries its call's time; engine-scope.ts).
  const calls = timeRange('c.ts_ms', lower, upper);
  // Without a residual filter no call column is needed: the metric's own project scopes the rows.
  const range = `me.metric_id = ? AND ${evaluations.sql}`;
  const select = residual
    ? `SELECT CAST(me.ts_ms AS DOUBLE), CAST(me.call_id AS DOUBLE), me.value_num FROM metric_evaluations me JOIN calls c ON c.id = me.call_id
       WHERE ${range} AND me.value_num IS NOT NULL AND c.project_id IN (${projects})
       AND ${calls.sql} AND (${residual.sql})`
    : `SELECT CAST(me.ts_ms AS DOUBLE), CAST(me.call_id AS DOUBLE), me.value_num FROM metric_evaluations me
       WHERE ${range} AND me.value_num IS NOT NULL`;
  const params: SqlParam[] = [
    request.metricId,
    ...evaluations.params,
    ...(residual ? [...request.projectIds, ...calls.params, ...residual.params] : []),
  ];
  return stores.analytics.read(limits, async (connection) => {
    // Calls are stored as they arrive, mostly in time order, and DuckDB keeps that order in a scan
    // without ORDER BY: such a read is checked and used as it is. Sorting a million rows was most of
    // the backtest's time; a read out of order (an import of older calls, a join) is read again sorted.
    const stored = await readSeries(connection, select, params);
    if (inTimeOrder(stored)) return stored;
    return readSeries(connection, `${select} ORDER BY me.ts_ms, me.call_id`, params);
  });
}

async function readSeries(
  connection: DuckDBConnection,
  sql: string,
  params: SqlParam[],
): Promise<EvaluationSeries> {
  const result = await connection.run(sql, params);
  const length = Number(result.rowCount);
  const series = {
    length,
    t: new Float64Array(length),
    callId: new Float64Array(length),
    value: new Float64Array(length),
  };
  let offset = 0;
  for (let c = 0; c < result.chunkCount; c += 1) {
    const chunk = result.getChunk(c);
    const rows = Math.min(chunk.rowCount, length - offset);
    // None is NULL: ts_ms and call_id are NOT NULL columns, and the WHERE leaves out NULL values.
    copyDoubles(chunk.getColumnVector(0), series.t, offset, rows, true);
    copyDoubles(chunk.getColumnVector(1), series.callId, offset, rows, true);
    copyDoubles(chunk.getColumnVector(2), series.value, offset, rows, true);
    offset += rows;
  }
  return series;
}
