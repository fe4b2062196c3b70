import { queryRows, type AnalyticsDatabase } from '../analytics/analytics-database.ts';
import type { StoredCall } from '../analytics/analytics-schema.ts';
import { nextCallId, openRowAppender } from '../analytics/row-appender.ts';
import type { OpenDatabase } from '../db/open-database.ts';

/** Writes one call (defaults for every column not given) as its own analytics write; returns its id. */
export async function insertTestCall(
  analytics: AnalyticsDatabase,
  call: Partial<StoredCall> & Pick<StoredCall, 'project_id' | 'ts_ms'>,
): Promise<number> {
  return analytics.write(async (connection) => {
    const id = call.id ?? (await nextCallId(connection));
    const appender = await openRowAppender(connection);
    appender.call({
      agent_id: null,
      duration: null,
      success: null,
      is_reviewed: 0,
      call_ended_reason: null,
      dropoff_point: null,
      topic: null,
      customer_number: null,
      call_id: null,
      metadata: null,
      created_ms: call.ts_ms,
      ...call,
      id,
    });
    await appender.close();
    return id;
  });
}

/** The number of rows of an analytics table (after the writes queued before). */
export async function countAnalyticsRows(
  database: OpenDatabase,
  table: 'calls' | 'metric_evaluations',
): Promise<number> {
  const rows = await database.analytics.read(null, (connection) =>
    queryRows(connection, `SELECT count(*) FROM ${table}`),
  );
  return Number(rows[0]?.[0] ?? 0);
}

/** Rows of an analytics query as objects of plain values (counts as numbers). */
export async function queryAnalytics(
  database: Pick<OpenDatabase, 'analytics'>,
  sql: string,
  params: readonly (string | number | null)[] = [],
): Promise<Record<string, unknown>[]> {
  return database.analytics.read(null, async (connection) => {
    const reader = await connection.runAndReadAll(sql, [...params]);
    return reader
      .getRowObjectsJS()
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]),
        ),
      );
  });
}
