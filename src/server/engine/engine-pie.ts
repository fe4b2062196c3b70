import type { DuckDBConnection } from '@duckdb/node-api';
import type { PieSlice } from '../../contract/widget-data-schema.ts';
import { queryRows } from '../analytics/analytics-database.ts';
import type { Scope } from './engine-scope.ts';
import { labelOf, type PlotSource } from './engine-sources.ts';

export interface PieRequest {
  scope: Scope;
  source: PlotSource;
  from: number;
  to: number;
  agentNames: ReadonlyMap<number, string>;
}

/**
 * Percentages with one decimal that sum to exactly 100.0 (largest remainder method on tenths of a
 * percent), in the order given. Empty or all-zero input gives zeros. Pure.
 */
export function percentagesOf(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) return values.map(() => 0);
  const exact = values.map((value) => (value / total) * 1000);
  const floors = exact.map(Math.floor);
  let missing = 1000 - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  return floors.map((tenths) => tenths / 10);
}

/**
 * Pie slices `{label, value, percentage}`: one per distinct value (nulls as "(none)", booleans as
 * "true"/"false"), `value` the number of records, ordered by value descending then label.
 */
export async function computePie(connection: DuckDBConnection, request: PieRequest): Promise<PieSlice[]> {
  const { scope, source, agentNames } = request;
  const where = scope.where(request.from, request.to);
  const rows = await queryRows(
    connection,
    `SELECT ${source.expr}, count(*) FROM ${scope.from} WHERE ${where.sql} GROUP BY ALL`,
    [...source.params, ...where.params],
  );
  // Distinct stored values can share a label (an agent id and a name): their counts add up.
  const counts = new Map<string, number>();
  for (const row of rows) {
    const label = labelOf(row[0], source.kind, agentNames);
    counts.set(label, (counts.get(label) ?? 0) + Number(row[1] ?? 0));
  }
  const entries = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const percentages = percentagesOf(entries.map(([, value]) => value));
  return entries.map(([label, value], index) => ({ label, value, percentage: percentages[index] ?? 0 }));
}
