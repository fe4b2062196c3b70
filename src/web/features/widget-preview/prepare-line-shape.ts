import type { BarBucket, LinePoint } from '../../../contract/widget-data-schema.ts';
import { LINE_PLOT_INSET_PX, type ChartShape, type LineRow, type SeriesShape } from './chart-model.ts';
import { downsampleLttb } from '../../../contract/downsample-lttb.ts';
import { pairTwins, pickTwins } from './compared-twins.ts';
import { groupIndices, type GroupedIndices } from './group-series.ts';
import { timeTicks } from './time-ticks.ts';

/** A line's shape from its data alone: the value format and axis come later (`prepareChartShape`). */
type LineShape = Omit<Extract<ChartShape, { kind: 'line' }>, 'valueFormat' | 'valueTicks'>;

/**
 * A line series in columns, read in one pass over the wire items: `x` (epoch ms, NaN when the time
 * does not parse), `y` (NaN for null) and the groups (null when no item has one). The wire item behind
 * position i is reached through the accessors only for the few points that are drawn.
 */
export interface LineColumns {
  x: Float64Array;
  y: Float64Array;
  groups: readonly (string | undefined)[] | null;
  /**
   * Every time parsed, in order, and every value is present: the usual answer, which can be
   * downsampled as it stands (no index arrays, no copies).
   */
  plain: boolean;
  sourceOf: (index: number) => string;
  idOf: (index: number) => number | null;
}

/** Per-call line points (`id`, `timestamp`, `value`, `group`) as columns. */
export function pointColumns(points: readonly LinePoint[]): LineColumns {
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  let grouped = false;
  let plain = true;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i];
    if (p === undefined) continue;
    const time = Date.parse(p.timestamp);
    x[i] = time;
    y[i] = p.value ?? Number.NaN;
    if (p.group !== undefined) grouped = true;
    // NaN >= anything is false: a time that does not parse makes the series not plain.
    plain = plain && time >= last && p.value !== null;
    last = time;
  }
  return {
    x,
    y,
    groups: grouped ? points.map((p) => p.group) : null,
    plain,
    sourceOf: (i) => points[i]?.timestamp ?? '',
    idOf: (i) => points[i]?.id ?? null,
  };
}

/** Buckets (a line with a bucket group_by arrives in the bar shape, D2) as columns; no call ids. */
export function bucketColumns(buckets: readonly BarBucket[]): LineColumns {
  const x = new Float64Array(buckets.length);
  const y = new Float64Array(buckets.length);
  let grouped = false;
  let plain = true;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < buckets.length; i += 1) {
    const b = buckets[i];
    if (b === undefined) continue;
    const time = Date.parse(b.time_interval);
    x[i] = time;
    y[i] = b.value ?? Number.NaN;
    if (b.group !== undefined) grouped = true;
    // NaN >= anything is false: a time that does not parse makes the series not plain.
    plain = plain && time >= last && b.value !== null;
    last = time;
  }
  return {
    x,
    y,
    groups: grouped ? buckets.map((b) => b.group) : null,
    plain,
    sourceOf: (i) => buckets[i]?.time_interval ?? '',
    idOf: () => null,
  };
}

export interface LineShapeOptions {
  selectKind: 'point' | 'bucket';
  /** Label of an ungrouped series. */
  displayName: string;
  /** Width of the whole chart; the plot is `LINE_PLOT_INSET_PX` narrower. */
  widthPx: number;
  comparison: LineColumns | null;
  comparisonLabel: string;
}

/**
 * The line shape: series pivoted on `group` (D1), each sorted by time and, when it has more points
 * than the plot has pixels, downsampled with LTTB to one point per pixel (points without a value carry
 * no shape and are left out then; below the threshold they stay as gaps), merged into rows by time.
 * Points whose time does not parse are dropped. Works on columns and index arrays, so a 50,000-point
 * series costs a few passes over typed arrays and no object per point.
 */
