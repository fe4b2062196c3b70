import { DuckDBListVector, type DuckDBConnection } from '@duckdb/node-api';
import { listedChunks, listedColumns } from './listed-columns.ts';
import { withLentColumns } from './with-lent-columns.ts';
import type { LinePoint } from '../../contract/widget-data-schema.ts';
import { formatInstant } from './engine-buckets.ts';
import type { Scope } from './engine-scope.ts';
import { labelOf, type GroupSource, type PlotSource } from './engine-sources.ts';
import { newColumns, sortByTimeAndId, type LineColumns } from './sort-by-time-and-id.ts';
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

/** A line's kept points (downsampled or whole): one series, or with a field group_by one per label. */
interface LabelledSeries {
  label: string | null;
  series: LineColumns;
}

interface LineRead {
  series: LabelledSeries[];
  /** The rows read, before downsampling. */
  rows: number;
}

/**
 * The window's rows, a series per group label, sorted and downsampled. A 30-day line reads hundreds of
 * thousands of rows: read as result chunks of 2,048 rows, fetching them cost the event loop more than
 * DuckDB spent on the query (3× more on a week of calls), so the query lists each group's rows in one
 * value (`list` of a struct), whose columns are read whole from DuckDB's vectors. The groups come from
 * DuckDB's own GROUP BY, so no row is looked at one by one. A list holds its rows in the order the
 * scan's threads read them (a few runs, each in time order while calls are stored as they arrive),
 * which `sortByTimeAndId` merges. `placedOnly` leaves out rows without a value, which downsampling
 * would drop.
 */
async function readLine(
  connection: DuckDBConnection,
  request: LineRequest,
  placedOnly: boolean,
): Promise<LineRead> {
  const { scope, source, group, agentNames, maxPoints } = request;
  // Lines plot numbers: booleans as 1/0, datetimes as epoch ms; text has no place on an axis.
  const valueExpr = source.kind === 'string' ? 'CAST(NULL AS DOUBLE)' : `CAST(${source.expr} AS DOUBLE)`;
  const valueParams = source.kind === 'string' ? [] : source.params;
  const where = scope.where(request.from, request.to);
  const placed = placedOnly ? ' AND s.v IS NOT NULL' : '';
  // NULL values are listed as NaN (what a series holds for them), so every listed column is free of
  // NULLs and is read whole. The count tells an empty window (whose list is NULL) apart.
  const rows = `list({'id': s.id, 't': s.t, 'v': COALESCE(s.v, CAST('NaN' AS DOUBLE))})`;
  const sql =
    `SELECT count(*), ${rows}${group ? ', s.g' : ''} FROM (SELECT CAST(${scope.callIdColumn} AS DOUBLE) AS id, ` +
    `CAST(${scope.timeColumn} AS DOUBLE) AS t, ${valueExpr} AS v${group ? `, ${group.expr} AS g` : ''} ` +
    `FROM ${scope.from} WHERE ${where.sql}) AS s WHERE true${placed}${group ? ' GROUP BY s.g' : ''}`;
  const params = [...valueParams, ...(group?.params ?? []), ...where.params];
  const chunks = await listedChunks(connection, sql, params);

  // The listed columns are views into the chunks (held in `chunks` till the end); the lent columns
  // are reused by the next line, so the work below keeps its turn to the end. It pauses between its
  // steps (the merge and LTTB of a 30-day line of 1M calls are each milliseconds to tens of them) so
  // that other requests are served meanwhile.
  // Groups whose values share a label (two agents of one name) make one series.
  return withLentColumns(async (lentColumns, pause) => {
    const byLabel = new Map<string | null, LineColumns[]>();
    for (const chunk of chunks) {
      const counts = chunk.getColumnVector(0);
      const lists = chunk.getColumnVector(1);
      if (!(lists instanceof DuckDBListVector))
        throw new Error('A line query listed something other than rows.');
      const listed = listedColumns(lists.childVector);
      const groups = group ? chunk.getColumnVector(2) : null;
      for (let row = 0; row < chunk.rowCount; row += 1) {
        // `getItem` on a list would convert the whole list: its count says whether it holds rows.
        if (Number(counts.getItem(row)) === 0) continue;
        const label = groups && group ? labelOf(groups.getItem(row), group.kind, agentNames) : null;
        const start = lists.getEntryOffset(row);
        const end = start + lists.getEntryLength(row);
        const part = {
          times: listed.times.subarray(start, end),
          ids: listed.ids.subarray(start, end),
          values: listed.values.subarray(start, end),
        };
        const parts = byLabel.get(label);
        if (parts) parts.push(part);
        else byLabel.set(label, [part]);
      }
    }
    let total = 0;
    const series: LabelledSeries[] = [];
    for (const [label, parts] of byLabel) {
      await pause();
      const sorted = sortByTimeAndId(joined(parts), lentColumns);
      total += sorted.times.length;
      await pause();
      series.push({ label, series: kept(sorted, maxPoints) });
    }
    // The chunks stay referenced until the views into them are no longer read.
    chunks.length = 0;
    return { series, rows: total };
  });
}

