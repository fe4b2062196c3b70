import { describeThreshold, type Threshold } from '../../../contract/widget-insights.ts';
import { countBeyond, thresholdBeyond } from './chart-annotations.ts';
import type { ChartModel } from './chart-model.ts';
import { describeChange } from './compare-change.ts';
import { formatChartValue } from './format-chart-value.ts';

type Drawn = Extract<ChartModel, { kind: 'line' | 'bar' | 'stat' }>;

function mean(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value == null || !Number.isFinite(value)) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/**
 * The text alternative of a chart's comparison and thresholds, e.g. "Latency averages 1,630 ms, up
 * 12 % from 1,455 ms the previous 7 days (…); above 1,500 ms on 3 of 7 days". Lines and bars are
 * summarised by the mean of their first series; a stat by each figure. Empty when the chart has
 * neither a comparison nor a threshold. Pure.
 */
export function describeChartInsights(
  model: Drawn,
  options: {
    thresholds: readonly Threshold[];
    comparisonLabel?: string | undefined;
    /** Cohorts: a stat is compared "against <cohort>"; a line or bar describes each cohort's mean. */
    comparisonKind?: 'earlier' | 'cohort' | undefined;
    unit?: string;
  },
): string {
  const { thresholds, comparisonLabel } = options;
  const cohorts = options.comparisonKind === 'cohort';
  if (model.kind === 'stat') {
    return model.figures
      .filter((f) => f.previous !== null || thresholds.some((t) => t.figure === f.key))
      .map((f) => {
        let text = `${f.label} ${f.value}`;
        if (f.previous !== null) {
          if (cohorts)
            text += f.tooFewToCompare
              ? `; ${comparisonLabel ?? 'the other cohort'} ${f.previous} (too few calls to compare)`
              : `, ${f.change?.text ?? 'the same'} against ${comparisonLabel ?? 'the other cohort'} (${f.previous})`;
          else
            text += f.tooFewToCompare
              ? `, was ${f.previous} ${comparisonLabel ?? 'before'} (too few calls to compare)`
              : `, ${f.change?.text ?? 'unchanged'} from ${f.previous} ${comparisonLabel ?? 'before'}`;
        }
        const own = thresholds.filter((t) => t.figure === f.key);
        if (own.length > 0 && f.raw !== null) {
          text += `; ${thresholdBeyond(f.raw, own) ? 'beyond' : 'within'} the threshold (${own.map((t) => describeThreshold(t, (v) => v.toLocaleString('en-US'))).join(', ')})`;
        }
        return text;
      })
      .join('. ');
  }
  const unit = 'unit' in model ? model.unit : '';
  const format = (v: number) => formatChartValue(v, model.valueFormat, unit);
  const main = model.series.find((s) => !s.comparison);
  if (!main) return '';
  const parts: string[] = [];
  if (cohorts)
    for (const cohort of model.series.filter((s) => !s.comparison)) {
      const average = mean(model.rows.map((r) => r.values[cohort.key]));
      if (average !== null) parts.push(`${cohort.label} averages ${format(average)}`);
    }
  const compared = model.series.find((s) => s.comparison && s.group === main.group);
  if (compared) {
    const now = mean(model.rows.map((r) => r.values[main.key]));
    const before = mean(model.rows.map((r) => r.values[compared.key]));
    const change = describeChange(now, before, format);
    if (now !== null && before !== null)
      parts.push(
        `${main.label} averages ${format(now)}, ${change?.text ?? 'unchanged'} from ${format(before)} ${comparisonLabel ?? compared.label}`,
      );
  }
  for (const threshold of thresholds) {
    const { valued, beyond } = countBeyond(model.rows, main.key, [threshold]);
    const what = model.kind === 'bar' ? 'buckets' : 'points';
    parts.push(
      `${describeThreshold(threshold, format)}${threshold.label ? ` (${threshold.label})` : ''} on ${beyond} of ${valued} ${what}`,
    );
  }
  return parts.join('; ');
}
