import type { DuckDBConnection } from '@duckdb/node-api';
import { METADATA_KEY_PATTERN } from '../../contract/field-catalogue.ts';
import { METADATA_SLOT_COUNT } from './analytics-schema.ts';

/**
 * Where calls wait to move into `calls`: the file's own table (appended rows), or a temporary one held
 * in memory (calls generated in bulk by SQL, which need not be written to the file twice).
 */
export type StagingTable = 'calls_staging' | 'temp.bulk_calls';

/** A promoted metadata key → its column (`md_<slot>`), as readers compile it. */
export type MetadataColumns = ReadonlyMap<string, string>;

/** The column of a slot: built from an integer, never from data, so it is safe to put into SQL. */
function slotColumn(slot: number): string {
  return `md_${Math.trunc(slot)}`;
}

/** The promoted keys of the analytics file (inside a write: with the ones that write promoted). */
export async function loadMetadataColumns(connection: DuckDBConnection): Promise<Map<string, string>> {
  const reader = await connection.runAndReadAll('SELECT slot, key FROM metadata_slots ORDER BY slot');
  const columns = new Map<string, string>();
  for (const [slot, key] of reader.getRowsJS())
    if (typeof key === 'string') columns.set(key, slotColumn(Number(slot)));
  return columns;
}

/**
 * Promotes the most used top-level keys of the metadata in `table` while slots are free: each new key
 * gets a slot, and the calls already stored get its column filled. Returns every promoted key.
 */
async function promoteKeys(
  connection: DuckDBConnection,
  table: 'calls' | StagingTable,
): Promise<Map<string, string>> {
  const columns = await loadMetadataColumns(connection);
  if (columns.size >= METADATA_SLOT_COUNT) return columns;
  const reader = await connection.runAndReadAll(
    `SELECT key, count(*) AS uses FROM (
       SELECT unnest(CASE WHEN json_valid(metadata) THEN json_keys(metadata) END) AS key
       FROM ${table} WHERE metadata IS NOT NULL
     ) GROUP BY key ORDER BY uses DESC, key LIMIT 256`,
  );
  const used = new Set([...columns.values()]);
  for (const [key] of reader.getRowsJS()) {
    if (columns.size >= METADATA_SLOT_COUNT) break;
    if (typeof key !== 'string' || columns.has(key) || !METADATA_KEY_PATTERN.test(key)) continue;
    let slot = 0;
    while (used.has(slotColumn(slot))) slot += 1;
    const column = slotColumn(slot);
    used.add(column);
    columns.set(key, column);
    await connection.run('INSERT INTO metadata_slots VALUES (?, ?)', [slot, key]);
    // Rare (a key seen for the first time): the calls stored before get the new column too.
    await connection.run(
      `UPDATE calls SET ${column} = json_extract_string(metadata, ?) WHERE metadata IS NOT NULL`,
      [`$.${key}`],
    );
  }
  return columns;
}

/**
 * Inside a write: moves the calls appended to `calls_staging` into `calls`, computing the promoted
 * metadata columns on the way with DuckDB's own `json_extract_string(metadata, '$.key')`, so a column
 * holds exactly what the JSON path would return (numbers as DuckDB prints them, objects as JSON text,
 * JSON null as NULL). Keys seen for the first time are promoted while slots are free.
 */
export async function moveStagedCalls(
  connection: DuckDBConnection,
  staging: StagingTable = 'calls_staging',
): Promise<void> {
  const columns = await promoteKeys(connection, staging);
  const bySlot = new Map([...columns.entries()].map(([key, column]) => [column, key]));
  const params: string[] = [];
  const values = Array.from({ length: METADATA_SLOT_COUNT }, (_, slot) => {
    const key = bySlot.get(slotColumn(slot));
    if (key === undefined) return 'CAST(NULL AS VARCHAR)';
    params.push(`$.${key}`);
    return 'json_extract_string(s.metadata, ?)';
  });
  await connection.run(`INSERT INTO calls SELECT s.*, ${values.join(', ')} FROM ${staging} s`, params);
  await connection.run(`DELETE FROM ${staging}`);
}

/** Promotes the keys of calls stored before promoted columns existed (a file of schema 1). */
export async function promoteStoredKeys(connection: DuckDBConnection): Promise<void> {
  await promoteKeys(connection, 'calls');
}
