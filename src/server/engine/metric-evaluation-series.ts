import { DuckDBListVector, type DuckDBConnection } from '@duckdb/node-api';
import type { EvaluationSeries } from '../../contract/alert-backtest.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { QueryLimits, SqlParam } from '../analytics/analytics-database.ts';
import { dimensionsOf, type EngineStores } from './chart-data.ts';
import { metricsInProjects, timeRange } from './engine-scope.ts';
import { splitTimeWindow } from './engine-time-window.ts';
import { compileFilter } from './filter-sql.ts';
import { listedChunks, listedColumns } from './listed-columns.ts';
import { sortByTimeAndId } from './sort-by-time-and-id.ts';
import { withLentColumns } from './with-lent-columns.ts';

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
 * `replay` over one metric's evaluations with a numeric value (binary ones as 1/0) in time order over
 * the filter's window and residual filter (compiled by the chart engine's filter compiler, every value
 * bound), restricted to the caller's projects: the read behind `POST /studio/alert-backtest/`, in the
 * analytics store within `limits` (the query is interrupted at the deadline). The series is in lent
 * columns (`withLentColumns`) for the time of `replay` only: what it returns must not refer to them.
 */
export async function replayMetricEvaluations<T>(
  stores: EngineStores,
  request: MetricSeriesRequest,
  limits: QueryLimits | null,
  replay: (series: EvaluationSeries) => T,
): Promise<T> {
  if (request.projectIds.length === 0) return replay(EMPTY);
  // The metric must belong to one of the caller's projects (SQLite, the system of record).
  if (metricsInProjects(stores.sqlite, [request.metricId], request.projectIds).length === 0)
    return replay(EMPTY);
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
  const columns = 'CAST(me.call_id AS DOUBLE) AS id, CAST(me.ts_ms AS DOUBLE) AS t, me.value_num AS v';
  const select = residual
    ? `SELECT ${columns} FROM metric_evaluations me JOIN calls c ON c.id = me.call_id
       WHERE ${range} AND me.value_num IS NOT NULL AND c.project_id IN (${projects})
       AND ${calls.sql} AND (${residual.sql})`
    : `SELECT ${columns} FROM metric_evaluations me WHERE ${range} AND me.value_num IS NOT NULL`;
  const params: SqlParam[] = [
    request.metricId,
    ...evaluations.params,
    ...(residual ? [...request.projectIds, ...calls.params, ...residual.params] : []),
  ];
  return stores.analytics.read(limits, (connection) => readSeries(connection, select, params, replay));
}

/**
 * The rows of `select` (columns id, t, v, none NULL) in (time, call id) order. They are read as one
 * listed value, whose rows come in the order the scan's threads read them: a few runs, each in time
 * order while calls are stored as they arrive, which `sortByTimeAndId` merges (the line engine's read,
 * engine-line.ts). An `ORDER BY` of a million rows was most of the backtest's time.
 */
async function readSeries<T>(
  connection: DuckDBConnection,
  select: string,
  params: SqlParam[],
  replay: (series: EvaluationSeries) => T,
): Promise<T> {
  const sql = `SELECT count(*), list({'id': s.id, 't': s.t, 'v': s.v}) FROM (${select}) AS s`;
  const chunks = await listedChunks(connection, sql, params);
  const chunk = chunks[0];
  // One row: an empty window counts 0 (and its list is NULL).
  if (!chunk || Number(chunk.getColumnVector(0).getItem(0)) === 0) return replay(EMPTY);
  const lists = chunk.getColumnVector(1);
  if (!(lists instanceof DuckDBListVector)) throw new Error('The evaluations were not listed.');
  const listed = listedColumns(lists.childVector);
  return withLentColumns((lent) => {
    const sorted = sortByTimeAndId(listed, lent);
    const replayed = replay({
      length: sorted.times.length,
      t: sorted.times,
      callId: sorted.ids,
      value: sorted.values,
    });
    // The chunk stays referenced until the views into it are no longer read (as engine-line.ts does).
    chunks.length = 0;
    return Promise.resolve(replayed);
  });
}
