import type { DuckDBConnection } from '@duckdb/node-api';
import type { LinePoint } from '../contract/widget-data-schema.ts';
import { formatInstant } from './engine-buckets.ts';
import type { Scope } from './engine-scope.ts';
import { labelOf, type GroupSource, type PlotSource } from './engine-sources.ts';
import { lttb } from './lttb.ts';

export interface LineRequest {
  scope: Scope;
  source: PlotSource;
  group: GroupSource | null;
  from: number;
  to: number;
  maxPoints: number | null;
  agentNames: ReadonlyMap<number, string>;
}

/** One ordered line query's rows as parallel arrays (values: NaN for null). */
interface Series {
  ids: Float64Array;
  times: Float64Array;
  values: Float64Array;
  groups: unknown[] | null;
}

function numberAt(vector: { getItem(index: number): unknown }, index: number): number {
  const item = vector.getItem(index);
  return typeof item === 'number' ? item : typeof item === 'bigint' ? Number(item) : Number.NaN;
}

/**
 * The rows of the window in (time, call id) order, read chunk by chunk straight into typed arrays:
 * a 30-day line reads hundreds of thousands of rows, and one JavaScript object per row would cost
 * more than the query.
 */
async function fetchSeries(connection: DuckDBConnection, request: LineRequest): Promise<Series> {
  const { scope, source, group } = request;
  // Lines plot numbers: booleans as 1/0, datetimes as epoch ms; text has no place on an axis.
  const valueExpr = source.kind === 'string' ? 'CAST(NULL AS DOUBLE)' : `CAST(${source.expr} AS DOUBLE)`;
  const valueParams = source.kind === 'string' ? [] : source.params;
  const where = scope.where(request.from, request.to);
  const sql =
    `SELECT CAST(${scope.callIdColumn} AS DOUBLE) AS id, CAST(${scope.timeColumn} AS DOUBLE) AS t, ${valueExpr} AS v` +
    `${group ? `, ${group.expr} AS g` : ''} FROM ${scope.from} WHERE ${where.sql} ORDER BY t, id`;
  const result = await connection.run(sql, [...valueParams, ...(group?.params ?? []), ...where.params]);
  const total = Number(result.rowCount);
  const series: Series = {
    ids: new Float64Array(total),
    times: new Float64Array(total),
    values: new Float64Array(total),
    groups: group ? new Array<unknown>(total) : null,
  };
  let n = 0;
  for (let c = 0; c < result.chunkCount; c += 1) {
    const chunk = result.getChunk(c);
    const ids = chunk.getColumnVector(0);
    const times = chunk.getColumnVector(1);
    const values = chunk.getColumnVector(2);
    const groups = group ? chunk.getColumnVector(3) : null;
    const rows = chunk.rowCount;
    for (let i = 0; i < rows && n < total; i += 1, n += 1) {
      series.ids[n] = numberAt(ids, i);
      series.times[n] = numberAt(times, i);
      series.values[n] = numberAt(values, i);
      if (groups && series.groups) series.groups[n] = groups.getItem(i);
    }
  }
  return series;
}

/** Indexes (into the series) kept by LTTB; null values cannot be placed, so they are dropped. */
function downsample(series: Series, indexes: ArrayLike<number>, maxPoints: number | null): number[] {
  if (maxPoints === null || indexes.length <= maxPoints) return Array.from(indexes);
  const { times, values } = series;
  let placedCount = 0;
  for (let k = 0; k < indexes.length; k += 1)
    if (!Number.isNaN(values[indexes[k] ?? 0] ?? Number.NaN)) placedCount += 1;
  // Typed arrays in one pass: a 7-day line reads 100k+ calls, and per-point closures cost more than LTTB.
  const placed = new Int32Array(placedCount);
  const xs = new Float64Array(placedCount);
  const ys = new Float64Array(placedCount);
  let j = 0;
  for (let k = 0; k < indexes.length; k += 1) {
    const index = indexes[k] ?? 0;
    const value = values[index] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    placed[j] = index;
    xs[j] = times[index] ?? 0;
    ys[j] = value;
    j += 1;
  }
  return lttb(xs, ys, maxPoints).map((i) => placed[i] ?? 0);
}

/** 0, 1, … n - 1 without a closure per element. */
function allIndexes(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i += 1) out[i] = i;
  return out;
}

/**
 * Line points `{id, timestamp, value}` ordered by (time, call id); with a field group_by, a `group`
 * label on each (D1) and, with `maxPoints`, LTTB per group. Without `maxPoints`: the full series.
 */
export async function computeLine(connection: DuckDBConnection, request: LineRequest): Promise<LinePoint[]> {
  const series = await fetchSeries(connection, request);
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
    selected = downsample(series, allIndexes(count), maxPoints);
  }
  return selected.map((i) => {
    const value = series.values[i] ?? Number.NaN;
    const point: LinePoint = {
      id: series.ids[i] ?? 0,
      timestamp: formatInstant(series.times[i] ?? 0),
      value: Number.isNaN(value) ? null : value,
    };
    if (labels) point.group = labels[i] ?? '';
    return point;
  });
}
