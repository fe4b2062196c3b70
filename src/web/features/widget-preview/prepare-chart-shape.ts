import type { ChartType } from '../../../contract/enums.ts';
import type {
  BarBucket,
  ChartData,
  StatData,
  WidgetDataResponse,
} from '../../../contract/widget-data-schema.ts';
import {
  EMPTY_MESSAGE,
  type BarRow,
  type ChartShape,
  type SeriesShape,
  type StatFigure,
} from './chart-model.ts';
import { formatBucketLabel, formatChartValue, roundTo, type ValueFormat } from './format-chart-value.ts';
import { describeChange, MIN_COMPARE_SAMPLES } from './compare-change.ts';
import { pairTwins, pickTwins } from './compared-twins.ts';
import { groupSeries } from './group-series.ts';
import { niceTicks } from './nice-ticks.ts';
import { bucketColumns, pointColumns, prepareLineShape, type LineColumns } from './prepare-line-shape.ts';
import { readChartData } from './read-chart-data.ts';

export interface PrepareChartShapeOptions {
  chartType: ChartType;
  /** The drawing width: line series are downsampled to about one point per pixel of plot. */
  widthPx: number;
  /** An optional second response drawn as a dashed series (line, bar) or "previous" figures (stat). */
  comparison?: WidgetDataResponse | undefined;
  /** Legend name of the comparison series (default "Comparison"), e.g. "Saved" in the editor. */
  comparisonLabel?: string | undefined;
}

const COMPARISON_LABEL = 'Comparison';

/**
 * Turns a data response into everything the chart draws that follows from the data: series pivoted by
 * `group` (D1), line series downsampled with LTTB, bar rows with bucket labels, pie slices with
 * percentages, stat figures with units (D3), and the empty and invalid cases with a message (a chart
 * never silently draws blank). The chart type asked for wins over the response's echo, but the data
 * shape decides how it is read: a line with a bucket group_by arrives in the bar shape (D2). Colours,
 * legend, dots and unit come later (`styleChartModel`), so a display-only edit never repeats this.
 * Total: every response gives a shape.
 */
export function prepareChartShape(
  response: WidgetDataResponse,
  options: PrepareChartShapeOptions,
): ChartShape {
  const data = readChartData(response);
  if (data.kind === 'invalid') return { kind: 'invalid', message: data.message };
  if (isEmpty(data)) return { kind: 'empty', message: EMPTY_MESSAGE };
  const comparison = options.comparison ? readChartData(options.comparison) : null;
  const displayName = response.metadata.display_name || response.field_name || 'Value';
  const comparisonLabel = options.comparisonLabel ?? COMPARISON_LABEL;

  switch (options.chartType) {
    case 'stat':
      return data.kind === 'stat'
        ? {
            kind: 'stat',
            figures: statFigures(data.stat, comparison?.kind === 'stat' ? comparison.stat : null),
          }
        : mismatch(options.chartType, data);
    case 'pie':
      return data.kind === 'pie' ? preparePie(data.slices) : mismatch(options.chartType, data);
    case 'bar': {
      if (data.kind !== 'bar') return mismatch(options.chartType, data);
      const bar = prepareBar(data.buckets, response.time_period, displayName, comparison, comparisonLabel);
      const valueFormat = valueFormatOf(response);
      return { ...bar, valueFormat, valueTicks: valueAxisTicks(bar.rows, valueFormat) };
    }
    case 'line': {
      if (data.kind !== 'line' && data.kind !== 'bar') return mismatch(options.chartType, data);
      const lineOptions = {
        displayName,
        widthPx: options.widthPx,
        comparison: comparisonColumns(comparison),
        comparisonLabel,
      };
      const shape =
        data.kind === 'line'
          ? prepareLineShape(pointColumns(data.points), { ...lineOptions, selectKind: 'point' })
          : prepareLineShape(bucketColumns(data.buckets), { ...lineOptions, selectKind: 'bucket' });
      const valueFormat = valueFormatOf(response);
      return { ...shape, valueFormat, valueTicks: valueAxisTicks(shape.rows, valueFormat) };
    }
  }
}