/** One series of several listed groups' rows, end to end (in new arrays: rare, two groups of one label). */
function joined(parts: readonly LineColumns[]): LineColumns {
  if (parts.length === 1 && parts[0]) return parts[0];
  const count = parts.reduce((sum, part) => sum + part.times.length, 0);
  const series = newColumns(count);
  let at = 0;
  for (const part of parts) {
    series.times.set(part.times, at);
    series.values.set(part.values, at);
    series.ids.set(part.ids, at);
    at += part.times.length;
  }
  return series;
}

/** The points LTTB keeps (all of them without `maxPoints`), copied into arrays of their own. */
function kept(series: LineColumns, maxPoints: number | null): LineColumns {
  const indexes = downsample(series, maxPoints);
  const count = indexes?.length ?? series.times.length;
  const out = newColumns(count);
  for (let k = 0; k < count; k += 1) {
    const i = indexes ? (indexes[k] ?? 0) : k;
    out.times[k] = series.times[i] ?? 0;
    out.ids[k] = series.ids[i] ?? 0;
    out.values[k] = series.values[i] ?? Number.NaN;
  }
  return out;
}

/** Indexes (into the series) kept by LTTB, null for all; null values cannot be placed, so they are dropped. */
function downsample(series: LineColumns, maxPoints: number | null): ArrayLike<number> | null {
  const { times, values } = series;
  const count = times.length;
  if (maxPoints === null || count <= maxPoints) return null;
  let placedCount = 0;
  for (let k = 0; k < count; k += 1) if (!Number.isNaN(values[k] ?? Number.NaN)) placedCount += 1;
  if (placedCount === count) return downsampleLttb(times, values, maxPoints);
  // Typed arrays in one pass: a 7-day line reads 100k+ calls, and per-point closures cost more than LTTB.
  const placed = new Int32Array(placedCount);
  const xs = new Float64Array(placedCount);
  const ys = new Float64Array(placedCount);
  let j = 0;
  for (let k = 0; k < count; k += 1) {
    const value = values[k] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    placed[j] = k;
    xs[j] = times[k] ?? 0;
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
async function seriesFor(connection: DuckDBConnection, request: LineRequest): Promise<LabelledSeries[]> {
  // A group with few points keeps its null points too, so grouped lines read every row.
  if (request.maxPoints === null || request.group) return (await readLine(connection, request, false)).series;
  const placed = await readLine(connection, request, true);
  return placed.rows > request.maxPoints
    ? placed.series
    : (await readLine(connection, request, false)).series;
}

/**
 * Line points `{id, timestamp, value}` ordered by (time, call id); with a field group_by, a `group`
 * label on each (D1) and, with `maxPoints`, LTTB per group. Without `maxPoints`: the full series.
 */
export async function computeLine(connection: DuckDBConnection, request: LineRequest): Promise<LinePoint[]> {
  const labelled = await seriesFor(connection, request);
  const points: { series: LineColumns; index: number; label: string | null }[] = [];
  for (const { label, series } of labelled)
    for (let index = 0; index < series.times.length; index += 1) points.push({ series, index, label });
  // Each series is in order already; the points of several groups are interleaved by time.
  if (labelled.length > 1)
    points.sort(
      (a, b) =>
        (a.series.times[a.index] ?? 0) - (b.series.times[b.index] ?? 0) ||
        (a.series.ids[a.index] ?? 0) - (b.series.ids[b.index] ?? 0),
    );
  return points.map(({ series, index, label }) => {
    const value = series.values[index] ?? Number.NaN;
    const point: LinePoint = {
      id: series.ids[index] ?? 0,
      timestamp: formatInstant(series.times[index] ?? 0),
      value: Number.isNaN(value) ? null : value,
    };
    if (label !== null) point.group = label;
    return point;
  });
}
