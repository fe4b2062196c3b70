/** Parallel columns of a line's rows: time, call id and value (NaN for null). */
export interface LineColumns {
  times: Float64Array;
  ids: Float64Array;
  values: Float64Array;
}

/** Columns of `count` rows for the sort to write to; `slot` 0 or 1 (it needs two at most, distinct). */
export type ColumnsFor = (count: number, slot: 0 | 1) => LineColumns;

/** Zero-filled columns of `count` rows. */
export function newColumns(count: number): LineColumns {
  return { times: new Float64Array(count), ids: new Float64Array(count), values: new Float64Array(count) };
}

/**
 * The columns sorted by (time, id), ties in their incoming order: the same arrays when they already
 * are in that order, otherwise arrays from `columnsFor` (new ones by default; the engine lends
 * reused ones, see engine-line.ts). The given columns are never written to.
 *
 * A line's rows come out of one DuckDB aggregate: each of its threads lists the row groups it scanned,
 * in time order because calls are stored as they arrive, and the lists are joined end to end. The rows
 * are then a few ascending runs (one per thread), and merging the runs costs a pass or two over them
 * where a sort would make about twenty (log₂ of a month's 690,000 rows on 1M calls). Rows in no order
 * at all (older calls imported after newer ones) are merged run by run just the same: a natural merge
 * sort, right for every input, O(n log runs).
 * The columns are merged directly (no index permutation), with the comparison written out inline:
 * this runs over every row of a month of calls.
 */
export function sortByTimeAndId(columns: LineColumns, columnsFor: ColumnsFor = newColumns): LineColumns {
  const { times, ids } = columns;
  const count = times.length;
  // Where each ascending run starts, and where the last one ends.
  const bounds = [0];
  for (let i = 1; i < count; i += 1) {
    const t = times[i] ?? 0;
    const before = times[i - 1] ?? 0;
    if (t < before || (t === before && (ids[i] ?? 0) < (ids[i - 1] ?? 0))) bounds.push(i);
  }
  if (bounds.length === 1) return columns;
  bounds.push(count);

  let from = columns;
  let into = columnsFor(count, 0);
  let runs = bounds;
  while (runs.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const start = runs[r] ?? 0;
      const middle = runs[r + 1] ?? count;
      // A last run without a partner is copied as it is.
      const end = runs[r + 2] ?? middle;
      mergeRuns(from, into, start, middle, end);
      merged.push(end);
    }
    if (from === columns) {
      // The caller's arrays are not written to: the next pass writes to a second set.
      from = into;
      into = columnsFor(count, 1);
    } else {
      [from, into] = [into, from];
    }
    runs = merged;
  }
  return from;
}

/** Merges rows [start, middle) and [middle, end) of `from` into the same rows of `into`, left first on ties. */
function mergeRuns(from: LineColumns, into: LineColumns, start: number, middle: number, end: number): void {
  // Locals, not property reads, in the loop that runs once per row.
  const { times, ids, values } = from;
  const outTimes = into.times;
  const outIds = into.ids;
  const outValues = into.values;
  let left = start;
  let right = middle;
  let at = start;
  while (left < middle && right < end) {
    const tl = times[left] ?? 0;
    const tr = times[right] ?? 0;
    let source = left;
    if (tr < tl || (tr === tl && (ids[right] ?? 0) < (ids[left] ?? 0))) {
      source = right;
      right += 1;
    } else {
      left += 1;
    }
    outTimes[at] = times[source] ?? 0;
    outIds[at] = ids[source] ?? 0;
    outValues[at] = values[source] ?? Number.NaN;
    at += 1;
  }
  for (const key of ['times', 'ids', 'values'] as const) {
    into[key].set(from[key].subarray(left, middle), at);
    into[key].set(from[key].subarray(right, end), at + (middle - left));
  }
}
