import type { ChartData } from '../../../contract/widget-data-schema.ts';
import { chartDataToCsv, csvCell, exportFileName } from './widget-csv.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['-1+1', "'-1+1"],
    [-1.5, '-1.5'],
    [0, '0'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('chartDataToCsv', () => {
  const cases: [string, ChartData, string | null][] = [
    [
      'line',
      { kind: 'line', points: [{ id: 7, timestamp: '2026-01-01T00:00:00Z', value: 12.5 }] },
      'call_id,timestamp,duration\r\n7,2026-01-01T00:00:00Z,12.5\r\n',
    ],
    [
      'grouped line with a null value',
      {
        kind: 'line',
        points: [
          { id: 1, timestamp: 't1', value: null, group: 'Agent, A' },
          { id: 2, timestamp: 't2', value: 3 },
        ],
      },
      'call_id,timestamp,duration,group\r\n1,t1,,"Agent, A"\r\n2,t2,3,\r\n',
    ],
    [
      'bar',
      { kind: 'bar', buckets: [{ time_interval: 'd1', value: 4, sample_count: 10 }] },
      'time_interval,duration,sample_count\r\nd1,4,10\r\n',
    ],
    [
      'pie',
      { kind: 'pie', slices: [{ label: '=evil', value: 3, percentage: 100 }] },
      "label,value,percentage\r\n'=evil,3,100\r\n",
    ],
    [
      'stat',
      { kind: 'stat', stat: { total_calls: 5, success_rate: 80, avg_duration: null, p95_latency: 120 } },
      'figure,value\r\ntotal_calls,5\r\nsuccess_rate_percent,80\r\navg_duration_seconds,\r\np95_latency_ms,120\r\n',
    ],
    ['invalid', { kind: 'invalid', message: 'x' }, null],
  ];
  it.each(cases)('%s', (_name, data, csv) => {
    expect(chartDataToCsv(data, 'duration')).toBe(csv);
  });
});

describe('exportFileName', () => {
  it.each([
    ['Avg duration / day', 'csv', 'avg-duration-day.csv'],
    ['', 'png', 'widget.png'],
    ['***', 'json', 'widget.json'],
  ] as const)('%s', (name, ext, file) => {
    expect(exportFileName(name, ext)).toBe(file);
  });
});
