import type BetterSqlite3 from 'better-sqlite3';
import type { ValueCount } from '../contract/value-counts-schema.ts';
import { plotSource } from './engine-sources.ts';

export interface ValueCountQuery {
  projectIds: readonly number[];
  fromMs: number;
  toMs: number;
  /** An allowlisted field (`hasValueCounts`): its SQL expression comes from `plotSource`, never from input. */
  field: string;
  limit: number;
}

/**
 * The most frequent text values of a call field over a project window, with their counts: most
 * frequent first, ties by value; NULL, non-text and empty values left out. Parameterised: the
 * expression is one of `plotSource`'s fixed columns or `json_extract(c.metadata, ?)` with the key
 * bound. The leading `project_id IN (…) AND ts_ms …` uses the `calls_project_ts` index.
 */
export function countFieldValues(sqlite: BetterSqlite3.Database, query: ValueCountQuery): ValueCount[] {
  if (query.projectIds.length === 0) return [];
  const source = plotSource(query.field, null);
  const projects = query.projectIds.map(() => '?').join(', ');
  const sql = `SELECT v, COUNT(*) AS n FROM (
      SELECT ${source.expr} AS v FROM calls c
      WHERE c.project_id IN (${projects}) AND c.ts_ms >= ? AND c.ts_ms <= ?
    ) WHERE typeof(v) = 'text' AND v <> '' GROUP BY v ORDER BY n DESC, v LIMIT ?`;
  const rows = sqlite
    .prepare(sql)
    .raw()
    .all(...source.params, ...query.projectIds, query.fromMs, query.toMs, query.limit);
  return rows.flatMap((row) =>
    Array.isArray(row) && typeof row[0] === 'string' ? [{ value: row[0], count: Number(row[1]) }] : [],
  );
}
