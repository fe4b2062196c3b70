import type { EvaluationPoint } from '../../contract/alert-backtest.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { QueryLimits, SqlParam } from '../analytics/analytics-database.ts';
import { dimensionsOf, type EngineStores } from './chart-data.ts';
import { metricsInProjects } from './engine-scope.ts';
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

function numberAt(vector: { getItem(index: number): unknown }, index: number): number {
  const item = vector.getItem(index);
  return typeof item === 'number' ? item : typeof item === 'bigint' ? Number(item) : Number.NaN;
}

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
): Promise<EvaluationPoint[]> {
  if (request.projectIds.length === 0) return [];
  // The metric must belong to one of the caller's projects (SQLite, the system of record).
  if (metricsInProjects(stores.sqlite, [request.metricId], request.projectIds).length === 0) return [];
  const window = splitTimeWindow(request.filter, request.now);
  const residual = window.residual
    ? compileFilter(window.residual, {
        now: request.now,
        dimensions: dimensionsOf(stores, request.projectIds),
      })
    : null;
  const projects = request.projectIds.map(() => '?').join(', ');
  // Without a residual filter no call column is needed: the metric's own project scopes the rows.
  const range = 'me.metric_id = ? AND me.ts_ms >= CAST(? AS BIGINT) AND me.ts_ms <= CAST(? AS BIGINT)';
  const sql = residual
    ? `SELECT CAST(me.ts_ms AS DOUBLE), me.call_id, me.value_num FROM metric_evaluations me JOIN calls c ON c.id = me.call_id
       WHERE ${range} AND me.value_num IS NOT NULL AND c.project_id IN (${projects}) AND (${residual.sql})
       ORDER BY me.ts_ms, me.call_id`
    : `SELECT CAST(me.ts_ms AS DOUBLE), me.call_id, me.value_num FROM metric_evaluations me
       WHERE ${range} AND me.value_num IS NOT NULL ORDER BY me.ts_ms, me.call_id`;
  const params: SqlParam[] = [
    request.metricId,
    window.lower ?? Number.MIN_SAFE_INTEGER,
    window.upper ?? Number.MAX_SAFE_INTEGER,
    ...(residual ? [...request.projectIds, ...residual.params] : []),
  ];
  return stores.analytics.read(limits, async (connection) => {
    const result = await connection.run(sql, params);
    const points: EvaluationPoint[] = [];
    for (let c = 0; c < result.chunkCount; c += 1) {
      const chunk = result.getChunk(c);
      const times = chunk.getColumnVector(0);
      const calls = chunk.getColumnVector(1);
      const values = chunk.getColumnVector(2);
      for (let i = 0; i < chunk.rowCount; i += 1) {
        points.push({ t: numberAt(times, i), callId: numberAt(calls, i), value: numberAt(values, i) });
      }
    }
    return points;
  });
}
