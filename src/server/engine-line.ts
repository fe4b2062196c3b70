import type BetterSqlite3 from 'better-sqlite3';
import type { LinePoint } from '../contract/widget-data-schema.ts';
import { formatInstant } from './engine-buckets.ts';
import type { Scope } from './engine-scope.ts';
import { mergeSeriesParts, type Series, type SeriesPart } from './engine-series-order.ts';
import { labelOf, type GroupSource, type PlotSource } from './engine-sources.ts';
import { cachedStatement } from './engine-statement-cache.ts';
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

/** A JSON array of numbers from SQLite's json_group_array text; non-numbers (null) become NaN. */
function numbersOf(text: unknown): Float64Array {
  const parsed: unknown = typeof text === 'string' ? JSON.parse(text) : [];
  if (!Array.isArray(parsed)) return new Float64Array(0);
  const out = new Float64Array(parsed.length);
  for (let i = 0; i < parsed.length; i += 1) {
    const item: unknown = parsed[i];
    out[i] = typeof item === 'number' ? item : Number.NaN;
  }
  return out;
}

/**
 * One query per partition (project or metric): each is a single index range read in time order,
 * aggregated by SQLite into JSON arrays, which costs far less than one JS row object per point.
 */
function fetchParts(sqlite: BetterSqlite3.Database, request: LineRequest): SeriesPart[] {
  const { scope, source, group } = request;
  const idExpr = scope.timeColumn === 'me.ts_ms' ? 'me.call_id' : 'c.id';
  // Lines plot numbers: booleans as 1/0, datetimes as epoch ms; text has no place on an axis.
  const valueExpr = source.kind === 'string' ? 'NULL' : source.expr;
  const valueParams = source.kind === 'string' ? [] : source.params;
  const groupColumn = group ? `, ${group.expr} AS g` : '';
  const groupArray = group ? ', json_group_array(g)' : '';
  return scope.partitions.map((partition) => {
    const where = scope.where(request.from, request.to, partition);
    const sql =
      `SELECT json_group_array(id), json_group_array(t), json_group_array(v)${groupArray} FROM (` +
      `SELECT ${idExpr} AS id, ${scope.timeColumn} AS t, ${valueExpr} AS v${groupColumn} ` +
      `FROM ${scope.from} WHERE ${where.sql} ORDER BY ${scope.timeColumn})`;
    const row: unknown = cachedStatement(sqlite, sql, 'raw').get(
      ...valueParams,
      ...(group?.params ?? []),
      ...where.params,
    );
    const cells: unknown[] = Array.isArray(row) ? row : [];
    const groups: unknown = group && typeof cells[3] === 'string' ? JSON.parse(cells[3]) : null;
    return {
      ids: numbersOf(cells[0]),
      times: numbersOf(cells[1]),
      values: numbersOf(cells[2]),
      groups: Array.isArray(groups) ? groups : null,
    };
  });
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
export function computeLine(sqlite: BetterSqlite3.Database, request: LineRequest): LinePoint[] {
  const series = mergeSeriesParts(fetchParts(sqlite, request));
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
