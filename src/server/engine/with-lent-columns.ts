import { oneAtATime, type Pause } from './one-at-a-time.ts';
import { newColumns, type ColumnsFor, type LineColumns } from './sort-by-time-and-id.ts';

/**
 * Sorting a month of rows (a line's calls, a backtest's evaluations) needs two sets of columns as long
 * as the window: lent from here and reused from one read to the next instead of allocated each time.
 * A new 16 MB array is fresh memory (the pages fault in as it is written) and adds external-memory
 * pressure on the garbage collector: on 1M calls, sorting one 30-day line took 9 ms in reused columns
 * and 16–52 ms in new ones. Windows of more than SCRATCH_MAX_ROWS rows get arrays of their own rather
 * than keep that much memory (at most 2 × 3 × 8 B × 1.5M = 72 MB is kept).
 */
const SCRATCH_MAX_ROWS = 1_500_000;
const scratch: [LineColumns | null, LineColumns | null] = [null, null];

function lentColumns(count: number, slot: 0 | 1): LineColumns {
  if (count > SCRATCH_MAX_ROWS) return newColumns(count);
  let held = scratch[slot];
  if (!held || held.times.length < count) {
    held = newColumns(count);
    scratch[slot] = held;
  }
  return {
    times: held.times.subarray(0, count),
    ids: held.ids.subarray(0, count),
    values: held.values.subarray(0, count),
  };
}

const takeTurn = oneAtATime();

/**
 * Runs `work` with the lent columns when its turn comes: one work at a time holds them, for its whole
 * turn, and nothing it returns may refer to them (copy out what is kept). The work may `pause` between
 * its steps (tens of ms each on a month of rows), so that other requests are served in between.
 */
export function withLentColumns<T>(work: (lent: ColumnsFor, pause: Pause) => Promise<T>): Promise<T> {
  return takeTurn((pause) => work(lentColumns, pause));
}
