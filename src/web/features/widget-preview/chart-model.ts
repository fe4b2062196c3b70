import type { WidgetColor } from '../../../contract/widget-display.ts';

/** One drawn series (a legend entry). `key` is a safe synthetic key: group labels may contain dots. */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  /** The `group` value this series was pivoted from (D1); null for an ungrouped or comparison series. */
  group: string | null;
  /** Comparison series are drawn dashed / faded. */
  comparison: boolean;
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

export interface PieSliceModel {
  key: string;
  label: string;
  /** The label as the API sent it (the displayed one names the empty string). */
  source: string;
  value: number;
  percentage: number;
  color: string;
}

export interface StatFigure {
  key: 'total_calls' | 'success_rate' | 'avg_duration' | 'p95_latency';
  label: string;
  /** Formatted with its unit; "—" for null. */
  value: string;
  /** The comparison response's figure, formatted the same way, when one was given. */
  previous: string | null;
}

export type ChartModel =
  | {
      kind: 'line';
      series: ChartSeries[];
      rows: LineRow[];
      /** Points are per call ('point') or aggregated buckets (a bucket group_by, D2). */
      selectKind: 'point' | 'bucket';
      /** X-axis ticks at whole UTC hours or days. */
      ticks: number[];
      tickUnit: 'hour' | 'day';
      connectNulls: boolean;
      showDots: boolean;
      animate: boolean;
      showLegend: boolean;
      unit: string;
      sourcePointCount: number;
      drawnPointCount: number;
      hiddenSeriesCount: number;
    }
  | {
      kind: 'bar';
      series: ChartSeries[];
      rows: BarRow[];
      animate: boolean;
      showLegend: boolean;
      unit: string;
      hiddenSeriesCount: number;
    }
  | {
      kind: 'pie';
      slices: PieSliceModel[];
      total: number;
      animate: boolean;
      showLegend: boolean;
      unit: string;
    }
  | { kind: 'stat'; figures: StatFigure[] }
  | { kind: 'empty'; message: string }
  | { kind: 'invalid'; message: string };

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

/** Extra hues for series beyond the named widget colours. */
const EXTRA_HEX = ['#14b8a6', '#d946ef', '#84cc16', '#f97316', '#06b6d4', '#a855f7'];

/** The palette for multi-series charts, starting with the widget's own colour. Total. */
export function seriesPalette(base: WidgetColor): string[] {
  const named = Object.values(COLOR_HEX);
  const first = COLOR_HEX[base];
  return [first, ...named.filter((c) => c !== first), ...EXTRA_HEX];
}

export const EMPTY_MESSAGE = 'No calls match these filters';
/** More series than this make a chart unreadable; the rest are counted in `hiddenSeriesCount`. */
export const MAX_SERIES = 12;
/** Above this many points per series, dots are not drawn (Recharts slows down sharply). */
export const MAX_POINTS_WITH_DOTS = 100;
/** Above this many drawn elements, animation is off. */
export const MAX_ANIMATED_POINTS = 100;