export function prepareLineShape(main: LineColumns, options: LineShapeOptions): LineShape {
  const threshold = Math.max(3, Math.round(options.widthPx - LINE_PLOT_INSET_PX));
  const { groups: mainGroups } = main;
  let grouped: GroupedIndices = { groups: [{ key: 's0', label: null, indices: [] }], hiddenCount: 0 };
  let groupIndexSets: (Uint32Array | null)[] = [null];
  if (mainGroups) {
    const valid = finiteIndices(main.x);
    grouped = groupIndices(valid.length, (k) => mainGroups[valid[k] ?? 0]);
    // Group positions index `valid`.
    groupIndexSets = grouped.groups.map((g) => Uint32Array.from(g.indices, (k) => valid[k] ?? 0));
  }
  const series: SeriesShape[] = grouped.groups.map((g) => ({
    key: g.key,
    label: g.label ?? options.displayName,
    group: g.label,
    comparison: false,
  }));
  const drawn = grouped.groups.map((g, i) => ({
    key: g.key,
    columns: main,
    indices: drawnIndices(main, groupIndexSets[i] ?? null, threshold),
  }));

  const { comparison } = options;
  let uncompared = 0;
  if (comparison) {
    const valid = finiteIndices(comparison.x);
    const compareGroups = comparison.groups;
    const compared = compareGroups
      ? groupIndices(valid.length, (k) => compareGroups[valid[k] ?? 0]).groups.map((g) => ({
          label: g.label,
          payload: Uint32Array.from(g.indices, (k) => valid[k] ?? 0),
        }))
      : valid.length > 0
        ? [{ label: null, payload: valid }]
        : [];
    const { twins, uncompared: left } = pickTwins(grouped.groups, compared, options.comparisonLabel);
    for (const twin of twins) {
      series.push(twin.series);
      drawn.push({
        key: twin.series.key,
        columns: comparison,
        indices: drawnIndices(comparison, twin.payload, threshold),
      });
    }
    uncompared = left;
  }

  const rows = new Map<number, LineRow>();
  for (const { key, columns, indices } of drawn) {
    for (const i of indices) {
      const x = columns.x[i] ?? 0;
      const y = columns.y[i] ?? Number.NaN;
      let row = rows.get(x);
      if (!row) {
        row = { x, source: columns.sourceOf(i), values: {}, callIds: {} };
        rows.set(x, row);
      }
      row.values[key] = Number.isNaN(y) ? null : y;
      const id = columns.idOf(i);
      if (id !== null) row.callIds[key] = id;
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.x - b.x);
  const lengths = drawn.map((d) => d.indices.length);
  // About one label per 90 px.
  const { ticks, unit } = timeTicks(
    sorted[0]?.x ?? 0,
    sorted[sorted.length - 1]?.x ?? 0,
    options.widthPx / 90,
  );
  return {
    kind: 'line',
    series: pairTwins(series),
    rows: sorted,
    selectKind: options.selectKind,
    ticks,
    tickUnit: unit,
    // With several series, rows hold one series each: connect across the others' rows.
    connectNulls: series.length > 1,
    sourcePointCount: main.x.length,
    drawnPointCount: lengths.reduce((sum, n) => sum + n, 0),
    maxSeriesPointCount: Math.max(0, ...lengths),
    hiddenSeriesCount: grouped.hiddenCount,
    uncomparedSeriesCount: uncompared,
  };
}

/** Positions whose time parsed, in order. */
function finiteIndices(x: Float64Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < x.length; i += 1) if (Number.isFinite(x[i])) count += 1;
  const indices = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < x.length; i += 1) {
    if (Number.isFinite(x[i])) {
      indices[k] = i;
      k += 1;
    }
  }
  return indices;
}

/**
 * The indices of one series to draw, in time order (see `prepareLineShape`): of `indices`, or of every
 * point whose time parsed when null.
 */
function drawnIndices(columns: LineColumns, indices: Uint32Array | null, threshold: number): Uint32Array {
  const { x, y } = columns;
  if (indices === null) {
    if (columns.plain) return downsampleLttb(x, y, threshold);
    return drawnIndices(columns, finiteIndices(x), threshold);
  }
  let ordered = true;
  for (let k = 1; k < indices.length && ordered; k += 1) {
    ordered = (x[indices[k - 1] ?? 0] ?? 0) <= (x[indices[k] ?? 0] ?? 0);
  }
  // Stable, as the wire order breaks ties; the server's answer is usually in order already.
  const sorted = ordered ? indices : Uint32Array.from([...indices].sort((a, b) => (x[a] ?? 0) - (x[b] ?? 0)));
  if (sorted.length <= threshold) return sorted;

  let valuedCount = 0;
  for (let k = 0; k < sorted.length; k += 1) if (!Number.isNaN(y[sorted[k] ?? 0])) valuedCount += 1;
  const valued = valuedCount === sorted.length ? sorted : sorted.filter((i) => !Number.isNaN(y[i]));
  if (valued.length <= threshold) return valued;
  const xs = new Float64Array(valued.length);
  const ys = new Float64Array(valued.length);
  for (let k = 0; k < valued.length; k += 1) {
    const i = valued[k] ?? 0;
    xs[k] = x[i] ?? 0;
    ys[k] = y[i] ?? 0;
  }
  return downsampleLttb(xs, ys, threshold).map((k) => valued[k] ?? 0);
}
