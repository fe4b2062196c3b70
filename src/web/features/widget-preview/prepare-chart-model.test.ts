import { describe, expect, it } from 'vitest';
import type { ChartType } from '../../../contract/enums.ts';
import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import { DEFAULT_WIDGET_DISPLAY, type WidgetDisplay } from '../../../contract/widget-display.ts';
import { COLOR_HEX, EMPTY_MESSAGE, LINE_PLOT_INSET_PX, MAX_SERIES, type ChartModel } from './chart-model.ts';
import { prepareChartModel } from './prepare-chart-model.ts';

function response(
  chartType: string,
  data: WidgetDataResponse['data'],
  extra: Partial<WidgetDataResponse> = {},
) {
  return {
    widget_id: 1,
    field_name: 'duration',
    chart_type: chartType,
    data,
    aggregation_function: null,
    time_period: null,
    group_by: null,
    can_group_by: true,
    metadata: { display_name: 'Duration', data_type: 'numeric' as const, filter_value: null },
    ...extra,
  } satisfies WidgetDataResponse;
}

const display: WidgetDisplay = DEFAULT_WIDGET_DISPLAY;
const prepare = (
  r: WidgetDataResponse,
  chartType: ChartType,
  options: Partial<{ display: WidgetDisplay; widthPx: number; comparison: WidgetDataResponse }> = {},
) => prepareChartModel(r, { chartType, display, widthPx: 400, ...options });

function expectKind<K extends ChartModel['kind']>(
  model: ChartModel,
  kind: K,
): Extract<ChartModel, { kind: K }> {
  expect(model.kind).toBe(kind);
  if (model.kind !== kind) throw new Error(`expected ${kind}, got ${model.kind}`);
  return model as Extract<ChartModel, { kind: K }>;
}

const linePoint = (id: number, minute: number, value: number | null, group?: string) => ({
  id,
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  value,
  ...(group === undefined ? {} : { group }),
});

describe('prepareChartModel: empty and invalid', () => {
  it.each([
    { chartType: 'line' as const, data: [] },
    { chartType: 'bar' as const, data: [] },
    { chartType: 'pie' as const, data: [] },
    {
      chartType: 'stat' as const,
      data: { total_calls: 0, success_rate: null, avg_duration: null, p95_latency: null },
    },
  ])('$chartType with no data is empty with guidance', ({ chartType, data }) => {
    expect(prepare(response(chartType, data), chartType)).toEqual({ kind: 'empty', message: EMPTY_MESSAGE });
  });

  it.each([
    { name: 'unknown shape', chartType: 'line' as const, data: [{ foo: 1 }], match: /Unknown data shape/ },
    {
      name: 'malformed line point',
      chartType: 'line' as const,
      data: [{ timestamp: 'x', value: 'big' }],
      match: /expected shape/,
    },
    {
      name: 'pie data for a line chart',
      chartType: 'line' as const,
      data: [{ label: 'a', value: 1, percentage: 100 }],
      match: /line chart received pie data/,
    },
    {
      name: 'line data for a stat chart',
      chartType: 'stat' as const,
      data: [linePoint(1, 0, 3)],
      match: /stat chart received line data/,
    },
    {
      name: 'stat data for a bar chart',
      chartType: 'bar' as const,
      data: { total_calls: 4, success_rate: 50, avg_duration: 3, p95_latency: null },
      match: /bar chart received stat data/,
    },
  ])('$name is invalid with a message', ({ chartType, data, match }) => {
    const model = expectKind(prepare(response(chartType, data), chartType), 'invalid');
    expect(model.message).toMatch(match);
  });
});

