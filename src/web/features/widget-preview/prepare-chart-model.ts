import type { ChartType } from '../../../contract/enums.ts';
import {
  parseChartData,
  type BarBucket,
  type ChartData,
  type LinePoint,
  type StatData,
  type WidgetDataResponse,
} from '../../../contract/widget-data-schema.ts';
import type { WidgetDisplay } from '../../../contract/widget-display.ts';
import {
  COLOR_HEX,
  EMPTY_MESSAGE,
  MAX_ANIMATED_POINTS,
  MAX_POINTS_WITH_DOTS,
  seriesPalette,
  type BarRow,
  type ChartModel,
  type ChartSeries,
  type LineRow,
  type StatFigure,
} from './chart-model.ts';
import { downsampleLttb } from './downsample-lttb.ts';
import { formatBucketLabel, formatInteger, formatOneDecimal } from './format-chart-value.ts';
import { groupSeries } from './group-series.ts';
import { timeTicks } from './time-ticks.ts';

export interface PrepareChartOptions {
  chartType: ChartType;
  display: WidgetDisplay;
  /** The drawing width: line series are downsampled to about one point per pixel. */
  widthPx: number;
  /** An optional second response drawn as a dashed series (line, bar) or "previous" figures (stat). */
  comparison?: WidgetDataResponse | undefined;
  /** Legend name of the comparison series (default "Comparison"), e.g. "Saved" in the editor. */
  comparisonLabel?: string | undefined;
  /** False turns every animation off (the viewer prefers reduced motion). Default true. */
  animate?: boolean | undefined;
}

const COMPARISON_KEY = 'cmp';
const COMPARISON_LABEL = 'Comparison';

/**
 * Turns a data response into everything the chart needs and nothing it must decide: series pivoted by
 * `group` (D1), line series downsampled with LTTB, bar rows with bucket labels, pie slices with
 * percentages, stat figures with units (D3), and the empty and invalid cases as models with a message
 * (a chart never silently draws blank). The chart type asked for wins over the response's echo, but
 * the data shape decides how it is read: a line with a bucket group_by arrives in the bar shape (D2).
 * Total: every response gives a model.
 */
export function prepareChartModel(response: WidgetDataResponse, options: PrepareChartOptions): ChartModel {
  const data = parseChartData(response);
  if (data.kind === 'invalid') return { kind: 'invalid', message: data.message };
  if (isEmpty(data)) return { kind: 'empty', message: EMPTY_MESSAGE };
  const comparison = options.comparison ? parseChartData(options.comparison) : null;
  const displayName = response.metadata.display_name || response.field_name || 'Value';

  switch (options.chartType) {
    case 'stat':
      return data.kind === 'stat'
        ? {
            kind: 'stat',
            figures: statFigures(data.stat, comparison?.kind === 'stat' ? comparison.stat : null),
          }
        : mismatch(options.chartType, data);
    case 'pie':
      return data.kind === 'pie' ? preparePie(data.slices, options) : mismatch(options.chartType, data);
    case 'bar':
      return data.kind === 'bar'
        ? prepareBar(data.buckets, response.time_period, displayName, options, comparison)
        : mismatch(options.chartType, data);
    case 'line':
      if (data.kind === 'line')
        return prepareLine(toLineInput(data.points), 'point', displayName, options, comparison);
      if (data.kind === 'bar')
        return prepareLine(bucketsToLineInput(data.buckets), 'bucket', displayName, options, comparison);
      return mismatch(options.chartType, data);
  }
}

function isEmpty(data: Exclude<ChartData, { kind: 'invalid' }>): boolean {
  switch (data.kind) {
    case 'line':
      return data.points.length === 0;
    case 'bar':
      return data.buckets.length === 0;
    case 'pie':
      return data.slices.length === 0;
    case 'stat':
      return data.stat.total_calls === 0;
  }
}

