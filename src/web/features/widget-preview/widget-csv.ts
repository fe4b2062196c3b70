import type { ChartData } from '../../../contract/widget-data-schema.ts';
import { roundChartValue, roundTo, type ValueFormat } from './format-chart-value.ts';

type Cell = string | number | boolean | null | undefined;

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with a quote, because
 * labels come from call data that anyone can influence. Numbers are written as they are.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A value the way doubles print it without their binary noise (15 significant digits, the most a
 * double holds exactly): 1423.3999999999999 is 1423.4. Null for null and non-finite values.
 */
function fullPrecision(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toPrecision(15));
}

interface ValueColumns {
  headers: string[];
  cells: (value: number | null) => Cell[];
}

/**
 * The value column as the chart shows it, and beside it the full-precision value only when some row
 * shows less than it holds (212.333333 of 212.33333333333334, or 83.3% of 0.8333…): float noise
 * alone adds no column. `back` turns a shown number into the value's own scale, to compare.
 */
function valueColumns(
  values: readonly (number | null)[],
  shownHeader: string,
  fullHeader: string,
  show: (value: number | null) => number | null,
  back: (shown: number) => number = (shown) => shown,
): ValueColumns {
  const loses = values.some((value) => {
    const shown = show(value);
    return shown !== null && fullPrecision(back(shown)) !== fullPrecision(value);
  });
  return loses
    ? { headers: [shownHeader, fullHeader], cells: (value) => [show(value), fullPrecision(value)] }
    : { headers: [shownHeader], cells: (value) => [show(value)] };
}

const oneDecimal = (value: number | null) =>
  value === null || !Number.isFinite(value) ? null : roundTo(value, 1);

/**
 * The preview's data as CSV, one row per point, bucket, slice or figure, with a `group` column only
 * when the data is grouped (D1). Values are written as the chart shows them (six decimals; a fraction
 * such as a success rate in percent, `<label>_percent`; pie percentages and stat figures with one
 * decimal), with a full-precision column only where that rounding hides digits. `valueLabel` names
 * the value column ("duration", a metric name). Invalid data gives null (nothing to export). Total.
 */
export function chartDataToCsv(
  data: ChartData,
  valueLabel = 'value',
  format: ValueFormat = 'number',
): string | null {
  const percent = format === 'percent';
  const lineOrBarColumns = (values: readonly (number | null)[]) =>
    valueColumns(
      values,
      percent ? `${valueLabel}_percent` : valueLabel,
      percent ? valueLabel : `${valueLabel}_full_precision`,
      (value) => roundChartValue(value, format),
      percent ? (shown) => shown / 100 : undefined,
    );
  switch (data.kind) {
    case 'line': {
      const grouped = data.points.some((p) => p.group !== undefined);
      const value = lineOrBarColumns(data.points.map((p) => p.value));
      const header = ['call_id', 'timestamp', ...value.headers, ...(grouped ? ['group'] : [])];
      return toCsv([
        header,
        ...data.points.map((p) => [
          p.id,
          p.timestamp,
          ...value.cells(p.value),
          ...(grouped ? [p.group ?? ''] : []),
        ]),
      ]);
    }
    case 'bar': {
      const grouped = data.buckets.some((b) => b.group !== undefined);
      const value = lineOrBarColumns(data.buckets.map((b) => b.value));
      const header = ['time_interval', ...value.headers, 'sample_count', ...(grouped ? ['group'] : [])];
      return toCsv([
        header,
        ...data.buckets.map((b) => [
          b.time_interval,
          ...value.cells(b.value),
          b.sample_count,
          ...(grouped ? [b.group ?? ''] : []),
        ]),
      ]);
    }
    case 'pie': {
      const share = valueColumns(
        data.slices.map((s) => s.percentage),
        'percentage',
        'percentage_full_precision',
        oneDecimal,
      );
      return toCsv([
        ['label', 'value', ...share.headers],
        ...data.slices.map((s) => [s.label, s.value, ...share.cells(s.percentage)]),
      ]);
    }
    case 'stat': {
      const { stat } = data;
      const figures: [string, number | null][] = [
        ['total_calls', stat.total_calls],
        ['success_rate_percent', stat.success_rate],
        ['avg_duration_seconds', stat.avg_duration],
        ['p95_latency_ms', stat.p95_latency],
      ];
      const value = valueColumns(
        figures.map(([, figure]) => figure),
        'value',
        'full_precision',
        oneDecimal,
      );
      return toCsv([
        ['figure', ...value.headers],
        ...figures.map(([name, figure]) => [name, ...value.cells(figure)]),
      ]);
    }
    case 'invalid':
      return null;
  }
}

/** A file name for an export: "avg-duration-per-day.csv"; empty names give "widget.csv". Total. */
export function exportFileName(name: string, extension: 'csv' | 'png' | 'json'): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug === '' ? 'widget' : slug}.${extension}`;
}
