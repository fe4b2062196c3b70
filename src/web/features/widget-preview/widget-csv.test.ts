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
    [
      'float noise is rounded away, with no extra column (it adds nothing)',
      {
        kind: 'bar',
        buckets: [
          { time_interval: 'd1', value: 1423.3999999999999, sample_count: 5 },
          { time_interval: 'd2', value: 0.30000000000000004, sample_count: 2 },
        ],
      },
      'time_interval,duration,sample_count\r\nd1,1423.4,5\r\nd2,0.3,2\r\n',
    ],
    [
      'more digits than the chart shows: rounded like the chart, the full value beside it',
      {
        kind: 'line',
        points: [
          { id: 1, timestamp: 't1', value: 212.33333333333334 },
          { id: 2, timestamp: 't2', value: 12 },
        ],
      },
      'call_id,timestamp,duration,duration_full_precision\r\n1,t1,212.333333,212.333333333333\r\n2,t2,12,12\r\n',
    ],
    [
      'pie percentages as the legend shows them (one decimal)',
      {
        kind: 'pie',
        slices: [
          { label: 'a', value: 2, percentage: 66.66666666666667 },
          { label: 'b', value: 1, percentage: 33.333333333333336 },
        ],
      },
      'label,value,percentage,percentage_full_precision\r\na,2,66.7,66.6666666666667\r\nb,1,33.3,33.3333333333333\r\n',
    ],
    [
      'stat figures as the card shows them (one decimal)',
      {
        kind: 'stat',
        stat: { total_calls: 6, success_rate: 83.33333333333333, avg_duration: 201.5, p95_latency: null },
      },
      'figure,value,full_precision\r\ntotal_calls,6,6\r\nsuccess_rate_percent,83.3,83.3333333333333\r\navg_duration_seconds,201.5,201.5\r\np95_latency_ms,,\r\n',
    ],
  ];
  it.each(cases)('%s', (_name, data, csv) => {
    expect(chartDataToCsv(data, 'duration')).toBe(csv);
  });

  it('writes a success rate (avg of a boolean) in percent, as the chart shows it', () => {
    const data: ChartData = {
      kind: 'bar',
      buckets: [
        { time_interval: 'd1', value: 0.8333333333333334, sample_count: 6, group: 'A' },
        { time_interval: 'd1', value: 0.5, sample_count: 2, group: 'B' },
      ],
    };
    expect(chartDataToCsv(data, 'success', 'percent')).toBe(
      'time_interval,success_percent,success,sample_count,group\r\n' +
        'd1,83.3,0.833333333333333,6,A\r\nd1,50,0.5,2,B\r\n',
    );
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