describe('prepareChartModel: line', () => {
  it('draws one ungrouped series named after the field, sorted by time, nulls kept as gaps', () => {
    const model = expectKind(
      prepare(response('line', [linePoint(2, 5, 7), linePoint(1, 1, null), linePoint(3, 9, 4)]), 'line'),
      'line',
    );
    expect(model.series).toEqual([
      { key: 's0', label: 'Duration', color: COLOR_HEX.indigo, group: null, comparison: false },
    ]);
    expect(model.rows.map((r) => r.values.s0)).toEqual([null, 7, 4]);
    expect(model.rows.map((r) => r.callIds.s0)).toEqual([1, 2, 3]);
    expect(model.connectNulls).toBe(false);
    expect(model.showLegend).toBe(false);
    expect(model.selectKind).toBe('point');
  });

  it('pivots on group into one series per group with a legend (D1)', () => {
    const data = [linePoint(1, 1, 5, 'Alpha'), linePoint(2, 2, 6, 'Beta'), linePoint(3, 3, 7, 'Alpha')];
    const model = expectKind(
      prepare(response('line', data), 'line', { display: { ...display, color: 'rose' } }),
      'line',
    );
    expect(model.series.map((s) => [s.label, s.group])).toEqual([
      ['Alpha', 'Alpha'],
      ['Beta', 'Beta'],
    ]);
    // Grouped series take their category's colour (category-colors.ts), each its own.
    expect(model.series[0]!.color).not.toBe(model.series[1]!.color);
    expect(model.rows).toHaveLength(3);
    expect(model.rows[1]!.values).toEqual({ s1: 6 });
    expect(model.showLegend).toBe(true);
    expect(model.connectNulls).toBe(true);
  });

  it('hides the legend when the display turns it off', () => {
    const data = [linePoint(1, 1, 5, 'Alpha'), linePoint(2, 2, 6, 'Beta')];
    const model = expectKind(
      prepare(response('line', data), 'line', { display: { ...display, showLegend: false } }),
      'line',
    );
    expect(model.showLegend).toBe(false);
  });

  it(`keeps at most ${MAX_SERIES} series and counts the rest`, () => {
    const data = Array.from({ length: MAX_SERIES + 3 }, (_, i) => linePoint(i, i, i, `g${i}`));
    const model = expectKind(prepare(response('line', data), 'line'), 'line');
    expect(model.series).toHaveLength(MAX_SERIES);
    expect(model.hiddenSeriesCount).toBe(3);
  });

  it.each([
    { n: 50, widthPx: 400, drawn: 50, dots: true, animate: true },
    { n: 150, widthPx: 400, drawn: 150, dots: false, animate: false },
    // One point per pixel of plot: the chart's width less the y axis and margin (LINE_PLOT_INSET_PX).
    { n: 5000, widthPx: 320, drawn: 320 - LINE_PLOT_INSET_PX, dots: false, animate: false },
    { n: 5000, widthPx: 0, drawn: 3, dots: true, animate: true },
  ])(
    '$n points at $widthPx px: $drawn drawn, dots $dots, animate $animate',
    ({ n, widthPx, drawn, dots, animate }) => {
      const data = Array.from({ length: n }, (_, i) => ({
        id: i,
        timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        value: Math.sin(i),
      }));
      const model = expectKind(prepare(response('line', data), 'line', { widthPx }), 'line');
      expect(model.drawnPointCount).toBe(drawn);
      expect(model.rows).toHaveLength(drawn);
      expect(model.sourcePointCount).toBe(n);
      expect(model.showDots).toBe(dots);
      expect(model.animate).toBe(animate);
    },
  );

  it('never draws dots when the display turns points off', () => {
    const model = expectKind(
      prepare(response('line', [linePoint(1, 1, 1)]), 'line', { display: { ...display, showPoints: false } }),
      'line',
    );
    expect(model.showDots).toBe(false);
  });

  it('reads a bucket group_by line from the bar shape (D2)', () => {
    const data = [
      { time_interval: '2026-01-01T01:00:00Z', value: 3, sample_count: 2 },
      { time_interval: '2026-01-01T00:00:00Z', value: 1.5, sample_count: 4 },
    ];
    const model = expectKind(
      prepare(response('line', data, { group_by: { type: 'bucket', interval: 3_600_000 } }), 'line'),
      'line',
    );
    expect(model.selectKind).toBe('bucket');
    expect(model.rows.map((r) => [r.source, r.values.s0])).toEqual([
      ['2026-01-01T00:00:00Z', 1.5],
      ['2026-01-01T01:00:00Z', 3],
    ]);
  });

  it('adds a dashed comparison series', () => {
    const model = expectKind(
      prepare(response('line', [linePoint(1, 1, 5)]), 'line', {
        comparison: response('line', [linePoint(9, 2, 8)]),
      }),
      'line',
    );
    expect(model.series.map((s) => [s.label, s.comparison])).toEqual([
      ['Duration', false],
      ['Comparison', true],
    ]);
    expect(model.rows.map((r) => r.values)).toEqual([{ s0: 5 }, { cmp: 8 }]);
  });
});

