import type BetterSqlite3 from 'better-sqlite3';
import type { EvaluationPoint } from '../contract/alert-backtest.ts';
import type { Filter } from '../contract/filter-schema.ts';
import { splitTimeWindow } from './engine-time-window.ts';
import { compileFilter } from './filter-sql.ts';
import { checkQueryDeadline } from './query-time-limit.ts';

export interface MetricSeriesRequest {
  metricId: number;
  /** The caller's projects: evaluations of calls elsewhere are never read. */
  projectIds: readonly number[];
  /** The widget's effective filter (window checked, D11). */
  filter: Filter | null;
  now: Date;
}

/** Rows between two deadline checks: the read of a month of evaluations stops soon after its limit. */
const CHECK_EVERY = 4096;

/**
 * One metric's evaluations with a numeric value (binary ones as 1/0) in time order over the filter's
 * window and residual filter (compiled by the chart engine's filter compiler, every value bound),
 * restricted to the caller's projects. The one read behind `POST /studio/alert-backtest/`, kept alone
 * and Promise-returning so the evaluations can move to another store without touching its callers.
 * Checks the request's deadline (query-time-limit.ts) while it reads.
 */
export function readMetricEvaluationSeries(
  sqlite: BetterSqlite3.Database,
  request: MetricSeriesRequest,
): Promise<EvaluationPoint[]> {
  if (request.projectIds.length === 0) return Promise.resolve([]);
  const window = splitTimeWindow(request.filter, request.now);
  const residual = window.residual ? compileFilter(window.residual, { now: request.now }) : null;
  const projects = request.projectIds.map(() => '?').join(', ');
  // Without a residual filter no call column is needed: the metric's own project scopes the rows
  // (as in engine-scope.ts), which spares one call lookup per evaluation.
  const sql = residual
    ? `SELECT me.ts_ms, me.call_id, me.value_num FROM metric_evaluations me JOIN calls c ON c.id = me.call_id
       WHERE me.metric_id = ? AND me.ts_ms >= ? AND me.ts_ms <= ? AND me.value_num IS NOT NULL
         AND c.project_id IN (${projects}) AND (${residual.sql}) ORDER BY me.ts_ms, me.id`
    : `SELECT me.ts_ms, me.call_id, me.value_num FROM metric_evaluations me
       WHERE me.metric_id = ? AND me.ts_ms >= ? AND me.ts_ms <= ? AND me.value_num IS NOT NULL
         AND me.metric_id IN (SELECT id FROM metrics WHERE project_id IN (${projects})) ORDER BY me.ts_ms, me.id`;
  const params = [
    request.metricId,
    window.lower ?? Number.MIN_SAFE_INTEGER,
    window.upper ?? Number.MAX_SAFE_INTEGER,
    ...request.projectIds,
    ...(residual?.params ?? []),
  ];
  const points: EvaluationPoint[] = [];
  // Synchronous on purpose: the caller's runWithQueryDeadline covers the whole read.
  for (const row of sqlite
    .prepare(sql)
    .raw()
    .iterate(...params)) {
    if (points.length % CHECK_EVERY === 0) checkQueryDeadline(sqlite);
    if (!Array.isArray(row)) continue;
    const t: unknown = row[0];
    const callId: unknown = row[1];
    const value: unknown = row[2];
    if (typeof t === 'number' && typeof callId === 'number' && typeof value === 'number')
      points.push({ t, callId, value });
  }
  return Promise.resolve(points);
}
