import type { ChartData } from '../../../contract/widget-data-schema.ts';
import { formatNumber } from '../../lib/format.ts';
import {
  formatBucketLabel,
  formatChartValue,
  formatPointTime,
  NULL_FIGURE,
  type ValueFormat,
} from './format-chart-value.ts';

/** A raw cell: what the rows are sorted by; the column turns it into text only when it is drawn. */
export type TableValue = number | string | null;

export interface TableColumn {
  key: string;
  /** The header, with the chart's unit: "Duration (ms)". */
  label: string;
  /** Numbers align right and sort numerically. */
  numeric: boolean;
  format: (value: TableValue) => string;
}

export interface TableRow {
  key: string;
  values: TableValue[];
}

/** The chart's data as a table: what the Table view draws (rows are formatted lazily, see `TableColumn`). */
export interface ChartTable {
  columns: TableColumn[];
  rows: TableRow[];
}

export interface ChartTableOptions {
  /** The value's name, e.g. "Duration" or a metric name. */
  valueLabel: string;
  format: ValueFormat;
  /** The widget's display unit ("ms"); a fraction's unit is "%". */
  unit: string;
  /** The bucket size of bar data ("day"), which names its first column. */
  period: string | null;
}

const PERIOD_HEADERS: Record<string, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

const asText = (value: TableValue): string => (value === null ? NULL_FIGURE : String(value));
const asNumber = (value: TableValue): string =>
  typeof value === 'number' ? formatNumber(value) : asText(value);

/**
 * The same data a chart draws, as a table with the chart's units: every per-call point of a line
 * (time, group, value, call; not downsampled), every bucket of a bar (with its call count), every pie
 * slice with its share, every stat figure. Values stay raw for sorting; each column formats them with
 * the app's one number format. Invalid data gives an empty table. Pure and total.
 */
export function prepareChartTable(data: ChartData, options: ChartTableOptions): ChartTable {
  const valueUnit = options.format === 'percent' ? '%' : options.unit;
  const value: TableColumn = {
    key: 'value',
    label: valueUnit === '' ? options.valueLabel : `${options.valueLabel} (${valueUnit})`,
    numeric: true,
    format: (v) => (typeof v === 'number' ? formatChartValue(v, options.format) : asText(v)),
  };
  const group: TableColumn = { key: 'group', label: 'Group', numeric: false, format: asText };
  switch (data.kind) {
    case 'line': {
      const grouped = data.points.some((p) => p.group !== undefined);
      const time: TableColumn = {
        key: 'time',
        label: 'Time (UTC)',
        numeric: false,
        format: (v) => (typeof v === 'number' && Number.isFinite(v) ? formatPointTime(v) : asText(v)),
      };
      const call: TableColumn = { key: 'call', label: 'Call', numeric: true, format: asText };
      return {
        columns: grouped ? [time, group, value, call] : [time, value, call],
        rows: data.points.map((p, i) => {
          const at = Date.parse(p.timestamp);
          const when = Number.isNaN(at) ? p.timestamp : at;
          return {
            key: `r${i}`,
            values: grouped ? [when, p.group ?? null, p.value, p.id] : [when, p.value, p.id],
          };
        }),
      };
    }
    case 'bar': {
      const grouped = data.buckets.some((b) => b.group !== undefined);
      const labels = new Map<number, string>();
      const bucket: TableColumn = {
        key: 'bucket',
        label: (options.period !== null && PERIOD_HEADERS[options.period]) || 'Period',
        numeric: false,
        format: (v) => (typeof v === 'number' ? (labels.get(v) ?? NULL_FIGURE) : asText(v)),
      };
      const calls: TableColumn = { key: 'calls', label: 'Calls', numeric: true, format: asNumber };
      return {
        columns: grouped ? [bucket, group, value, calls] : [bucket, value, calls],
        rows: data.buckets.map((b, i) => {
          const at = Date.parse(b.time_interval);
          if (!Number.isNaN(at)) labels.set(at, formatBucketLabel(b.time_interval, options.period));
          const when = Number.isNaN(at) ? b.time_interval : at;
          return {
            key: `r${i}`,
            values: grouped
              ? [when, b.group ?? null, b.value, b.sample_count]
              : [when, b.value, b.sample_count],
          };
        }),
      };
    }
    case 'pie':
      return {
        columns: [
          { key: 'label', label: 'Category', numeric: false, format: asText },
          { key: 'calls', label: 'Calls', numeric: true, format: asNumber },
          {
            key: 'share',
            label: 'Share',
            numeric: true,
            format: (v) => (typeof v === 'number' ? formatNumber(v, '%') : asText(v)),
          },
        ],
        rows: data.slices.map((s, i) => ({
          key: `r${i}`,
          values: [s.label === '' ? '(empty)' : s.label, s.value, s.percentage],
        })),
      };
    case 'stat': {
      const { stat } = data;
      const figures: [string, number | null, string][] = [
        ['Total calls', stat.total_calls, ''],
        ['Success rate', stat.success_rate, '%'],
        ['Average duration', stat.avg_duration, 's'],
        ['P95 latency', stat.p95_latency, 'ms'],
      ];
      return {
        columns: [
          { key: 'figure', label: 'Figure', numeric: false, format: asText },
          // Each figure has its own unit: the text is made here, once (four rows).
          { key: 'value', label: 'Value', numeric: true, format: asText },
        ],
        rows: figures.map(([label, figure, unit], i) => ({
          key: `r${i}`,
          values: [label, figure === null ? null : formatNumber(figure, unit)],
        })),
      };
    }
    case 'invalid':
      return { columns: [], rows: [] };
  }
}

export interface TableSort {
  column: number;
  direction: 'ascending' | 'descending';
}

/**
 * The rows ordered by one column: numbers numerically, text in natural order, missing values last in
 * either direction, ties in their original order. No sort, or a column that does not exist, returns
 * the same array. Pure.
 */
export function sortTableRows(rows: readonly TableRow[], sort: TableSort | null): readonly TableRow[] {
  if (sort === null || rows.every((row) => row.values.length <= sort.column)) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { column } = sort;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row.values[column] ?? null;
      const y = b.row.values[column] ?? null;
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'en', { numeric: true });
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}

export interface RowWindow {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows drawn beyond each edge of the viewport, so a fast scroll never shows a blank. */
  overscan: number;
}

/**
 * Which rows of a long table to draw (`start` inclusive, `end` exclusive): those in the viewport and
 * `overscan` more on each side. A 50,000-point line then draws a few dozen rows. Pure and total.
 */
export function visibleRowRange(window: RowWindow): { start: number; end: number } {
  const { rowHeight, rowCount, overscan } = window;
  const viewport = Math.max(0, window.viewportHeight);
  const maxTop = Math.max(0, rowCount * rowHeight - viewport);
  const top = Math.min(Math.max(0, window.scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + viewport) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(rowCount, last + overscan) };
}
