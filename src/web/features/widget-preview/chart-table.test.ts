import { describe, expect, it } from 'vitest';
import type { ChartData } from '../../../contract/widget-data-schema.ts';
import { prepareChartTable, sortTableRows, visibleRowRange, type ChartTable } from './chart-table.ts';

const options = { valueLabel: 'Duration', format: 'number' as const, unit: 'ms', period: 'day' };

/** The table as the screen shows it: headers, then each row's cell texts. */
function texts(table: ChartTable, rows = table.rows): string[][] {
  return [
    table.columns.map((c) => c.label),
    ...rows.map((row) => table.columns.map((c, i) => c.format(row.values[i] ?? null))),
  ];
}

describe('prepareChartTable', () => {
  it('lists per-call line points with time, value in the unit, and call id', () => {
    const data: ChartData = {
      kind: 'line',
      points: [
        { id: 7, timestamp: '2026-01-01T10:00:00Z', value: 1630 },
        { id: 8, timestamp: '2026-01-01T11:30:00Z', value: 1458.2 },
        { id: 9, timestamp: '2026-01-01T12:00:00Z', value: null },
      ],
    };
    expect(texts(prepareChartTable(data, options))).toEqual([
      ['Time (UTC)', 'Duration (ms)', 'Call'],
      ['Jan 1, 2026, 10:00:00', '1,630', '7'],
      ['Jan 1, 2026, 11:30:00', '1,458', '8'],
      ['Jan 1, 2026, 12:00:00', '—', '9'],
    ]);
  });

  it('adds a group column to grouped bars and counts the calls of each bucket', () => {
    const data: ChartData = {
      kind: 'bar',
      buckets: [
        { time_interval: '2026-01-01T00:00:00Z', value: 0.5, sample_count: 4, group: 'EU' },
        { time_interval: '2026-01-02T00:00:00Z', value: 0.8333, sample_count: 6, group: 'US' },
      ],
    };
    const table = prepareChartTable(data, { ...options, valueLabel: 'Success', format: 'percent', unit: '' });
    expect(texts(table)).toEqual([
      ['Day', 'Group', 'Success (%)', 'Calls'],
      ['Jan 1', 'EU', '50%', '4'],
      ['Jan 2', 'US', '83.3%', '6'],
    ]);
    expect(table.columns.map((c) => c.numeric)).toEqual([false, false, true, true]);
  });

  it('shows pie slices with their calls and share, the empty label named', () => {
    const data: ChartData = {
      kind: 'pie',
      slices: [
        { label: 'agent-ended', value: 1200, percentage: 66.666 },
        { label: '', value: 600, percentage: 33.333 },
      ],
    };
    expect(texts(prepareChartTable(data, options))).toEqual([
      ['Category', 'Calls', 'Share'],
      ['agent-ended', '1,200', '66.7%'],
      ['(empty)', '600', '33.3%'],
    ]);
  });

  it('lists stat figures with their own units', () => {
    const data: ChartData = {
      kind: 'stat',
      stat: { total_calls: 12345, success_rate: 87.5, avg_duration: 123.45, p95_latency: null },
    };
    expect(texts(prepareChartTable(data, options))).toEqual([
      ['Figure', 'Value'],
      ['Total calls', '12,345'],
      ['Success rate', '87.5%'],
      ['Average duration', '123 s'],
      ['P95 latency', '—'],
    ]);
  });

  it('gives invalid data no columns and no rows', () => {
    expect(prepareChartTable({ kind: 'invalid', message: 'x' }, options)).toEqual({ columns: [], rows: [] });
  });
});

describe('sortTableRows', () => {
  const data: ChartData = {
    kind: 'line',
    points: [
      { id: 1, timestamp: '2026-01-01T10:00:00Z', value: 20, group: 'b' },
      { id: 2, timestamp: '2026-01-01T11:00:00Z', value: null, group: 'a' },
      { id: 3, timestamp: '2026-01-01T12:00:00Z', value: 5, group: 'c' },
      { id: 4, timestamp: '2026-01-01T13:00:00Z', value: 20, group: 'a' },
    ],
  };
  const table = prepareChartTable(data, options);
  const ids = (rows: readonly ChartTable['rows'][number][]) => rows.map((r) => r.values[3]);

  it.each<[number, 'ascending' | 'descending', unknown[]]>([
    [2, 'ascending', [3, 1, 4, 2]],
    // Missing values stay last in both directions; ties keep their order.
    [2, 'descending', [1, 4, 3, 2]],
    [1, 'ascending', [2, 4, 1, 3]],
    [1, 'descending', [3, 1, 2, 4]],
    [0, 'descending', [4, 3, 2, 1]],
  ])('column %i %s', (column, direction, expected) => {
    expect(ids(sortTableRows(table.rows, { column, direction }))).toEqual(expected);
  });

  it('returns the same rows unsorted, or for a column that does not exist', () => {
    expect(sortTableRows(table.rows, null)).toBe(table.rows);
    expect(sortTableRows(table.rows, { column: 9, direction: 'ascending' })).toBe(table.rows);
  });
});

describe('visibleRowRange', () => {
  it.each([
    { scrollTop: 0, viewport: 300, count: 50_000, range: { start: 0, end: 15 } },
    { scrollTop: 3000, viewport: 300, count: 50_000, range: { start: 95, end: 115 } },
    { scrollTop: 0, viewport: 300, count: 4, range: { start: 0, end: 4 } },
    { scrollTop: 999_999, viewport: 300, count: 100, range: { start: 85, end: 100 } },
    { scrollTop: -40, viewport: 0, count: 100, range: { start: 0, end: 5 } },
  ])(
    'scrolled to $scrollTop of $count rows → $range.start…$range.end',
    ({ scrollTop, viewport, count, range }) => {
      expect(
        visibleRowRange({ scrollTop, viewportHeight: viewport, rowHeight: 30, rowCount: count, overscan: 5 }),
      ).toEqual(range);
    },
  );
});
