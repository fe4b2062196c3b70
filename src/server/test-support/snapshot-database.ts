import type { OpenDatabase } from '../db/open-database.ts';

/** Every row of the writable tables, as JSON text: equal snapshots mean nothing was written. */
export function snapshotDatabase(database: OpenDatabase): string {
  const tables = ['dashboards', 'widgets', 'api_keys', 'metrics'];
  return JSON.stringify(
    Object.fromEntries(
      tables.map((table) => [table, database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]),
    ),
  );
}
