import type BetterSqlite3 from 'better-sqlite3';
import type { AggregationFunction } from '../contract/enums.ts';
import type { BarBucket } from '../contract/widget-data-schema.ts';
import { bucketSql, enumerateBuckets, formatInstant, type BucketSpec } from './engine-buckets.ts';
import type { Scope } from './engine-scope.ts';
import { labelOf, type GroupSource, type PlotSource } from './engine-sources.ts';
import { cachedStatement } from './engine-statement-cache.ts';

export interface BarRequest {
  scope: Scope;
  source: PlotSource;
  group: GroupSource | null;
  spec: BucketSpec;
  aggregation: AggregationFunction;
  from: number;
  to: number;
  agentNames: ReadonlyMap<number, string>;
}

/**
 * Above this many buckets one GROUP BY statement is cheaper than a statement per bucket. Below it,
 * a statement per bucket reads each bucket as one index range and aggregates it without a sorter,
 * about 3× faster than GROUP BY over the window (docs/decisions/0002).
 */
export const MAX_LOOP_BUCKETS = 1500;

const SQL_AGGREGATES: Partial<Record<AggregationFunction, string>> = {
  sum: 'SUM',
  avg: 'AVG',
  min: 'MIN',
  max: 'MAX',
};
const PERCENTILES: Partial<Record<AggregationFunction, string>> = { p50: '0.5', p95: '0.95', p99: '0.99' };

/**
 * The aggregate as SQL. `count` counts records (calls, or evaluations for metric widgets), nulls
 * included; the others ignore nulls; percentiles are SQLite's percentile_cont (linear interpolation
 * between closest ranks). Text values have no numeric aggregate (NULL).
 */
export function aggregateSql(
  aggregation: AggregationFunction,
  source: PlotSource,
): { sql: string; params: unknown[] } {
  if (aggregation === 'count') return { sql: 'COUNT(*)', params: [] };
  if (source.kind === 'string') return { sql: 'NULL', params: [] };
  const fraction = PERCENTILES[aggregation];
  if (fraction) return { sql: `percentile_cont(${source.expr}, ${fraction})`, params: source.params };
  const fn = SQL_AGGREGATES[aggregation] ?? 'COUNT';
  return { sql: `${fn}(${source.expr})`, params: source.params };
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function rowsOf(statement: BetterSqlite3.Statement, params: unknown[]): unknown[][] {
  return statement.all(...params).filter((row): row is unknown[] => Array.isArray(row));
}

/**
 * Bar buckets `{time_interval, value, sample_count}` (with `group` for a field group_by, D1), oldest
 * first then by group label. `sample_count` is the number of records in the bucket. Buckets without
 * records are left out.
 */
export function computeBars(sqlite: BetterSqlite3.Database, request: BarRequest): BarBucket[] {
  const { scope, group, spec, agentNames } = request;
  const aggregate = aggregateSql(request.aggregation, request.source);
  const groupSelect = group ? `${group.expr}, ` : '';
  const groupParams = group?.params ?? [];
  const buckets = enumerateBuckets(request.from, request.to, spec, MAX_LOOP_BUCKETS);
  const out: BarBucket[] = [];
  const push = (start: number, row: unknown[], offset: number) => {
    const sampleCount = Number(row[offset + (group ? 2 : 1)] ?? 0);
    if (sampleCount === 0) return;
    const bucket: BarBucket = {
      time_interval: formatInstant(start),
      value: finiteOrNull(row[offset + (group ? 1 : 0)]),
      sample_count: sampleCount,
    };
    if (group) bucket.group = labelOf(row[offset], group.kind, agentNames);
    out.push(bucket);
  };

  if (buckets.length <= MAX_LOOP_BUCKETS) {
    const probe = scope.where(0, 0);
    const sql = `SELECT ${groupSelect}${aggregate.sql}, COUNT(*) FROM ${scope.from} WHERE ${probe.sql}${group ? ' GROUP BY 1' : ''}`;
    const statement = cachedStatement(sqlite, sql, 'raw');
    for (const bucket of buckets) {
      const where = scope.where(bucket.from, bucket.to);
      for (const row of rowsOf(statement, [...groupParams, ...aggregate.params, ...where.params]))
        push(bucket.start, row, 0);
    }
  } else {
    const where = scope.where(request.from, request.to);
    const bucketExpr = bucketSql(scope.timeColumn, spec);
    const sql =
      `SELECT ${bucketExpr.sql}, ${groupSelect}${aggregate.sql}, COUNT(*) FROM ${scope.from} WHERE ${where.sql} ` +
      `GROUP BY 1${group ? ', 2' : ''} ORDER BY 1`;
    const params = [...bucketExpr.params, ...groupParams, ...aggregate.params, ...where.params];
    for (const row of rowsOf(cachedStatement(sqlite, sql, 'raw'), params)) push(Number(row[0]), row, 1);
  }
  return out.sort(
    (a, b) => compareText(a.time_interval, b.time_interval) || compareText(a.group ?? '', b.group ?? ''),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
