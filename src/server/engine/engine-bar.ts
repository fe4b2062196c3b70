import type { DuckDBConnection } from '@duckdb/node-api';
import type { AggregationFunction } from '../../contract/enums.ts';
import type { BarBucket } from '../../contract/widget-data-schema.ts';
import { queryRows, type SqlParam } from '../analytics/analytics-database.ts';
import { bucketSql, formatInstant, type BucketSpec } from './engine-buckets.ts';
import type { Scope } from './engine-scope.ts';
import { labelOf, type GroupSource, type PlotSource } from './engine-sources.ts';

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

const SQL_AGGREGATES: Partial<Record<AggregationFunction, string>> = {
  sum: 'sum',
  avg: 'avg',
  min: 'min',
  max: 'max',
};
const PERCENTILES: Partial<Record<AggregationFunction, string>> = { p50: '0.5', p95: '0.95', p99: '0.99' };

/**
 * The aggregate as SQL. `count` counts records (calls, or evaluations for metric widgets), nulls
 * included; the others ignore nulls; percentiles are `quantile_cont` (linear interpolation between
 * closest ranks, as percentile_cont). Text values have no numeric aggregate (NULL). Sums are taken
 * as DOUBLE, so an integer column never overflows into HUGEINT.
 */
export function aggregateSql(
  aggregation: AggregationFunction,
  source: PlotSource,
): { sql: string; params: SqlParam[] } {
  if (aggregation === 'count') return { sql: 'count(*)', params: [] };
  if (source.kind === 'string') return { sql: 'CAST(NULL AS DOUBLE)', params: [] };
  const value = `CAST(${source.expr} AS DOUBLE)`;
  const fraction = PERCENTILES[aggregation];
  if (fraction) return { sql: `quantile_cont(${value}, ${fraction})`, params: source.params };
  const fn = SQL_AGGREGATES[aggregation] ?? 'count';
  return { sql: `${fn}(${value})`, params: source.params };
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Bar buckets `{time_interval, value, sample_count}` (with `group` for a field group_by, D1), oldest
 * first then by group label: one GROUP BY over the window. `sample_count` is the number of records in
 * the bucket. Buckets without records are left out.
 */
export async function computeBars(connection: DuckDBConnection, request: BarRequest): Promise<BarBucket[]> {
  const { scope, group, spec, agentNames } = request;
  const aggregate = aggregateSql(request.aggregation, request.source);
  const where = scope.where(request.from, request.to);
  const bucketExpr = bucketSql(scope.timeColumn, spec);
  const groupSelect = group ? `, ${group.expr}` : '';
  const sql =
    `SELECT ${bucketExpr.sql}${groupSelect}, ${aggregate.sql}, count(*) FROM ${scope.from} ` +
    `WHERE ${where.sql} GROUP BY ALL`;
  const rows = await queryRows(connection, sql, [
    ...bucketExpr.params,
    ...(group?.params ?? []),
    ...aggregate.params,
    ...where.params,
  ]);
  const out: BarBucket[] = [];
  for (const row of rows) {
    const offset = group ? 2 : 1;
    const sampleCount = Number(row[offset + 1] ?? 0);
    if (sampleCount === 0) continue;
    const bucket: BarBucket = {
      time_interval: formatInstant(Number(row[0])),
      value: finiteOrNull(row[offset]),
      sample_count: sampleCount,
    };
    if (group) bucket.group = labelOf(row[1], group.kind, agentNames);
    out.push(bucket);
  }
  return out.sort(
    (a, b) => compareText(a.time_interval, b.time_interval) || compareText(a.group ?? '', b.group ?? ''),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
