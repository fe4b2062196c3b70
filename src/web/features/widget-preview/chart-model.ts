import type { WidgetColor } from '../../../contract/widget-display.ts';
import type { Change } from './compare-change.ts';
import type { ValueFormat } from './format-chart-value.ts';

/**
 * One series as prepared from the data (a legend entry), before the display gives it a colour. `key`
 * is a safe synthetic key (`s0`, `s1`, `cmp`): group labels may contain dots.
 */
export interface SeriesShape {
  key: string;
  label: string;
  /** The `group` value this series was pivoted from (D1), also on its compared twin; else null. */
  group: string | null;
  /** Comparison series are drawn dashed / faded. */
  comparison: boolean;
}

/** One drawn series: its shape and its colour. */
export interface ChartSeries extends SeriesShape {
  color: string;
}

/** A row of a line chart: one x (epoch ms) and the value of each series drawn at that x. */
export interface LineRow {
  x: number;
  /** The wire timestamp or bucket start this row came from, for click-through. */
  source: string;
  values: Record<string, number | null>;
  /** The call id behind a per-call point, by series key (line data carries `id`). */
  callIds: Record<string, number>;
}

export interface BarRow {
  bucket: string;
  label: string;
  values: Record<string, number | null>;
  counts: Record<string, number>;
}

export interface PieSliceShape {
  key: string;
  label: string;
  /** The label as the API sent it (the displayed one names the empty string). */
  source: string;
  value: number;
  percentage: number;
}

export interface PieSliceModel extends PieSliceShape {
  color: string;
}

export interface StatFigure {
  key: 'total_calls' | 'success_rate' | 'avg_duration' | 'p95_latency';
  label: string;
  /** Formatted with its unit; "—" for null. */
  value: string;
  /** The comparison response's figure, formatted the same way, when one was given. */
  previous: string | null;
  /** The figure as a number (null when the API sent none), for thresholds and text alternatives. */
  raw: number | null;
  /** The change from the comparison, or null without one (or with too few calls, `tooFewToCompare`). */
  change: Change | null;
  tooFewToCompare: boolean;
}

/**
 * Everything a chart draws that follows from the data and the drawing width, and nothing that follows
 * from the display options (colour, legend, points, unit) or the viewer's motion preference: a
 * display-only edit restyles the same shape, so the rows keep their identity and Recharts redraws
 * only what the style touches.
 */
export type ChartShape =
  | {
      kind: 'line';
      series: SeriesShape[];
      rows: LineRow[];
      /** Points are per call ('point') or aggregated buckets (a bucket group_by, D2). */
      selectKind: 'point' | 'bucket';
      /** X-axis ticks at whole UTC hours or days. */
      ticks: number[];
      tickUnit: 'hour' | 'day';
      connectNulls: boolean;
      sourcePointCount: number;
      drawnPointCount: number;
      /** The most points drawn in one series (dots are drawn only for short series). */
      maxSeriesPointCount: number;
      hiddenSeriesCount: number;
      /** Groups drawn without a compared twin (beyond MAX_TWINS). */
      uncomparedSeriesCount: number;
      valueFormat: ValueFormat;
      /** Round value-axis ticks (`niceTicks`; quarters of 0–100% for a fraction), lowest to highest. */
      valueTicks: number[];
    }
  | {
      kind: 'bar';
      series: SeriesShape[];
      rows: BarRow[];
      hiddenSeriesCount: number;
      uncomparedSeriesCount: number;
      valueFormat: ValueFormat;
      valueTicks: number[];
    }
  | { kind: 'pie'; slices: PieSliceShape[]; total: number }
  | { kind: 'stat'; figures: StatFigure[] }
  | { kind: 'empty'; message: string }
  | { kind: 'invalid'; message: string };

type ShapeOf<K extends ChartShape['kind']> = Extract<ChartShape, { kind: K }>;

/** What the display and motion preference add to a shape: the model the chart views draw. */
export type ChartModel =
  | (Omit<ShapeOf<'line'>, 'series'> & {
      series: ChartSeries[];
      showDots: boolean;
      animate: boolean;
      showLegend: boolean;
      unit: string;
      /** The unit the value axis is labelled with: "%" for a fraction, else the display unit. */
      axisUnit: string;
    })
  | (Omit<ShapeOf<'bar'>, 'series'> & {
      series: ChartSeries[];
      animate: boolean;
      showLegend: boolean;
      unit: string;
      axisUnit: string;
    })
  | (Omit<ShapeOf<'pie'>, 'slices'> & {
      slices: PieSliceModel[];
      animate: boolean;
      showLegend: boolean;
      unit: string;
    })
  | ShapeOf<'stat'>
  | ShapeOf<'empty'>
  | ShapeOf<'invalid'>;

/** What a click on a chart element selects: the dashboard opens the calls behind it. */
export type ChartSelection =
  | { kind: 'point'; timestamp: string; callId: number | null; group: string | null }
  | { kind: 'bucket'; bucket: string; group: string | null }
  | { kind: 'slice'; label: string };

/** Mid-tone shades (Tailwind 500) readable on both the light and the dark surface. */
export const COLOR_HEX: Record<WidgetColor, string> = {
  indigo: '#6366f1',
  sky: '#0ea5e9',
  emerald: '#10b981',
  amber: '#f59e0b',
  rose: '#f43f5e',
  violet: '#8b5cf6',
  slate: '#64748b',
};

/** Extra hues for categories beyond the named widget colours. */
export const EXTRA_HEX = ['#14b8a6', '#d946ef', '#84cc16', '#f97316', '#06b6d4', '#a855f7'];

export const EMPTY_MESSAGE = 'No calls match these filters';
/** More series than this make a chart unreadable; the rest are counted in `hiddenSeriesCount`. */
export const MAX_SERIES = 12;
/** Above this many points per series, dots are not drawn (Recharts slows down sharply). */
export const MAX_POINTS_WITH_DOTS = 100;
/** Above this many drawn elements, animation is off. */
export const MAX_ANIMATED_POINTS = 100;
/** Above this many slices, a pie is not animated. */
export const MAX_ANIMATED_SLICES = 30;
/**
 * Horizontal pixels of a line chart that are not plot area: the y axis (44) and the right margin (12)
 * of `LineChartView`. Series are downsampled to one point per pixel of what is left.
 */
export const LINE_PLOT_INSET_PX = 56;
