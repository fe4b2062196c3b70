import type { ValueCount } from '../../contract/value-counts-schema.ts';
import { queryRows, type QueryLimits } from '../analytics/analytics-database.ts';
import type { EngineStores } from './chart-data.ts';
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
 * frequent first, ties by value; NULL and empty values left out. Parameterised: the expression is one
 * of `plotSource`'s fixed columns or `json_extract_string(c.metadata, ?)` with the key bound (or a
 * promoted metadata column). A yes/no column (stored 0/1) counts as "true"/"false", the labels a pie
 * of it has and a variable filters by.
 */
export async function countFieldValues(
  stores: EngineStores,
  query: ValueCountQuery,
  limits: QueryLimits | null,
): Promise<ValueCount[]> {
  if (query.projectIds.length === 0) return [];
  const source = plotSource(query.field, null, stores.analytics.metadataColumns());
  const expr = valueExpression(source);
  if (expr === null) return [];
  const projects = query.projectIds.map(() => '?').join(', ');
  const sql = `SELECT v, count(*) AS n FROM (
      SELECT ${expr} AS v FROM calls c
      WHERE c.project_id IN (${projects}) AND c.ts_ms >= CAST(? AS BIGINT) AND c.ts_ms <= CAST(? AS BIGINT)
    ) WHERE v IS NOT NULL AND v <> '' GROUP BY v ORDER BY n DESC, v LIMIT ?`;
  const rows = await stores.analytics.read(limits, (connection) =>
    queryRows(connection, sql, [
      ...source.params,
      ...query.projectIds,
      query.fromMs,
      query.toMs,
      query.limit,
    ]),
  );
  return rows.flatMap((row) =>
    typeof row[0] === 'string' ? [{ value: row[0], count: Number(row[1]) }] : [],
  );
}

/** The text a value is counted as: the column itself, a 0/1 column as "false"/"true", else none. */
function valueExpression(source: ReturnType<typeof plotSource>): string | null {
  if (source.kind === 'string') return source.expr;
  if (source.kind === 'boolean') return `CASE ${source.expr} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END`;
  return null;
}

/**
 * How many calls of a project window have no value for an allowlisted field (NULL: the "(none)" of a
 * pie and of `isnull`), beside `countFieldValues`; parameterised like it (the expression comes from
 * `plotSource`).
 */
export async function countMissingValues(
  stores: EngineStores,
  query: Omit<ValueCountQuery, 'limit'>,
  limits: QueryLimits | null,
): Promise<number> {
  if (query.projectIds.length === 0) return 0;
  const source = plotSource(query.field, null, stores.analytics.metadataColumns());
  const projects = query.projectIds.map(() => '?').join(', ');
  const sql = `SELECT count(*) FROM calls c
    WHERE c.project_id IN (${projects}) AND c.ts_ms >= CAST(? AS BIGINT) AND c.ts_ms <= CAST(? AS BIGINT)
    AND ${source.expr} IS NULL`;
  const rows = await stores.analytics.read(limits, (connection) =>
    queryRows(connection, sql, [...query.projectIds, query.fromMs, query.toMs, ...source.params]),
  );
  return Number(rows[0]?.[0] ?? 0);
}
