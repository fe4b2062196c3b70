import type { DuckDBConnection } from '@duckdb/node-api';
import type BetterSqlite3 from 'better-sqlite3';
import type { Filter } from '../../contract/filter-schema.ts';
import type { StatData } from '../../contract/widget-data-schema.ts';
import { queryRows } from '../analytics/analytics-database.ts';
import { buildScope } from './engine-scope.ts';
import type { Dimensions } from './filter-sql.ts';

/** Runs one query on a connection of its own, within the computation's limits. */
export type StatReader = <T>(run: (connection: DuckDBConnection) => Promise<T>) => Promise<T>;

export interface StatRequest {
  projectIds: readonly number[];
  residual: Filter | null;
  now: Date;
  from: number;
  to: number;
  dimensions: Dimensions;
}

/** Rounds half away from zero to one decimal; null stays null. */
export function roundToTenth(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The latency metrics of the projects: `function_name = 'get_latency'` (D3). */
function latencyMetricIds(sqlite: BetterSqlite3.Database, projectIds: readonly number[]): number[] {
  if (projectIds.length === 0) return [];
  const sql = `SELECT id FROM metrics WHERE function_name = 'get_latency' AND project_id IN (${projectIds.map(() => '?').join(', ')}) ORDER BY id`;
  return sqlite
    .prepare(sql)
    .pluck()
    .all(...projectIds)
    .map(Number);
}

/**
 * Stat data per D3 over the calls matching the filter: `total_calls`; `success_rate` percent with one
 * decimal over calls whose success is known (null when none is); `avg_duration` seconds with one
 * decimal; `p95_latency` the 95th percentile (linear interpolation) of the latency metrics'
 * evaluations of those calls, in ms with one decimal, null without a latency metric or values.
 */
export async function computeStat(
  sqlite: BetterSqlite3.Database,
  read: StatReader,
  request: StatRequest,
): Promise<StatData> {
  const base = {
    projectIds: request.projectIds,
    residual: request.residual,
    now: request.now,
    dimensions: request.dimensions,
    needsCalls: false,
  };
  const calls = buildScope(sqlite, {
    ...base,
    source: { table: 'calls', expr: 'NULL', params: [], kind: 'number', metricIds: [] },
  });
  const where = calls.where(request.from, request.to);
  // The call summary and the latency percentile scan different tables: they run side by side.
  const summary = read((connection) =>
    queryRows(
      connection,
      `SELECT count(*), sum(CAST(c.success AS DOUBLE)), count(c.success), avg(c.duration) FROM ${calls.from} WHERE ${where.sql}`,
      where.params,
    ),
  );
  const [[cells = []], p95] = await Promise.all([summary, latencyP95(sqlite, read, request, base)]);
  const [total, successes, known, avgDuration] = cells;
  const knownCount = Number(known ?? 0);
  return {
    total_calls: Number(total ?? 0),
    success_rate: knownCount > 0 ? roundToTenth((100 * Number(successes ?? 0)) / knownCount) : null,
    avg_duration: roundToTenth(numberOrNull(avgDuration)),
    p95_latency: roundToTenth(p95),
  };
}

/** The 95th percentile of the latency metrics' evaluations of the matching calls (null: none). */
async function latencyP95(
  sqlite: BetterSqlite3.Database,
  read: StatReader,
  request: StatRequest,
  base: Omit<Parameters<typeof buildScope>[1], 'source'>,
): Promise<number | null> {
  const latencyIds = latencyMetricIds(sqlite, request.projectIds);
  if (latencyIds.length === 0) return null;
  const latency = buildScope(sqlite, {
    ...base,
    source: {
      table: 'evaluations',
      expr: 'me.value_num',
      params: [],
      kind: 'number',
      metricIds: latencyIds,
    },
  });
  const latencyWhere = latency.where(request.from, request.to);
  const [row = []] = await read((connection) =>
    queryRows(
      connection,
      `SELECT quantile_cont(me.value_num, 0.95) FROM ${latency.from} WHERE ${latencyWhere.sql}`,
      latencyWhere.params,
    ),
  );
  return numberOrNull(row[0]);
}