describe('prepareChartModel: comparison of a grouped chart', () => {
  const groups = ['EU', 'US', 'APAC', 'LATAM', 'MEA', 'NA'];
  const bucket = (day: number, value: number, group: string) => ({
    time_interval: `2026-01-0${day}T00:00:00Z`,
    value,
    sample_count: 10,
    group,
  });

  it('gives each group a faded twin in its own colour, matched by group, not one merged series', () => {
    const model = expectKind(
      prepare(response('bar', [bucket(1, 5, 'EU'), bucket(1, 7, 'US')]), 'bar', {
        comparison: response('bar', [bucket(1, 4, 'US'), bucket(1, 3, 'EU')]),
      }),
      'bar',
    );
    expect(model.series.map((s) => [s.key, s.label, s.group, s.comparison])).toEqual([
      ['s0', 'EU', 'EU', false],
      ['c0', 'EU (earlier)', 'EU', true],
      ['s1', 'US', 'US', false],
      ['c1', 'US (earlier)', 'US', true],
    ]);
    expect(model.rows[0]?.values).toEqual({ s0: 5, s1: 7, c0: 3, c1: 4 });
    expect(model.series[1]?.color).toBe(model.series[0]?.color);
    expect(model.uncomparedSeriesCount).toBe(0);
  });

  it('twins only the first four groups of a crowded chart and counts the others', () => {
    const data = groups.map((g, i) => bucket(1, i, g));
    const model = expectKind(
      prepare(response('bar', data), 'bar', { comparison: response('bar', data) }),
      'bar',
    );
    expect(model.series.filter((s) => s.comparison).map((s) => s.group)).toEqual([
      'EU',
      'US',
      'APAC',
      'LATAM',
    ]);
    expect(model.uncomparedSeriesCount).toBe(2);
  });

  it('twins grouped lines by group', () => {
    const model = expectKind(
      prepare(response('line', [linePoint(1, 1, 5, 'EU'), linePoint(2, 2, 6, 'US')]), 'line', {
        comparison: response('line', [linePoint(3, 1, 8, 'US'), linePoint(4, 2, 9, 'EU')]),
      }),
      'line',
    );
    expect(model.series.map((s) => [s.key, s.group, s.comparison])).toEqual([
      ['s0', 'EU', false],
      ['c0', 'EU', true],
      ['s1', 'US', false],
      ['c1', 'US', true],
    ]);
    expect(model.rows.map((r) => r.values)).toEqual([
      { s0: 5, c1: 8 },
      { s1: 6, c0: 9 },
    ]);
  });
});

describe('prepareChartModel: bar', () => {
  const bucket = (day: number, value: number | null, count: number, group?: string) => ({
    time_interval: `2026-01-0${day}T00:00:00Z`,
    value,
    sample_count: count,
    ...(group === undefined ? {} : { group }),
  });

  it('labels buckets by time period in UTC and keeps counts', () => {
    const model = expectKind(
      prepare(response('bar', [bucket(2, 4, 10), bucket(1, null, 0)], { time_period: 'day' }), 'bar'),
      'bar',
    );
    expect(model.rows.map((r) => [r.label, r.values.s0, r.counts.s0])).toEqual([
      ['Jan 1', null, 0],
      ['Jan 2', 4, 10],
    ]);
  });

  it.each([
    { period: 'hour', label: 'Jan 1, 00:00' },
    { period: 'week', label: 'Week of Jan 1' },
    { period: 'month', label: 'Jan 2026' },
    { period: 'constructor', label: 'Jan 1, 00:00' },
  ])('labels a $period bucket as "$label"', ({ period, label }) => {
    const model = expectKind(
      prepare(response('bar', [bucket(1, 1, 1)], { time_period: period }), 'bar'),
      'bar',
    );
    expect(model.rows[0]!.label).toBe(label);
  });

  it('pivots groups into one column per group in the same bucket rows', () => {
    const data = [bucket(1, 1, 1, 'A'), bucket(1, 2, 2, 'B'), bucket(2, 3, 3, 'A')];
    const model = expectKind(prepare(response('bar', data, { time_period: 'day' }), 'bar'), 'bar');
    expect(model.series.map((s) => s.label)).toEqual(['A', 'B']);
    expect(model.rows.map((r) => r.values)).toEqual([{ s0: 1, s1: 2 }, { s0: 3 }]);
    expect(model.showLegend).toBe(true);
  });
});

