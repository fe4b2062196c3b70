import type { DuckDBConnection } from '@duckdb/node-api';
import { copyDoubles } from '../analytics/copy-doubles.ts';
import type { SqlParam } from '../analytics/analytics-database.ts';
import type { LinePoint } from '../../contract/widget-data-schema.ts';
import { formatInstant } from './engine-buckets.ts';
import type { Scope } from './engine-scope.ts';
import { labelOf, type GroupSource, type PlotSource } from './engine-sources.ts';
import { downsampleLttb } from '../../contract/downsample-lttb.ts';

export interface LineRequest {
  scope: Scope;
  source: PlotSource;
  group: GroupSource | null;
  from: number;
  to: number;
  maxPoints: number | null;
  agentNames: ReadonlyMap<number, string>;
}

/**
 * One ordered line query's rows as parallel arrays (values: NaN for null). Ids stay in DuckDB's
 * vectors and are read only for the points kept: a downsampled 30-day line keeps 1,000 of 690,000.
 */
interface Series {
  times: Float64Array;
  values: Float64Array;
  groups: unknown[] | null;
  idAt: (index: number) => number;
}

interface ItemVector {
  getItem(index: number): unknown;
}

function numberAt(vector: ItemVector, index: number): number {
  const item = vector.getItem(index);
  return typeof item === 'number' ? item : typeof item === 'bigint' ? Number(item) : Number.NaN;
}

/**
 * The rows of the window in (time, call id) order, read chunk by chunk straight into typed arrays:
 * a 30-day line reads hundreds of thousands of rows, and one JavaScript object per row would cost
 * more than the query. `placedOnly` leaves out rows without a value (downsampling drops them anyway).
 * Calls are stored as they arrive, mostly in time order, and DuckDB keeps that order in a scan
 * without ORDER BY: such a read is checked in one pass and used, which spares sorting the window;
 * a read out of order (older calls imported later, a join) is read again sorted.
 */
async function fetchSeries(
  connection: DuckDBConnection,
  request: LineRequest,
  placedOnly: boolean,
): Promise<Series> {
  const { scope, source, group } = request;
  // Lines plot numbers: booleans as 1/0, datetimes as epoch ms; text has no place on an axis.
  const valueExpr = source.kind === 'string' ? 'CAST(NULL AS DOUBLE)' : `CAST(${source.expr} AS DOUBLE)`;
  const valueParams = source.kind === 'string' ? [] : source.params;
  const where = scope.where(request.from, request.to);
  const placed = placedOnly ? ' AND s.v IS NOT NULL' : '';
  // NULL values arrive as NaN (what the series holds for them), so every column is free of NULLs
  // and is copied whole (copyDoubles).
  const sql =
    `SELECT s.id, s.t, COALESCE(s.v, CAST('NaN' AS DOUBLE)) AS v${group ? ', s.g' : ''} FROM (SELECT CAST(${scope.callIdColumn} AS DOUBLE) AS id, CAST(${scope.timeColumn} AS DOUBLE) AS t, ${valueExpr} AS v` +
    `${group ? `, ${group.expr} AS g` : ''} FROM ${scope.from} WHERE ${where.sql}) AS s WHERE true${placed}`;
  const params = [...valueParams, ...(group?.params ?? []), ...where.params];
  const stored = await readSeries(connection, sql, params, group !== null);
  if (inLineOrder(stored)) return stored;
  return readSeries(connection, `${sql} ORDER BY s.t, s.id`, params, group !== null);
}

/** Oldest first, by call id within a millisecond: the order a line is drawn and downsampled in. */
function inLineOrder(series: Series): boolean {
  const { times } = series;
  for (let i = 1; i < times.length; i += 1) {
    const before = times[i - 1] ?? 0;
    const at = times[i] ?? 0;
    if (before > at || (before === at && series.idAt(i - 1) > series.idAt(i))) return false;
  }
  return true;
}

