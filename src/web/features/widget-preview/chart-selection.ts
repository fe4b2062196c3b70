import type { ChartModel, ChartSelection } from './chart-model.ts';

type LineModel = Extract<ChartModel, { kind: 'line' }>;
type BarModel = Extract<ChartModel, { kind: 'bar' }>;
type PieModel = Extract<ChartModel, { kind: 'pie' }>;

/**
 * What a click on row `index` of a line chart selects: the first real (non-comparison) series with a
 * value there, so a grouped chart selects the group whose point was drawn at that x. Comparison series
 * have no calls behind them in this widget's window. Null for an out-of-range index or an empty row.
 */
export function selectLinePoint(model: LineModel, index: number): ChartSelection | null {
  const row = model.rows[index];
  if (!row) return null;
  const series = model.series.find(
    (s) => !s.comparison && row.values[s.key] !== undefined && row.values[s.key] !== null,
  );
  if (!series) return null;
  if (model.selectKind === 'bucket') return { kind: 'bucket', bucket: row.source, group: series.group };
  return {
    kind: 'point',
    timestamp: row.source,
    callId: row.callIds[series.key] ?? null,
    group: series.group,
  };
}

/** What a click on the bar of `seriesKey` in row `index` selects. */
export function selectBar(model: BarModel, index: number, seriesKey: string): ChartSelection | null {
  const row = model.rows[index];
  const series = model.series.find((s) => s.key === seriesKey);
  if (!row || !series || series.comparison) return null;
  return { kind: 'bucket', bucket: row.bucket, group: series.group };
}

/** What a click on slice `index` of a pie selects. */
export function selectSlice(model: PieModel, index: number): ChartSelection | null {
  const slice = model.slices[index];
  return slice ? { kind: 'slice', label: slice.source } : null;
}

/** Recharts reports the active index as a number or a numeric string; anything else is no index. */
export function toRowIndex(value: unknown): number | null {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}
