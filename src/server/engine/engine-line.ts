import type { DuckDBConnection } from '@duckdb/node-api';
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
  const placed = placedOnly ? ' AND v IS NOT NULL' : '';
  const sql =
    `SELECT * FROM (SELECT CAST(${scope.callIdColumn} AS DOUBLE) AS id, CAST(${scope.timeColumn} AS DOUBLE) AS t, ${valueExpr} AS v` +
    `${group ? `, ${group.expr} AS g` : ''} FROM ${scope.from} WHERE ${where.sql}) AS s WHERE true${placed} ORDER BY t, id`;
  const result = await connection.run(sql, [...valueParams, ...(group?.params ?? []), ...where.params]);
  const total = Number(result.rowCount);
  const times = new Float64Array(total);
  const values = new Float64Array(total);
  const groups = group ? new Array<unknown>(total) : null;
  const idChunks: ItemVector[] = [];
  const chunkStarts: number[] = [];
  let n = 0;
  for (let c = 0; c < result.chunkCount; c += 1) {
    const chunk = result.getChunk(c);
    idChunks.push(chunk.getColumnVector(0));
    chunkStarts.push(n);
    const timeVector = chunk.getColumnVector(1);
    const valueVector = chunk.getColumnVector(2);
    const groupVector = group ? chunk.getColumnVector(3) : null;
    const rows = chunk.rowCount;
    for (let i = 0; i < rows && n < total; i += 1, n += 1) {
      times[n] = numberAt(timeVector, i);
      values[n] = numberAt(valueVector, i);
      if (groupVector && groups) groups[n] = groupVector.getItem(i);
    }
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
  const count = series.times.length;
  const labels = group
    ? Array.from({ length: count }, (_, i) => labelOf(series.groups?.[i] ?? null, group.kind, agentNames))
    : null;
  let selected: number[];
  if (labels) {
    const byGroup = new Map<string, number[]>();
    labels.forEach((label, i) => {
      const list = byGroup.get(label);
      if (list) list.push(i);
      else byGroup.set(label, [i]);
    });
    selected = [...byGroup.values()]
      .flatMap((indexes) => downsample(series, indexes, maxPoints))
      .sort((a, b) => a - b);
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
    if (labels) point.group = labels[i] ?? '';
    return point;
  });
}