async function readSeries(
  connection: DuckDBConnection,
  sql: string,
  params: SqlParam[],
  grouped: boolean,
): Promise<Series> {
  const result = await connection.run(sql, params);
  const total = Number(result.rowCount);
  const times = new Float64Array(total);
  const values = new Float64Array(total);
  const groups = grouped ? new Array<unknown>(total) : null;
  const idChunks: ItemVector[] = [];
  const chunkStarts: number[] = [];
  let n = 0;
  for (let c = 0; c < result.chunkCount && n < total; c += 1) {
    const chunk = result.getChunk(c);
    const rows = Math.min(chunk.rowCount, total - n);
    idChunks.push(chunk.getColumnVector(0));
    chunkStarts.push(n);
    copyDoubles(chunk.getColumnVector(1), times, n, rows, true);
    copyDoubles(chunk.getColumnVector(2), values, n, rows, true);
    if (groups) {
      const groupVector = chunk.getColumnVector(3);
      for (let i = 0; i < rows; i += 1) groups[n + i] = groupVector.getItem(i);
    }
    n += rows;
  }
  const idAt = (index: number): number => {
    // The last chunk starting at or before `index` (chunks are in row order).
    let low = 0;
    let high = chunkStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((chunkStarts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    const vector = idChunks[low];
    return vector ? numberAt(vector, index - (chunkStarts[low] ?? 0)) : 0;
  };
  return { times, values, groups, idAt };
}

/** Indexes (into the series) kept by LTTB; null values cannot be placed, so they are dropped. */
function downsample(series: Series, indexes: ArrayLike<number> | null, maxPoints: number | null): number[] {
  const { times, values } = series;
  const count = indexes ? indexes.length : times.length;
  if (maxPoints === null || count <= maxPoints)
    return indexes ? Array.from(indexes) : Array.from({ length: count }, (_, i) => i);
  const at = (k: number) => (indexes ? (indexes[k] ?? 0) : k);
  let placedCount = 0;
  for (let k = 0; k < count; k += 1) if (!Number.isNaN(values[at(k)] ?? Number.NaN)) placedCount += 1;
  if (!indexes && placedCount === count) return Array.from(downsampleLttb(times, values, maxPoints));
  // Typed arrays in one pass: a 7-day line reads 100k+ calls, and per-point closures cost more than LTTB.
  const placed = new Int32Array(placedCount);
  const xs = new Float64Array(placedCount);
  const ys = new Float64Array(placedCount);
  let j = 0;
  for (let k = 0; k < count; k += 1) {
    const index = at(k);
    const value = values[index] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    placed[j] = index;
    xs[j] = times[index] ?? 0;
    ys[j] = value;
    j += 1;
  }
  return Array.from(downsampleLttb(xs, ys, maxPoints), (i) => placed[i] ?? 0);
}

/**
 * The series a line draws. With `maxPoints`, only placed rows are read (downsampling drops the
 * rest); when that leaves no more than `maxPoints` rows nothing is downsampled, and the full series
 * with its null points is read instead.
 */
async function seriesFor(connection: DuckDBConnection, request: LineRequest): Promise<Series> {
  // A group with few points keeps its null points too, so grouped lines read every row.
  if (request.maxPoints === null || request.group) return fetchSeries(connection, request, false);
  const placed = await fetchSeries(connection, request, true);
  return placed.times.length > request.maxPoints ? placed : fetchSeries(connection, request, false);
}

/**
 * Line points `{id, timestamp, value}` ordered by (time, call id); with a field group_by, a `group`
 * label on each (D1) and, with `maxPoints`, LTTB per group. Without `maxPoints`: the full series.
 */
export async function computeLine(connection: DuckDBConnection, request: LineRequest): Promise<LinePoint[]> {
  const series = await seriesFor(connection, request);
  const { group, agentNames, maxPoints } = request;
  const byLabel = group
    ? rowsByLabel(series.groups ?? [], (value) => labelOf(value, group.kind, agentNames))
    : null;
  let selected: number[];
  const labelAt = new Map<number, string>();
  if (byLabel) {
    selected = [];
    for (const [label, indexes] of byLabel) {
      for (const index of downsample(series, indexes, maxPoints)) {
        selected.push(index);
        labelAt.set(index, label);
      }
    }
    selected.sort((a, b) => a - b);
  } else {
    selected = downsample(series, null, maxPoints);
  }
  return selected.map((i) => {
    const value = series.values[i] ?? Number.NaN;
    const point: LinePoint = {
      id: series.idAt(i),
      timestamp: formatInstant(series.times[i] ?? 0),
      value: Number.isNaN(value) ? null : value,
    };
    if (byLabel) point.group = labelAt.get(i) ?? '';
    return point;
  });
}

/**
 * The row indexes of each group label, ascending. Rows are first grouped by their stored value and
 * each distinct value is labelled once (a week grouped by agent is 100k+ rows and a handful of
 * values); values that share a label (two agents of one name) make one group.
 */
export function rowsByLabel(
  groups: readonly unknown[],
  label: (value: unknown) => string,
): Map<string, number[]> {
  const byValue = new Map<unknown, number[]>();
  groups.forEach((value, index) => {
    const key = value ?? null;
    const list = byValue.get(key);
    if (list) list.push(index);
    else byValue.set(key, [index]);
  });
  const byLabel = new Map<string, number[]>();
  for (const [value, indexes] of byValue) {
    const name = label(value);
    const list = byLabel.get(name);
    byLabel.set(name, list ? list.concat(indexes).sort((a, b) => a - b) : indexes);
  }
  return byLabel;
}
