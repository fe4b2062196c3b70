import type BetterSqlite3 from 'better-sqlite3';
import type { Filter } from '../../contract/filter-schema.ts';
import type { SqlParam } from '../analytics/analytics-database.ts';
import type { PlotSource } from './engine-sources.ts';
import { compileFilter, type CompiledSql, type Dimensions } from './filter-sql.ts';

/**
 * The FROM/WHERE of every chart query. Rows are calls (`calls c`) or one metric's evaluations
 * (`metric_evaluations me`), restricted to the caller's projects and to an inclusive time range
 * (which DuckDB answers from the zone maps of the time-ordered row groups), then to the residual
 * filter.
 *
 * Evaluations are joined to their call only when a call column is needed (a residual filter or a
 * group). Without the join they are scoped through their metric, which belongs to one project: an
 * evaluation's call is in its metric's project (the seed, the ingestion routes and the data model
 * guarantee it). An evaluation's `ts_ms` is its call's (every writer copies it; calls are never
 * re-timed), so a joined scope bounds both sides by the window.
 */
export interface Scope {
  from: string;
  /** The epoch-ms column of the rows (`c.ts_ms` or `me.ts_ms`). */
  timeColumn: string;
  /** The id of the call of each row (`c.id` or `me.call_id`). */
  callIdColumn: string;
  /** WHERE with the time range; `params` in placeholder order. */
  where(from: number, to: number): CompiledSql;
}

export interface ScopeRequest {
  source: PlotSource;
  projectIds: readonly number[];
  residual: Filter | null;
  now: Date;
  dimensions: Dimensions;
  /** A call column is read (a group expression, or the plotted value of a call field). */
  needsCalls: boolean;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `column IN (…)` over ids; FALSE for none (an empty IN list is not SQL). */
function inIds(column: string, ids: readonly number[]): CompiledSql {
  if (ids.length === 0) return { sql: 'FALSE', params: [] };
  return { sql: `${column} IN (${placeholders(ids.length)})`, params: [...ids] };
}

/** Metric ids among `metricIds` that belong to one of the projects (SQLite, the system of record). */
export function metricsInProjects(
  sqlite: BetterSqlite3.Database,
  metricIds: readonly number[],
  projectIds: readonly number[],
): number[] {
  if (metricIds.length === 0 || projectIds.length === 0) return [];
  const sql = `SELECT id FROM metrics WHERE id IN (${placeholders(metricIds.length)}) AND project_id IN (${placeholders(projectIds.length)}) ORDER BY id`;
  return sqlite
    .prepare(sql)
    .pluck()
    .all(...metricIds, ...projectIds)
    .map(Number);
}

export function buildScope(sqlite: BetterSqlite3.Database, request: ScopeRequest): Scope {
  const residual = request.residual
    ? compileFilter(request.residual, { now: request.now, dimensions: request.dimensions })
    : null;
  const projects = inIds('c.project_id', request.projectIds);
  if (request.source.table === 'calls') {
    return {
      from: 'calls c',
      timeColumn: 'c.ts_ms',
      callIdColumn: 'c.id',
      where: (from, to) => assemble(projects, 'c.ts_ms', from, to, [residual]),
    };
  }
  const metrics = inIds(
    'me.metric_id',
    metricsInProjects(sqlite, request.source.metricIds, request.projectIds),
  );
  const joined = residual !== null || request.needsCalls;
  return {
    from: joined ? 'metric_evaluations me JOIN calls c ON c.id = me.call_id' : 'metric_evaluations me',
    timeColumn: 'me.ts_ms',
    callIdColumn: 'me.call_id',
    where: (from, to) =>
      assemble(metrics, 'me.ts_ms', from, to, [
        joined ? projects : null,
        // The same range on the call's own time (an evaluation carries its call's time): DuckDB then
        // prunes the calls side of the join to the window's row groups instead of hashing every call
        // (41 → 16 ms for a week of one metric on 1M calls).
        joined ? timeRange('c.ts_ms', from, to) : null,
        residual,
      ]),
  };
}

/** `column` within [from, to] ms, as BIGINT parameters so the compare is on the column's type and prunes row groups. */
export function timeRange(column: string, from: number, to: number): CompiledSql {
  return { sql: `${column} >= CAST(? AS BIGINT) AND ${column} <= CAST(? AS BIGINT)`, params: [from, to] };
}

function assemble(
  partition: CompiledSql,
  timeColumn: string,
  from: number,
  to: number,
  extra: readonly (CompiledSql | null)[],
): CompiledSql {
  // BIGINT parameters, so the range is compared on the column's own type and prunes row groups.
  const range = timeRange(timeColumn, from, to);
  let sql = `${partition.sql} AND ${range.sql}`;
  const params: SqlParam[] = [...partition.params, ...range.params];
  for (const part of extra) {
    if (!part) continue;
    sql += ` AND ${part.sql}`;
    params.push(...part.params);
  }
  return { sql, params };
}
