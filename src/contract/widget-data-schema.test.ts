import {
  BULK_DATA_MAX_WIDGET_IDS,
  BulkWidgetDataRequestSchema,
  WidgetDataResponseSchema,
  parseChartData,
  type ChartData,
} from './widget-data-schema.ts';

const envelope = (chart_type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  widget_id: 123,
  field_name: 'duration',
  chart_type,
  data,
  aggregation_function: null,
  time_period: null,
  group_by: null,
  metadata: { display_name: 'Duration', data_type: 'numeric', filter_value: null },
  ...extra,
});

// Contract 6.2 example payloads (verbatim).
const LINE = [
  { id: 1, timestamp: '2025-11-03T10:30:00Z', value: 45 },
  { id: 2, timestamp: '2025-11-03T11:15:00Z', value: 62 },
];
const BAR = [
  { time_interval: '2025-11-03T00:00:00Z', value: 4.5, sample_count: 10 },
  { time_interval: '2025-11-04T00:00:00Z', value: 3.2, sample_count: 8 },
];
const PIE = [
  { label: 'customer_ended_call', value: 320, percentage: 45.7 },
  { label: 'agent_ended_call', value: 210, percentage: 30.0 },
  { label: 'timeout', value: 105, percentage: 15.0 },
  { label: 'error', value: 65, percentage: 9.3 },
];
const STAT = { total_calls: 1200, success_rate: 87.5, avg_duration: 64.2, p95_latency: 1830 };

describe('WidgetDataResponseSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['line example', envelope('line', LINE), true],
    ['bar example', envelope('bar', BAR, { aggregation_function: 'avg', time_period: 'day' }), true],
    ['pie example', envelope('pie', PIE), true],
    ['stat object (D3)', envelope('stat', STAT, { field_name: '' }), true],
    [
      'stat with null rates',
      envelope('stat', { ...STAT, success_rate: null, avg_duration: null, p95_latency: null }),
      true,
    ],
    [
      'bulk page sample (contract 6.1)',
      {
        widget_id: 123,
        field_name: '<string>',
        chart_type: '<string>',
        data: [{}],
        aggregation_function: '<string>',
        time_period: '<string>',
        group_by: null,
        metadata: { display_name: '<string>', data_type: 'numeric', filter_value: '<unknown>' },
        can_group_by: false,
      },
      true,
    ],
    ['preview widget_id null (D6)', envelope('line', LINE, { widget_id: null }), true],
    [
      'grouped line (D1)',
      envelope(
        'line',
        LINE.map((p) => ({ ...p, group: 'Agent A' })),
        { group_by: { type: 'field', field: 'agent.id' }, can_group_by: true },
      ),
      true,
    ],
    ['missing metadata', { ...envelope('line', LINE), metadata: undefined }, false],
    [
      'unknown resolved data_type',
      envelope('line', LINE, { metadata: { display_name: 'x', data_type: 'float' } }),
      false,
    ],
    ['data a string', envelope('line', 'nope'), false],
    [
      'stat missing total_calls',
      envelope('stat', { success_rate: 1, avg_duration: 1, p95_latency: 1 }),
      false,
    ],
    ['widget_id a string', envelope('line', LINE, { widget_id: '123' }), false],
  ])('%s parses: %s', (_name, body, ok) => {
    expect(WidgetDataResponseSchema.safeParse(body).success).toBe(ok);
  });
});

describe('parseChartData', () => {
  const parse = (body: unknown): ChartData => parseChartData(WidgetDataResponseSchema.parse(body));
  it.each<[string, unknown, ChartData['kind'], number]>([
    ['line', envelope('line', LINE), 'line', 2],
    ['bar', envelope('bar', BAR), 'bar', 2],
    ['pie', envelope('pie', PIE), 'pie', 4],
    ['stat', envelope('stat', STAT), 'stat', 0],
    [
      'line with bucket group_by answers in the bar shape (D2)',
      envelope('line', BAR, { group_by: { type: 'bucket', interval: 3_600_000 } }),
      'bar',
      2,
    ],
    ['empty pie', envelope('pie', []), 'pie', 0],
    ['empty line', envelope('line', []), 'line', 0],
    [
      'empty bucketed line',
      envelope('line', [], { group_by: { type: 'bucket', interval: 60_000 } }),
      'bar',
      0,
    ],
    ['empty bar', envelope('bar', []), 'bar', 0],
    [
      'bar with a bad sample_count',
      envelope('bar', [{ time_interval: 'x', value: 1, sample_count: 'many' }]),
      'invalid',
      0,
    ],
    ['pie slice without percentage', envelope('pie', [{ label: 'a', value: 1 }]), 'invalid', 0],
    ['unknown item shape', envelope('line', [{ foo: 1 }]), 'invalid', 0],
    ['line with null values (gaps)', envelope('line', [{ id: 1, timestamp: 't', value: null }]), 'line', 1],
  ])('%s → %s', (_name, body, kind, count) => {
    const result = parse(body);
    expect(result.kind).toBe(kind);
    const size =
      result.kind === 'line'
        ? result.points.length
        : result.kind === 'bar'
          ? result.buckets.length
          : result.kind === 'pie'
            ? result.slices.length
            : 0;
    expect(size).toBe(count);
  });

  it('keeps stat values and group labels', () => {
    expect(parse(envelope('stat', STAT))).toEqual({ kind: 'stat', stat: STAT });
    const grouped = parse(
      envelope(
        'bar',
        BAR.map((b) => ({ ...b, group: 'EU' })),
      ),
    );
    expect(grouped.kind === 'bar' ? grouped.buckets.map((b) => b.group) : []).toEqual(['EU', 'EU']);
  });

  it('explains invalid data in a sentence naming the chart', () => {
    expect(parse(envelope('pie', [{ label: 'a', value: 1 }]))).toEqual({
      kind: 'invalid',
      message: 'The pie data did not have the expected shape.',
    });
    expect(parse(envelope('line', [{ foo: 1 }]))).toEqual({
      kind: 'invalid',
      message: 'Unknown data shape for a line chart.',
    });
  });
});

describe('BulkWidgetDataRequestSchema', () => {
  it.each<[unknown, boolean]>([
    [{ widget_ids: [1, 2, 3] }, true],
    [
      {
        widget_ids: [],
        filters: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-7d' }] },
      },
      true,
    ],
    [{ widget_ids: [1], filters: null }, true],
    [{ widget_ids: Array.from({ length: BULK_DATA_MAX_WIDGET_IDS }, (_, i) => i + 1) }, true],
    [{ widget_ids: Array.from({ length: BULK_DATA_MAX_WIDGET_IDS + 1 }, (_, i) => i + 1) }, false],
    [{}, false],
    [{ widget_ids: ['1'] }, false],
    [{ widget_ids: [1.5] }, false],
  ])('%j parses: %s', (body, ok) => {
    expect(BulkWidgetDataRequestSchema.safeParse(body).success).toBe(ok);
  });
});
