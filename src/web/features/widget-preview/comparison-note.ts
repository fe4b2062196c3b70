import type { BarRow, ChartSeries, LineRow } from './chart-model.ts';
import { describeChange, MIN_COMPARE_SAMPLES, TOO_FEW_TO_COMPARE } from './compare-change.ts';
import { formatChartValue, type ValueFormat } from './format-chart-value.ts';

/**
 * The tooltip note of a real series at a row where its compared series has a value too: the change
 * ("up 12 %"), or "too few calls to compare" when either bucket holds fewer than MIN_COMPARE_SAMPLES
 * calls (bar rows carry counts; per-call line points have none). Undefined otherwise.
 */
export function comparisonNote(
  model: { series: readonly ChartSeries[] },
  row: LineRow | BarRow,
  series: ChartSeries,
  format: ValueFormat,
): string | undefined {
  if (series.comparison) return undefined;
  // A grouped series is compared with its own twin (same group); an ungrouped one with the comparison.
  const compared = model.series.find((s) => s.comparison && s.group === series.group);
  if (!compared) return undefined;
  const previous = row.values[compared.key];
  if (previous === undefined) return undefined;
  if ('counts' in row) {
    const counts = [row.counts[series.key], row.counts[compared.key]];
    if (counts.some((n) => n === undefined || n < MIN_COMPARE_SAMPLES)) return TOO_FEW_TO_COMPARE;
  }
  return describeChange(row.values[series.key], previous, (v) => formatChartValue(v, format))?.text;
}
