import {
  DuckDBStructVector,
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBVector,
} from '@duckdb/node-api';
import type { SqlParam } from '../analytics/analytics-database.ts';
import { viewDoubles } from '../analytics/copy-doubles.ts';
import type { LineColumns } from './sort-by-time-and-id.ts';

/**
 * The id, time and value columns of rows listed as `list({'id': …, 't': …, 'v': …})` of DOUBLEs with
 * no NULL (the list vector's struct child), as views into the chunk's data: a line's rows, an alert
 * backtest's evaluations. Read whole, where 2,048-row chunks of a materialised result each cost a round
 * of native calls.
 */
export function listedColumns(rows: DuckDBVector): LineColumns {
  if (!(rows instanceof DuckDBStructVector)) throw new Error('A query listed something other than rows.');
  const count = rows.itemCount;
  return {
    ids: viewDoubles(rows.entryVectorAt(0), count),
    times: viewDoubles(rows.entryVectorAt(1), count),
    values: viewDoubles(rows.entryVectorAt(2), count),
  };
}

/**
 * Every chunk of a query that lists rows, streamed: the chunk DuckDB produced is handed over as it is,
 * where a materialised result would copy the listed rows twice more (into the result, then out of it
 * into a chunk).
 */
export async function listedChunks(
  connection: DuckDBConnection,
  sql: string,
  params: SqlParam[],
): Promise<DuckDBDataChunk[]> {
  const result = await connection.stream(sql, params);
  const chunks: DuckDBDataChunk[] = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk())
    chunks.push(chunk);
  return chunks;
}
