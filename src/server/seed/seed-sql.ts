import type { SqlParam } from '../analytics/analytics-database.ts';
import type { CompiledSql } from '../engine/filter-sql.ts';

/** The SQL types the seed's picks produce. */
export type PickType = 'VARCHAR' | 'INTEGER' | 'DOUBLE';

/**
 * A weighted pick as SQL: `CASE WHEN u < ? THEN ? … ELSE ? END` over `uniform`, a column of the
 * statement uniform in [0, 1) (a column, so it is computed once per row, not once per branch). The
 * cumulative thresholds and the values are bound; weights need not sum to 1. Empty or weightless
 * lists give NULL. Pure.
 */
export function weightedPick(
  uniform: string,
  items: readonly (readonly [SqlParam, number])[],
  type: PickType,
): CompiledSql {
  const total = items.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
  const last = items.at(-1);
  if (!last || !(total > 0)) return { sql: `CAST(NULL AS ${type})`, params: [] };
  if (items.length === 1) return { sql: `CAST(? AS ${type})`, params: [last[0]] };
  const params: SqlParam[] = [];
  let sql = 'CASE';
  let cumulative = 0;
  for (const [value, weight] of items.slice(0, -1)) {
    cumulative += Math.max(0, weight);
    sql += ` WHEN ${uniform} < ? THEN CAST(? AS ${type})`;
    params.push(cumulative / total, value);
  }
  sql += ` ELSE CAST(? AS ${type}) END`;
  params.push(last[0]);
  return { sql, params };
}

/** `CASE key WHEN ? THEN <pick> … END`: a pick that depends on a key (a call's project). Pure. */
export function pickByKey(
  key: string,
  cases: readonly (readonly [SqlParam, CompiledSql])[],
  type: PickType,
): CompiledSql {
  if (cases.length === 0) return { sql: `CAST(NULL AS ${type})`, params: [] };
  const params: SqlParam[] = [];
  let sql = `CASE ${key}`;
  for (const [value, pick] of cases) {
    sql += ` WHEN ? THEN ${pick.sql}`;
    params.push(value, ...pick.params);
  }
  return { sql: `${sql} END`, params };
}

/**
 * A uniform draw in [0, 1) for row `row` and draw number `draw` (an integer literal of the seed's
 * code), from DuckDB's 64-bit `hash` of the two and the `seed` column: deterministic for a seed, the
 * same on every run, and independent between draws. 53 bits, as a double holds.
 */
export function uniformDraw(row: string, draw: number): string {
  return `(CAST(hash(${row}, ${Math.trunc(draw)}, seed) >> 11 AS DOUBLE) / 9007199254740992.0)`;
}

/** A standard normal from two uniform columns (Box–Muller; `1 - u` keeps the logarithm finite). */
export function normalFrom(u: string, v: string): string {
  return `(sqrt(-2 * ln(1 - ${u})) * cos(2 * pi() * ${v}))`;
}

/**
 * A list bound as one parameter: its JSON text, read in SQL as `CAST(CAST(? AS JSON) AS T[])`. The
 * driver would type a list by its first item (an integer-valued first double, a null first string).
 */
export function listParam(values: readonly (number | string | boolean | null)[]): string {
  return JSON.stringify(values);
}