describe('prepareChartModel: value format', () => {
  const bucket = { time_interval: '2026-01-01T00:00:00Z', value: 0.8333333333333334, sample_count: 6 };
  it.each([
    { dataType: 'boolean' as const, aggregation: 'avg', format: 'percent' },
    { dataType: 'boolean' as const, aggregation: 'count', format: 'number' },
    { dataType: 'numeric' as const, aggregation: 'avg', format: 'number' },
    { dataType: 'dynamic' as const, aggregation: null, format: 'number' },
  ])('a $dataType $aggregation is drawn as a $format', ({ dataType, aggregation, format }) => {
    const model = expectKind(
      prepare(
        response('bar', [bucket], {
          aggregation_function: aggregation,
          time_period: 'day',
          metadata: { display_name: 'Success', data_type: dataType, filter_value: null },
        }),
        'bar',
      ),
      'bar',
    );
    expect(model.valueFormat).toBe(format);
  });
});

describe('prepareChartModel: pie', () => {
  it('gives slices with rounded percentages and a total', () => {
    const data = [
      { label: 'customer-ended', value: 2, percentage: 66.666 },
      { label: '', value: 1, percentage: 33.333 },
    ];
    const model = expectKind(prepare(response('pie', data), 'pie'), 'pie');
    expect(model.total).toBe(3);
    expect(model.slices.map((s) => [s.label, s.value, s.percentage])).toEqual([
      ['customer-ended', 2, 66.7],
      ['(empty)', 1, 33.3],
    ]);
    expect(new Set(model.slices.map((s) => s.color)).size).toBe(2);
  });
});

describe('prepareChartModel: stat', () => {
  it.each([
    {
      name: 'all figures',
      stat: { total_calls: 12345, success_rate: 87.5, avg_duration: 123.45, p95_latency: 850 },
      values: ['12,345', '87.5%', '123 s', '850 ms'],
    },
    {
      name: 'nulls as dashes',
      stat: { total_calls: 3, success_rate: null, avg_duration: null, p95_latency: null },
      values: ['3', '—', '—', '—'],
    },
  ])('formats $name with units (D3)', ({ stat, values }) => {
    const model = expectKind(prepare(response('stat', stat), 'stat'), 'stat');
    expect(model.figures.map((f) => f.label)).toEqual([
      'Total calls',
      'Success rate',
      'Average duration',
      'P95 latency',
    ]);
    expect(model.figures.map((f) => f.value)).toEqual(values);
    expect(model.figures.every((f) => f.previous === null)).toBe(true);
  });

  it('adds previous figures from a comparison', () => {
    const stat = { total_calls: 10, success_rate: 50, avg_duration: 1, p95_latency: 2 };
    const previous = { total_calls: 8, success_rate: 25, avg_duration: null, p95_latency: 2 };
    const model = expectKind(
      prepare(response('stat', stat), 'stat', { comparison: response('stat', previous) }),
      'stat',
    );
    expect(model.figures.map((f) => f.previous)).toEqual(['8', '25%', '—', '2 ms']);
  });
});

describe('prepareChartModel: value axis', () => {
  const bucket = (day: number, value: number | null, group?: string) => ({
    time_interval: new Date(Date.UTC(2026, 0, day)).toISOString(),
    value,
    sample_count: 3,
    ...(group === undefined ? {} : { group }),
  });

  it.each([
    {
      name: 'bar counts up to 2,200',
      chartType: 'bar' as const,
      data: [bucket(1, 550), bucket(2, 2200, 'a'), bucket(2, 1100, 'b')],
      ticks: [0, 500, 1000, 1500, 2000, 2500],
    },
    {
      name: 'line of 0–1 scores',
      chartType: 'line' as const,
      data: [linePoint(1, 0, 0.3), linePoint(2, 1, 0.9), linePoint(3, 2, null)],
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
    },
  ])('$name get round ticks', ({ chartType, data, ticks }) => {
    const model = prepare(response(chartType, data), chartType);
    if (model.kind !== 'line' && model.kind !== 'bar') throw new Error(model.kind);
    expect(model.valueTicks).toEqual(ticks);
  });

  it('a 0–1 rate reads as a percentage on a 0–100% axis, with "%" as its unit', () => {
    const rate = response('bar', [bucket(1, 0.25), bucket(2, 0.83)], {
      aggregation_function: 'avg',
      metadata: { display_name: 'Success', data_type: 'boolean', filter_value: null },
    });
    const model = expectKind(prepare(rate, 'bar'), 'bar');
    expect(model.valueTicks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(model.axisUnit).toBe('%');
  });

  it('the axis names the display unit', () => {
    const model = expectKind(
      prepare(response('bar', [bucket(1, 850)]), 'bar', { display: { ...display, unit: 'ms' } }),
      'bar',
    );
    expect(model.axisUnit).toBe('ms');
  });
});