function mismatch(chartType: ChartType, data: ChartData): ChartModel {
  return {
    kind: 'invalid',
    message: `This ${chartType} chart received ${data.kind} data. Refresh to load data for the current chart type.`,
  };
}

interface LineInput {
  x: number;
  source: string;
  value: number | null;
  id: number | null;
  group?: string;
}

function toLineInput(points: readonly LinePoint[]): LineInput[] {
  return points.map((p) => ({
    x: Date.parse(p.timestamp),
    source: p.timestamp,
    value: p.value,
    id: p.id,
    group: p.group,
  }));
}

function bucketsToLineInput(buckets: readonly BarBucket[]): LineInput[] {
  return buckets.map((b) => ({
    x: Date.parse(b.time_interval),
    source: b.time_interval,
    value: b.value,
    id: null,
    group: b.group,
  }));
}

function prepareLine(
  input: LineInput[],
  selectKind: 'point' | 'bucket',
  displayName: string,
  options: PrepareChartOptions,
  comparison: ChartData | null,
): ChartModel {
  const threshold = Math.max(3, Math.round(options.widthPx));
  const { groups, hiddenCount } = groupSeries(input.filter((p) => Number.isFinite(p.x)));
  const palette = seriesPalette(options.display.color);
  const series: ChartSeries[] = groups.map((g, i) => ({
    key: g.key,
    label: g.label ?? displayName,
    color: palette[i % palette.length] ?? COLOR_HEX.indigo,
    group: g.label,
    comparison: false,
  }));
  const drawn = groups.map((g) => ({ key: g.key, points: downsampleLine(g.items, threshold) }));

  const comparisonInput = comparisonLineInput(comparison);
  if (comparisonInput.length > 0) {
    series.push({
      key: COMPARISON_KEY,
      label: options.comparisonLabel ?? COMPARISON_LABEL,
      color: COLOR_HEX.slate,
      group: null,
      comparison: true,
    });
    drawn.push({ key: COMPARISON_KEY, points: downsampleLine(comparisonInput, threshold) });
  }

  const rows = new Map<number, LineRow>();
  for (const { key, points } of drawn) {
    for (const p of points) {
      const row = rows.get(p.x) ?? { x: p.x, source: p.source, values: {}, callIds: {} };
      row.values[key] = p.value;
      if (p.id !== null) row.callIds[key] = p.id;
      rows.set(p.x, row);
    }
  }
  const maxPerSeries = Math.max(...drawn.map((d) => d.points.length));
  const drawnPointCount = drawn.reduce((sum, d) => sum + d.points.length, 0);
  const sorted = [...rows.values()].sort((a, b) => a.x - b.x);
  // About one label per 90 px.
  const { ticks, unit } = timeTicks(
    sorted[0]?.x ?? 0,
    sorted[sorted.length - 1]?.x ?? 0,
    options.widthPx / 90,
  );
  return {
    kind: 'line',
    series,
    rows: sorted,
    selectKind,
    ticks,
    tickUnit: unit,
    // With several series, rows hold one series each: connect across the others' rows.
    connectNulls: series.length > 1,
    showDots: options.display.showPoints && maxPerSeries <= MAX_POINTS_WITH_DOTS,
    animate: options.animate !== false && drawnPointCount <= MAX_ANIMATED_POINTS,
    showLegend: options.display.showLegend && series.length > 1,
    unit: options.display.unit,
    sourcePointCount: input.length,
    drawnPointCount,
    hiddenSeriesCount: hiddenCount,
  };
}

/**
 * Sorts by time and downsamples when there are more points than pixels. Points without a value carry
 * no shape, so they are left out of a downsampled series; below the threshold they stay as gaps.
 */
function downsampleLine(points: readonly LineInput[], threshold: number): LineInput[] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  if (sorted.length <= threshold) return sorted;
  const valued = sorted.flatMap((p) => (p.value === null ? [] : [{ ...p, y: p.value }]));
  return downsampleLttb(valued, threshold).map(({ y: _y, ...p }) => p);
}

