import type { DuckDBConnection } from '@duckdb/node-api';
import { METADATA_KEY_PATTERN } from '../../contract/field-catalogue.ts';
import { METADATA_SLOT_COUNT } from './analytics-schema.ts';

/** A promoted metadata key → its column (`md_<slot>`), as readers compile it. */
export type MetadataColumns = ReadonlyMap<string, string>;

/** The column of a slot: built from an integer, never from data, so it is safe to put into SQL. */
function slotColumn(slot: number): string {
  return `md_${Math.trunc(slot)}`;
}

/** The promoted keys of the analytics file. */
export async function loadMetadataColumns(connection: DuckDBConnection): Promise<Map<string, string>> {
  const reader = await connection.runAndReadAll('SELECT slot, key FROM metadata_slots ORDER BY slot');
  const columns = new Map<string, string>();
  for (const [slot, key] of reader.getRowsJS())
    if (typeof key === 'string') columns.set(key, slotColumn(Number(slot)));
  return columns;
}

// Rows appended since the last fill: the appenders leave `md_filled` NULL.
const UNFILLED = 'md_filled IS NULL';

/**
 * Inside a write, after calls were appended: promotes the most used top-level keys of their metadata
 * while slots are free (filling the new column for every stored call), then fills every promoted
 * column of the new calls and marks them filled. The value is DuckDB's own
 * `json_extract_string(metadata, '$.key')`, so a promoted column answers exactly what the JSON path
 * would. Returns the columns to use once the write has committed (readers must not compile against a
 * column before its values are committed).
 */
export async function fillMetadataColumns(
  connection: DuckDBConnection,
  current: MetadataColumns,
): Promise<Map<string, string>> {
  const columns = new Map(current);
  if (columns.size < METADATA_SLOT_COUNT) {
    const reader = await connection.runAndReadAll(
      `SELECT key, count(*) AS uses FROM (
         SELECT unnest(CASE WHEN json_valid(metadata) THEN json_keys(metadata) END) AS key
         FROM calls WHERE ${UNFILLED} AND metadata IS NOT NULL
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
      // Calls filled before this write get the new column too.
      await connection.run(
        `UPDATE calls SET ${column} = json_extract_string(metadata, ?) WHERE md_filled AND metadata IS NOT NULL`,
        [`$.${key}`],
      );
    }
  }
  const entries = [...columns.entries()];
  const assignments = entries.map(([, column]) => `${column} = json_extract_string(metadata, ?), `).join('');
  await connection.run(
    `UPDATE calls SET ${assignments}md_filled = true WHERE ${UNFILLED}`,
    entries.map(([key]) => `$.${key}`),
  );
  return columns;
}
