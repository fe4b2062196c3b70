import { DuckDBStructVector, type DuckDBVector } from '@duckdb/node-api';
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