/** Quarter ticks over 0–100%: a fraction always spans the whole scale, so two rates compare at a glance. */
const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Round ticks over every drawn value (`niceTicks`), or the whole 0–100% scale for a fraction. */
function valueAxisTicks(rows: readonly { values: Record<string, number | null> }[], format: ValueFormat) {
  if (format === 'percent') return PERCENT_TICKS;
  let min = 0;
  let max = 0;
  for (const row of rows) {
    for (const value of Object.values(row.values)) {
      if (value === null || !Number.isFinite(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return niceTicks(min, max);
}

/** The average of a boolean is the share of true values: a fraction, read as a percentage. */
export function valueFormatOf(response: WidgetDataResponse): ValueFormat {
  return response.metadata.data_type === 'boolean' && response.aggregation_function === 'avg'
    ? 'percent'
    : 'number';
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

function mismatch(chartType: ChartType, data: ChartData): ChartShape {
  return {
    kind: 'invalid',
    message: `This ${chartType} chart received ${data.kind} data. Refresh to load data for the current chart type.`,
  };
}

function comparisonColumns(comparison: ChartData | null): LineColumns | null {
  if (comparison?.kind === 'line') return pointColumns(comparison.points);
  if (comparison?.kind === 'bar') return bucketColumns(comparison.buckets);
  return null;
}

function prepareBar(
  buckets: readonly BarBucket[],
  period: string | null,
  displayName: string,
  comparison: ChartData | null,
  comparisonLabel: string,
): Omit<Extract<ChartShape, { kind: 'bar' }>, 'valueFormat' | 'valueTicks'> {
  const { groups, hiddenCount } = groupSeries(buckets);
  const series: SeriesShape[] = groups.map((g) => ({
    key: g.key,
    label: g.label ?? displayName,
    group: g.label,
    comparison: false,
  }));
  const columns = groups.map((g) => ({ key: g.key, items: g.items }));
  let uncompared = 0;
  if (comparison?.kind === 'bar' && comparison.buckets.length > 0) {
    const compared = groupSeries(comparison.buckets).groups.map((g) => ({
      label: g.label,
      payload: g.items,
    }));
    const { twins, uncompared: left } = pickTwins(groups, compared, comparisonLabel);
    for (const twin of twins) {
      series.push(twin.series);
      columns.push({ key: twin.series.key, items: twin.payload });
    }
    uncompared = left;
  }

  // Each bucket's time is parsed once, not in every comparison of the sort.
  const rows = new Map<string, { row: BarRow; time: number }>();
  for (const { key, items } of columns) {
    for (const b of items) {
      let entry = rows.get(b.time_interval);
      if (!entry) {
        entry = {
          row: {
            bucket: b.time_interval,
            label: formatBucketLabel(b.time_interval, period),
            values: {},
            counts: {},
          },
          time: Date.parse(b.time_interval),
        };
        rows.set(b.time_interval, entry);
      }
      entry.row.values[key] = b.value;
      entry.row.counts[key] = b.sample_count;
    }
  }
  const sorted = [...rows.values()].sort(compareBuckets).map((entry) => entry.row);
  return {
    kind: 'bar',
    series: pairTwins(series),
    rows: sorted,
    hiddenSeriesCount: hiddenCount,
    uncomparedSeriesCount: uncompared,
  };
}

function compareBuckets(a: { row: BarRow; time: number }, b: { row: BarRow; time: number }): number {
  if (Number.isNaN(a.time) || Number.isNaN(b.time)) return a.row.bucket.localeCompare(b.row.bucket);
  return a.time - b.time;
}

function preparePie(slices: readonly { label: string; value: number; percentage: number }[]): ChartShape {
  return {
    kind: 'pie',
    total: slices.reduce((sum, s) => sum + s.value, 0),
    slices: slices.map((s, i) => ({
      key: `p${i}`,
      label: s.label === '' ? '(empty)' : s.label,
      source: s.label,
      value: s.value,
      percentage: roundTo(s.percentage, 1),
    })),
  };
}

function statFigures(stat: StatData, previous: StatData | null): StatFigure[] {
  const figures: [StatFigure['key'], string, (s: StatData) => string][] = [
    ['total_calls', 'Total calls', (s) => formatChartValue(s.total_calls, 'number')],
    ['success_rate', 'Success rate', (s) => formatChartValue(s.success_rate, 'number', '%')],
    ['avg_duration', 'Average duration', (s) => formatChartValue(s.avg_duration, 'number', 's')],
    ['p95_latency', 'P95 latency', (s) => formatChartValue(s.p95_latency, 'number', 'ms')],
  ];
  // Stat figures of fewer calls than this are not compared (their change is noise).
  const tooFew = previous !== null && previous.total_calls < MIN_COMPARE_SAMPLES;
  return figures.map(([key, label, format]) => ({
    key,
    label,
    value: format(stat),
    previous: previous ? format(previous) : null,
    raw: stat[key],
    change:
      previous && !tooFew ? describeChange(stat[key], previous[key], (v) => formatStatDelta(key, v)) : null,
    tooFewToCompare: tooFew,
  }));
}

/** A change of a stat figure in the figure's own format; a rate changes by percentage points. */
function formatStatDelta(key: StatFigure['key'], value: number): string {
  if (key === 'total_calls') return formatChartValue(value, 'number');
  return formatChartValue(
    value,
    'number',
    key === 'success_rate' ? ' points' : key === 'avg_duration' ? 's' : 'ms',
  );
}
