import type BetterSqlite3 from 'better-sqlite3';
import { plotSource } from './engine-sources.ts';
import type { ValueCountQuery } from './value-count-store.ts';

/**
 * How many calls of a project window have no value for an allowlisted field (NULL: the "(none)" of a
 * pie and of `isnull`), beside `countFieldValues`. Async so that it can move to the analytics engine
 * with the other call reads; parameterised like them (the expression comes from `plotSource`).
 */
export async function countMissingValues(
  sqlite: BetterSqlite3.Database,
  query: Omit<ValueCountQuery, 'limit'>,
): Promise<number> {
  if (query.projectIds.length === 0) return 0;
  const source = plotSource(query.field, null);
  const projects = query.projectIds.map(() => '?').join(', ');
  const sql = `SELECT COUNT(*) FROM calls c
    WHERE c.project_id IN (${projects}) AND c.ts_ms >= ? AND c.ts_ms <= ? AND ${source.expr} IS NULL`;
  const row = sqlite
    .prepare(sql)
    .pluck()
    .get(...query.projectIds, query.fromMs, query.toMs, ...source.params);
  return Promise.resolve(Number(row ?? 0));
}
