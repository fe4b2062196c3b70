import type BetterSqlite3 from 'better-sqlite3';
import * as z from 'zod';
import type { AnalyticsDatabase } from './analytics-database.ts';
import { StoredCallSchema, StoredEvaluationSchema } from './analytics-schema.ts';
import { openRowAppender } from './row-appender.ts';

/**
 * Calls and evaluations lived in SQLite before the analytics store (docs/decisions/0014). A database
 * file from then still has them: they are moved into the analytics store once (one analytics write,
 * then the SQLite tables are dropped), never reseeded. A database without any (every new one: the
 * first SQLite migration still creates the tables) just loses the empty tables.
 */
const LEGACY_TABLES = ['metric_evaluations', 'calls'] as const;

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  );
}

function legacyRowCount(sqlite: BetterSqlite3.Database): number {
  if (!hasTable(sqlite, 'calls')) return 0;
  return Number(sqlite.prepare('SELECT COUNT(*) FROM calls').pluck().get() ?? 0);
}

function dropLegacyTables(sqlite: BetterSqlite3.Database): void {
  sqlite.transaction(() => {
    for (const table of LEGACY_TABLES) sqlite.exec(`DROP TABLE IF EXISTS ${table}`);
  })();
}

/** Drops the legacy tables when they hold nothing (synchronous; run at every open). */
export function dropEmptyLegacyTables(sqlite: BetterSqlite3.Database): void {
  if (hasTable(sqlite, 'calls') && legacyRowCount(sqlite) === 0) dropLegacyTables(sqlite);
}

function flag(value: number | null): 0 | 1 | null {
  return value === null ? null : value === 0 ? 0 : 1;
}

/** A row of the old SQLite `calls` table: the stored call, with plain integer flags and `created_at` text. */
const LegacyCallSchema = StoredCallSchema.omit({ success: true, is_reviewed: true, created_ms: true }).extend(
  {
    success: z.number().nullable().transform(flag),
    is_reviewed: z.number().transform((value) => (value === 0 ? 0 : 1)),
    created_at: z.string(),
  },
);

/**
 * Moves the legacy SQLite calls and evaluations into the analytics store, when there are any and the
 * analytics store has no calls yet; returns how many calls moved. The analytics write is one
 * transaction; the SQLite tables are dropped only after it committed, so a crash in between moves
 * them again on the next start (the analytics side is then found empty: the write never committed).
 */
export async function moveLegacyCalls(
  sqlite: BetterSqlite3.Database,
  analytics: AnalyticsDatabase,
): Promise<number> {
  const count = legacyRowCount(sqlite);
  if (count === 0) {
    if (hasTable(sqlite, 'calls')) dropLegacyTables(sqlite);
    return 0;
  }
  await analytics.write(async (connection) => {
    const existing = await connection.runAndReadAll('SELECT count(*) FROM calls');
    if (Number(existing.getRowsJS()[0]?.[0] ?? 0) > 0) {
      throw new Error(
        'the SQLite file still holds calls from before the analytics store, and the analytics file already has calls; move one of them away',
      );
    }
    const appender = await openRowAppender(connection);
    for (const raw of sqlite.prepare('SELECT * FROM calls ORDER BY ts_ms, id').iterate()) {
      const { created_at, ...row } = LegacyCallSchema.parse(raw);
      const createdMs = Date.parse(created_at);
      appender.call({ ...row, created_ms: Number.isFinite(createdMs) ? createdMs : row.ts_ms });
    }
    for (const row of sqlite
      .prepare(
        'SELECT call_id, metric_id, value_num, value_text, ts_ms FROM metric_evaluations ORDER BY ts_ms, id',
      )
      .iterate()) {
      appender.evaluation(StoredEvaluationSchema.parse(row));
    }
    await appender.close();
  });
  dropLegacyTables(sqlite);
  return count;
}
