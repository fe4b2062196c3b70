import type { DuckDBVector } from '@duckdb/node-api';

/**
 * Copies the first `rows` values of a DOUBLE result column into `target` at `offset`, NULL as NaN.
 * A query that reads hundreds of thousands of rows (a 30-day line, a month of a metric's
 * evaluations) spends more on one `getItem` call per value than on the query itself, so a column
 * the query guarantees free of NULLs (`COALESCE(x, 'NaN')`, or a NOT NULL column) is copied whole
 * from the vector's Float64Array. That array is not in the driver's typings: it is looked up and
 * checked, and any other shape (another type, another driver version) takes the per-item path,
 * which is always right. `noNulls` is the caller's promise; without it the per-item path is taken.
 */
export function copyDoubles(
  vector: DuckDBVector,
  target: Float64Array,
  offset: number,
  rows: number,
  noNulls: boolean,
): void {
  const items = noNulls ? doublesOf(vector, rows) : null;
  if (items) {
    target.set(items, offset);
    return;
  }
  for (let i = 0; i < rows; i += 1) {
    const item = vector.getItem(i);
    target[offset + i] =
      typeof item === 'number' ? item : typeof item === 'bigint' ? Number(item) : Number.NaN;
  }
}

/**
 * The first `rows` values of a DOUBLE result column free of NULLs, as a view into the result chunk's
 * own memory where the driver exposes its Float64Array (see copyDoubles), a copy otherwise. A view is
 * valid only while its chunk object is in use: copy what is kept before the chunk is let go.
 */
export function viewDoubles(vector: DuckDBVector, rows: number): Float64Array {
  const items = doublesOf(vector, rows);
  if (items) return items;
  const copy = new Float64Array(rows);
  copyDoubles(vector, copy, 0, rows, false);
  return copy;
}

/** The vector's first `rows` values in its own Float64Array (not in the driver's typings), if it has one. */
function doublesOf(vector: DuckDBVector, rows: number): Float64Array | null {
  const items: unknown = Reflect.get(vector, 'items');
  return items instanceof Float64Array && items.length >= rows ? items.subarray(0, rows) : null;
}
