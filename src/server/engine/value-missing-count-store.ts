import { queryRows, type QueryLimits } from '../analytics/analytics-database.ts';
import type { EngineStores } from './chart-data.ts';
import { plotSource } from './engine-sources.ts';
import type { ValueCountQuery } from './value-count-store.ts';

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