function comparisonLineInput(comparison: ChartData | null): LineInput[] {
  if (comparison?.kind === 'line') return toLineInput(comparison.points).filter((p) => Number.isFinite(p.x));
  if (comparison?.kind === 'bar')
    return bucketsToLineInput(comparison.buckets).filter((p) => Number.isFinite(p.x));
  return [];
}

function prepareBar(
  buckets: readonly BarBucket[],
  period: string | null,
  displayName: string,
  options: PrepareChartOptions,
  comparison: ChartData | null,
): ChartModel {
  const { groups, hiddenCount } = groupSeries(buckets);
  const palette = seriesPalette(options.display.color);
  const series: ChartSeries[] = groups.map((g, i) => ({
    key: g.key,
    label: g.label ?? displayName,
    color: palette[i % palette.length] ?? COLOR_HEX.indigo,
    group: g.label,
    comparison: false,
  }));
  const columns = groups.map((g) => ({ key: g.key, items: g.items }));
  if (comparison?.kind === 'bar' && comparison.buckets.length > 0) {
    series.push({
      key: COMPARISON_KEY,
      label: options.comparisonLabel ?? COMPARISON_LABEL,
      color: COLOR_HEX.slate,
      group: null,
      comparison: true,
    });
    columns.push({ key: COMPARISON_KEY, items: comparison.buckets });
  }

  const rows = new Map<string, BarRow>();
  for (const { key, items } of columns) {
    for (const b of items) {
      const row = rows.get(b.time_interval) ?? {
        bucket: b.time_interval,
        label: formatBucketLabel(b.time_interval, period),
        values: {},
        counts: {},
      };
      row.values[key] = b.value;
      row.counts[key] = b.sample_count;
      rows.set(b.time_interval, row);
    }
  }
  const sorted = [...rows.values()].sort(compareBuckets);
  return {
    kind: 'bar',
    series,
    rows: sorted,
    animate: options.animate !== false && sorted.length * series.length <= MAX_ANIMATED_POINTS,
    showLegend: options.display.showLegend && series.length > 1,
    unit: options.display.unit,
    hiddenSeriesCount: hiddenCount,
  };
}

function compareBuckets(a: BarRow, b: BarRow): number {
  const ta = Date.parse(a.bucket);
  const tb = Date.parse(b.bucket);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a.bucket.localeCompare(b.bucket);
  return ta - tb;
}

function preparePie(
  slices: readonly { label: string; value: number; percentage: number }[],
  options: PrepareChartOptions,
): ChartModel {
  const { display } = options;
  const palette = seriesPalette(display.color);
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  return {
    kind: 'pie',
    total,
    slices: slices.map((s, i) => ({
      key: `p${i}`,
      label: s.label === '' ? '(empty)' : s.label,
      source: s.label,
      value: s.value,
      percentage: Math.round(s.percentage * 10) / 10,
      color: palette[i % palette.length] ?? COLOR_HEX.indigo,
    })),
    animate: options.animate !== false && slices.length <= 30,
    showLegend: display.showLegend,
    unit: display.unit,
  };
}

function statFigures(stat: StatData, previous: StatData | null): StatFigure[] {
  const figures: [StatFigure['key'], string, (s: StatData) => string][] = [
    ['total_calls', 'Total calls', (s) => formatInteger(s.total_calls)],
    ['success_rate', 'Success rate', (s) => formatOneDecimal(s.success_rate, '%')],
    ['avg_duration', 'Average duration', (s) => formatOneDecimal(s.avg_duration, 's')],
    ['p95_latency', 'P95 latency', (s) => formatOneDecimal(s.p95_latency, 'ms')],
  ];
  return figures.map(([key, label, format]) => ({
    key,
    label,
    value: format(stat),
    previous: previous ? format(previous) : null,
  }));
}
