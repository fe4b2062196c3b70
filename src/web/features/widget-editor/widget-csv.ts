import type { ChartData } from '../../../contract/widget-data-schema.ts';

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
 * The preview's data as CSV, one row per point, bucket, slice or figure, with a `group` column only
 * when the data is grouped (D1). `valueLabel` names the value column ("duration", a metric name).
 * Invalid data gives null (nothing to export). Total.
 */
export function chartDataToCsv(data: ChartData, valueLabel = 'value'): string | null {
  switch (data.kind) {
    case 'line': {
      const grouped = data.points.some((p) => p.group !== undefined);
      const header = ['call_id', 'timestamp', valueLabel, ...(grouped ? ['group'] : [])];
      return toCsv([
        header,
        ...data.points.map((p) => [p.id, p.timestamp, p.value, ...(grouped ? [p.group ?? ''] : [])]),
      ]);
    }
    case 'bar': {
      const grouped = data.buckets.some((b) => b.group !== undefined);
      const header = ['time_interval', valueLabel, 'sample_count', ...(grouped ? ['group'] : [])];
      return toCsv([
        header,
        ...data.buckets.map((b) => [
          b.time_interval,
          b.value,
          b.sample_count,
          ...(grouped ? [b.group ?? ''] : []),
        ]),
      ]);
    }
    case 'pie':
      return toCsv([
        ['label', 'value', 'percentage'],
        ...data.slices.map((s) => [s.label, s.value, s.percentage]),
      ]);
    case 'stat':
      return toCsv([
        ['figure', 'value'],
        ['total_calls', data.stat.total_calls],
        ['success_rate_percent', data.stat.success_rate],
        ['avg_duration_seconds', data.stat.avg_duration],
        ['p95_latency_ms', data.stat.p95_latency],
      ]);
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
