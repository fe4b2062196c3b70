import type BetterSqlite3 from 'better-sqlite3';
import type { Filter } from '../contract/filter-schema.ts';
import { cachedStatement } from './engine-statement-cache.ts';
import type { PlotSource } from './engine-sources.ts';
import { compileFilter } from './filter-sql.ts';

/**
 * The FROM/WHERE of every chart query. Rows are calls (`calls c`) or one metric's evaluations
 * (`metric_evaluations me`), restricted to the caller's projects and to an inclusive time range that
 * the planner can answer from the covering indexes (`(project_id, ts_ms, …)` and
 * `(metric_id, ts_ms, …)`), then to the residual filter.
 *
 * Evaluations are joined to their call only when a call column is needed (a residual filter or a
 * group). Without the join they are scoped through their metric, which belongs to one project: an
 * evaluation's call is in its metric's project (the seed and the data model guarantee it), and the
 * join would cost one call-row lookup per evaluation (~4× slower, docs/decisions/0002).
 */
export interface Scope {
  from: string;
  /** The epoch-ms column of the rows (`c.ts_ms` or `me.ts_ms`). */
  timeColumn: string;
  /** Partitions whose union is the scope: one per project (calls) or per metric (evaluations). */
  partitions: number[];
  /** WHERE for all partitions (or one), with the time range; `params` in placeholder order. */
  where(from: number, to: number, partition?: number): { sql: string; params: unknown[] };
}

export interface ScopeRequest {
  source: PlotSource;
  projectIds: readonly number[];
  residual: Filter | null;
  now: Date;
  /** A call column is read (a group expression, or the plotted value of a call field). */
  needsCalls: boolean;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Metric ids among `metricIds` that belong to one of the projects. */
export function metricsInProjects(
  sqlite: BetterSqlite3.Database,
  metricIds: readonly number[],
  projectIds: readonly number[],
): number[] {
  if (metricIds.length === 0 || projectIds.length === 0) return [];
  const sql = `SELECT id FROM metrics WHERE id IN (${placeholders(metricIds.length)}) AND project_id IN (${placeholders(projectIds.length)}) ORDER BY id`;
  return cachedStatement(sqlite, sql, 'pluck')
    .all(...metricIds, ...projectIds)
    .map(Number);
}

export function buildScope(sqlite: BetterSqlite3.Database, request: ScopeRequest): Scope {
  const residual = request.residual ? compileFilter(request.residual, { now: request.now }) : null;
  const projectIds = [...request.projectIds];
  if (request.source.table === 'calls') {
    return {
      from: 'calls c',
      timeColumn: 'c.ts_ms',
      partitions: projectIds,
      where(from, to, partition) {
        const ids = partition === undefined ? projectIds : [partition];
        return assemble(`c.project_id IN (${placeholders(ids.length)})`, ids, 'c.ts_ms', from, to, [
          residual,
        ]);
      },
    };
  }
  const metricIds = metricsInProjects(sqlite, request.source.metricIds, projectIds);
  const joined = residual !== null || request.needsCalls;
  const projectCondition: { sql: string; params: unknown[] } | null = joined
    ? { sql: `c.project_id IN (${placeholders(projectIds.length)})`, params: projectIds }
    : null;
  return {
    from: joined ? 'metric_evaluations me JOIN calls c ON c.id = me.call_id' : 'metric_evaluations me',
    timeColumn: 'me.ts_ms',
    partitions: metricIds,
    where(from, to, partition) {
      const ids = partition === undefined ? metricIds : [partition];
      return assemble(`me.metric_id IN (${placeholders(ids.length)})`, ids, 'me.ts_ms', from, to, [
        projectCondition,
        residual,
      ]);
    },
  };
}

function assemble(
  partitionSql: string,
  partitionParams: readonly number[],
  timeColumn: string,
  from: number,
  to: number,
  extra: readonly ({ sql: string; params: unknown[] } | null)[],
): { sql: string; params: unknown[] } {
  // The partition and range come first so the planner uses them as the index range.
  let sql = `${partitionSql} AND ${timeColumn} >= ? AND ${timeColumn} <= ?`;
  const params: unknown[] = [...partitionParams, from, to];
  for (const part of extra) {
    if (!part) continue;
    sql += ` AND ${part.sql}`;
    params.push(...part.params);
  }
  return { sql, params };
}

/**
 * The oldest and newest row time in the scope (ignoring the residual filter), or null when it has
 * no rows. Two index seeks per partition: used to clip the bucket loop to where data exists.
 */
export function dataTimeRange(
  sqlite: BetterSqlite3.Database,
  scope: Scope,
): { min: number; max: number } | null {
  const table = scope.timeColumn === 'c.ts_ms' ? 'calls' : 'metric_evaluations';
  const key = table === 'calls' ? 'project_id' : 'metric_id';
  let min = Infinity;
  let max = -Infinity;
  for (const partition of scope.partitions) {
    const low: unknown = cachedStatement(
      sqlite,
      `SELECT MIN(ts_ms) FROM ${table} WHERE ${key} = ?`,
      'pluck',
    ).get(partition);
    const high: unknown = cachedStatement(
      sqlite,
      `SELECT MAX(ts_ms) FROM ${table} WHERE ${key} = ?`,
      'pluck',
    ).get(partition);
    if (typeof low === 'number') min = Math.min(min, low);
    if (typeof high === 'number') max = Math.max(max, high);
  }
  return min <= max ? { min, max } : null;
}
