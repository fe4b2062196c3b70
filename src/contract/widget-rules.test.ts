import fc from 'fast-check';
import type { ChartType } from './enums.ts';
import type { Metric } from './metric-schema.ts';
import {
  allowedAggregations,
  allowedChartTypes,
  chartTypeUnavailableReason,
  checkWidget,
  mergeWidgetPatch,
  normalizeGroupBy,
  plottableFields,
  resolveDataType,
} from './widget-rules.ts';

const metric = (id: number, eval_type: Metric['eval_type']): Metric => ({ id, name: `m${id}`, eval_type });
const NUMERIC = metric(1, 'numeric');
const ENUM = metric(2, 'enum');
const BINARY = metric(3, 'binary');
const QUALITATIVE = metric(4, 'continuous_qualitative');
const METRICS = [NUMERIC, ENUM, BINARY, QUALITATIVE];

describe('resolveDataType', () => {
  it.each<[string, Metric | null, string | null]>([
    ['duration', null, 'numeric'],
    ['success', null, 'boolean'],
    ['is_reviewed', null, 'boolean'],
    ['call_ended_reason', null, 'string'],
    ['agent_id', null, 'numeric'],
    ['metadata.region', null, 'string'],
    ['timestamp', null, 'datetime'],
    ['metric_evaluations.value', null, 'dynamic'],
    ['metric_evaluations.value', NUMERIC, 'numeric'],
    ['metric_evaluations.value', ENUM, 'string'],
    ['metric_evaluations.value', BINARY, 'boolean'],
    ['metric_evaluations.value', QUALITATIVE, 'numeric'],
    ['', null, null],
    ['nope', null, null],
    ['metadata.a.b', null, null],
  ])('%s with metric %j is %s', (field, m, expected) => {
    expect(resolveDataType(field, m)).toBe(expected);
  });
});

describe('allowedChartTypes', () => {
  it.each<[string, Metric | null, ChartType[]]>([
    ['', null, ['line', 'bar', 'pie', 'stat']],
    ['duration', null, ['line', 'bar']],
    ['agent_id', null, ['line', 'bar']],
    ['success', null, ['bar', 'pie']],
    ['topic', null, ['bar', 'pie']],
    ['metadata.org_name', null, ['bar', 'pie']],
    ['metric_evaluations.value', null, ['line', 'bar', 'pie']],
    ['metric_evaluations.value', NUMERIC, ['line', 'bar', 'pie']],
    ['metric_evaluations.value', QUALITATIVE, ['line', 'bar', 'pie']],
    ['metric_evaluations.value', BINARY, ['bar', 'pie']],
    ['metric_evaluations.value', ENUM, ['pie']],
    ['timestamp', null, []],
    ['agent.id', null, []],
    ['nope', null, []],
    ['metadata.a.b', null, []],
  ])('%s with %j', (field, m, expected) => {
    expect([...allowedChartTypes(field, m)].sort()).toEqual([...expected].sort());
  });
});

describe('chartTypeUnavailableReason', () => {
  it.each<[ChartType, string, Metric | null, string | null]>([
    ['pie', 'duration', null, 'Pie needs a boolean or text field; Duration is numeric.'],
    ['line', 'success', null, 'Line needs a numeric or date-time field; Success is boolean.'],
    ['line', 'topic', null, 'Line needs a numeric or date-time field; Topic is text.'],
    ['bar', 'topic', null, null],
    ['line', '', null, null],
    ['stat', '', null, null],
    [
      'stat',
      'duration',
      null,
      'Stat widgets summarise all calls and take no field; clear the field to use Stat.',
    ],
    ['line', 'metric_evaluations.value', ENUM, 'Enum metrics can only be shown as a pie chart.'],
    ['line', 'metric_evaluations.value', BINARY, 'Binary metrics can only be shown as pie or bar charts.'],
    ['pie', 'metric_evaluations.value', NUMERIC, null],
    ['line', 'timestamp', null, 'Call time (timestamp) can be filtered on but not plotted.'],
    ['line', 'agent.id', null, 'Plot agent_id instead: agent.id is the name used in filters.'],
    ['pie', 'nope', null, "Unknown field 'nope'."],
    [
      'pie',
      'metadata.a.b',
      null,
      'Nested metadata keys are not supported; use a top-level key such as metadata.region.',
    ],
  ])('%s of %s (%j)', (chart, field, m, expected) => {
    expect(chartTypeUnavailableReason(chart, field, m)).toBe(expected);
  });
});

describe('allowedAggregations', () => {
  it.each<[string, Metric | null, string[]]>([
    ['duration', null, ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p95', 'p99']],
    ['success', null, ['count', 'avg']],
    ['topic', null, ['count']],
    ['metadata.region', null, ['count']],
    ['metric_evaluations.value', BINARY, ['count', 'avg']],
    ['metric_evaluations.value', ENUM, ['count']],
    ['metric_evaluations.value', null, ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p95', 'p99']],
    ['', null, []],
    ['nope', null, []],
  ])('%s with %j', (field, m, expected) => {
    expect(allowedAggregations(field, m)).toEqual(expected);
  });
});

describe('plottableFields', () => {
  it.each<[ChartType, string[]]>([
    ['line', ['duration', 'agent_id', 'metric_evaluations.value']],
    [
      'bar',
      [
        'duration',
        'success',
        'is_reviewed',
        'call_ended_reason',
        'dropoff_point',
        'topic',
        'agent_id',
        'metadata.*',
        'metric_evaluations.value',
      ],
    ],
    [
      'pie',
      [
        'success',
        'is_reviewed',
        'call_ended_reason',
        'dropoff_point',
        'topic',
        'metadata.*',
        'metric_evaluations.value',
      ],
    ],
    ['stat', []],
  ])('%s', (chart, expected) => {
    expect(plottableFields(chart).map((spec) => spec.field)).toEqual(expected);
  });
});

describe('normalizeGroupBy', () => {
  it.each<[unknown, unknown]>([
    [null, null],
    [undefined, null],
    [{}, null],
    [
      { type: 'field', field: 'agent.id' },
      { type: 'field', field: 'agent.id' },
    ],
    [
      { type: 'bucket', interval: 3_600_000 },
      { type: 'bucket', interval: 3_600_000 },
    ],
    [{ type: 'bucket' }, null],
    [{ type: 'other' }, null],
    ['agent.id', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeGroupBy(input)).toEqual(expected);
  });
});

describe('mergeWidgetPatch', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    [
      'replaces present keys',
      { chart_type: 'line', field: 'duration' },
      { field: 'agent_id' },
      { chart_type: 'line', field: 'agent_id' },
    ],
    ['keeps absent keys', { chart_type: 'bar', name: 'A' }, {}, { chart_type: 'bar', name: 'A' }],
    ['null clears', { chart_type: 'bar', name: 'A' }, { name: null }, { chart_type: 'bar', name: null }],
    [
      'metadata replaced whole',
      { metadata: { layout: { x: 1 }, theirs: 1 } },
      { metadata: { layout: { x: 2 } } },
      { metadata: { layout: { x: 2 } } },
    ],
    [
      'read-only keys ignored',
      { id: 5, chart_type: 'pie' },
      { id: 9, created_at: 'x', effective_filters: null, chart_type: 'bar' },
      { id: 5, chart_type: 'bar' },
    ],
  ])('%s', (_name, stored, patch, expected) => {
    expect(mergeWidgetPatch(stored, patch)).toEqual(expected);
  });
});

const ts = { field: 'timestamp', op: 'gte', value: 'now-7d' };

describe('checkWidget: valid widgets', () => {
  it.each<[string, Record<string, unknown>]>([
    ['line of duration', { chart_type: 'line', field: 'duration' }],
    ['pie of ended reason', { chart_type: 'pie', field: 'call_ended_reason' }],
    [
      'contract bar example',
      { chart_type: 'bar', field: 'duration', aggregation_function: 'count', time_period: 'day' },
    ],
    ['stat with empty field', { chart_type: 'stat', field: '' }],
    ['stat without field', { chart_type: 'stat' }],
    [
      'stat ignores aggregation and period',
      { chart_type: 'stat', field: '', aggregation_function: null, time_period: '' },
    ],
    [
      'bar p95 of duration',
      { chart_type: 'bar', field: 'duration', aggregation_function: 'p95', time_period: 'hour' },
    ],
    [
      'bar avg of success',
      { chart_type: 'bar', field: 'success', aggregation_function: 'avg', time_period: 'week' },
    ],
    [
      'bar with bucket and no period',
      {
        chart_type: 'bar',
        field: 'duration',
        aggregation_function: 'max',
        group_by: { type: 'bucket', interval: 60_000 },
      },
    ],
    [
      'line with bucket',
      {
        chart_type: 'line',
        field: 'duration',
        aggregation_function: 'avg',
        group_by: { type: 'bucket', interval: 3_600_000 },
      },
    ],
    [
      'line grouped by agent',
      { chart_type: 'line', field: 'duration', group_by: { type: 'field', field: 'agent.id' } },
    ],
    [
      'bar grouped by metadata',
      {
        chart_type: 'bar',
        field: 'duration',
        aggregation_function: 'sum',
        time_period: 'month',
        group_by: { type: 'field', field: 'metadata.region' },
      },
    ],
    ['empty group_by object', { chart_type: 'line', field: 'duration', group_by: {} }],
    ['metadata field pie', { chart_type: 'pie', field: 'metadata.org_name' }],
    ['numeric metric line', { chart_type: 'line', field: 'metric_evaluations.value', metric: 1 }],
    ['numeric metric pie (D22)', { chart_type: 'pie', field: 'metric_evaluations.value', metric: 1 }],
    ['enum metric pie', { chart_type: 'pie', field: 'metric_evaluations.value', metric: 2 }],
    [
      'binary metric bar avg',
      {
        chart_type: 'bar',
        field: 'metric_evaluations.value',
        metric: 3,
        aggregation_function: 'avg',
        time_period: 'day',
      },
    ],
    ['qualitative metric line', { chart_type: 'line', field: 'metric_evaluations.value', metric: 4 }],
    ['consistent data_type', { chart_type: 'line', field: 'duration', data_type: 'numeric' }],
    [
      'dynamic data_type on a metric',
      { chart_type: 'pie', field: 'metric_evaluations.value', metric: 2, data_type: 'dynamic' },
    ],
    [
      'resolved data_type on a metric',
      { chart_type: 'pie', field: 'metric_evaluations.value', metric: 2, data_type: 'string' },
    ],
    ['empty data_type', { chart_type: 'line', field: 'duration', data_type: '' }],
    ['aggregation ignored on a pie', { chart_type: 'pie', field: 'topic', aggregation_function: 'sum' }],
    [
      'with filters',
      { chart_type: 'line', field: 'duration', filters: { operator: 'and', conditions: [ts] } },
    ],
    [
      'with null filters and metadata',
      { chart_type: 'line', field: 'duration', filters: null, metadata: null },
    ],
    [
      'with layout metadata',
      {
        chart_type: 'line',
        field: 'duration',
        metadata: { layout: { x: 0, y: 0, w: 6, h: 4 }, theirs: [1] },
      },
    ],
    ['name of 255', { chart_type: 'stat', name: 'n'.repeat(255) }],
    [
      'read-only and unknown keys ignored',
      { chart_type: 'stat', id: 'x', effective_filters: 5, created_at: 1, extra: true },
    ],
    ['existing metric left on a non-metric field', { chart_type: 'line', field: 'duration', metric: 2 }],
  ])('%s', (_name, widget) => {
    expect(checkWidget(widget, { metrics: METRICS })).toBeNull();
  });
});

describe('checkWidget: errors', () => {
  it.each<[string, unknown, Record<string, string[]>]>([
    ['not an object', 'line', { non_field_errors: ['Invalid data: expected a widget object.'] }],
    ['an array', [], { non_field_errors: ['Invalid data: expected a widget object.'] }],
    [
      'no chart_type',
      { field: 'duration' },
      { chart_type: ['Choose a chart type: line, bar, pie or stat.'] },
    ],
    [
      'list chart (D4)',
      { chart_type: 'list', field: 'topic' },
      { chart_type: ["'list' is not a chart type; use line, bar, pie or stat."] },
    ],
    [
      'numeric chart type',
      { chart_type: 3 },
      { chart_type: ['That value is not a chart type; use line, bar, pie or stat.'] },
    ],
    ['line without field', { chart_type: 'line' }, { field: ['Choose a field to plot on the line chart.'] }],
    [
      'pie with empty field',
      { chart_type: 'pie', field: '' },
      { field: ['Choose a field to plot on the pie chart.'] },
    ],
    [
      'stat with a field',
      { chart_type: 'stat', field: 'duration' },
      { field: ['Stat widgets summarise all calls and take no field; leave the field empty.'] },
    ],
    ['field not text', { chart_type: 'line', field: 5 }, { field: ['The field must be text.'] }],
    [
      'field too long',
      { chart_type: 'line', field: 'f'.repeat(256) },
      { field: ['The field may be at most 255 characters long.'] },
    ],
    ['unknown field', { chart_type: 'line', field: 'nope' }, { field: ["Unknown field 'nope'."] }],
    [
      'filter-only field',
      { chart_type: 'line', field: 'timestamp' },
      { field: ['Call time (timestamp) can be filtered on but not plotted.'] },
    ],
    [
      'agent.id plotted',
      { chart_type: 'line', field: 'agent.id' },
      { field: ['Plot agent_id instead: agent.id is the name used in filters.'] },
    ],
    [
      'nested metadata',
      { chart_type: 'pie', field: 'metadata.a.b' },
      { field: ['Nested metadata keys are not supported; use a top-level key such as metadata.region.'] },
    ],
    [
      'bad metadata key',
      { chart_type: 'pie', field: 'metadata.a-b' },
      {
        field: [
          'Metadata keys may use letters, digits and underscores, starting with a letter or underscore.',
        ],
      },
    ],
    [
      'pie of a numeric field',
      { chart_type: 'pie', field: 'duration' },
      { field: ['Pie needs a boolean or text field; Duration is numeric.'] },
    ],
    [
      'line of a string field',
      { chart_type: 'line', field: 'metadata.region' },
      { field: ['Line needs a numeric or date-time field; Metadata: region is text.'] },
    ],
    [
      'metric value without metric',
      { chart_type: 'line', field: 'metric_evaluations.value' },
      { metric: ['Choose a metric: a metric value widget needs one.'] },
    ],
    [
      'unknown metric on any field (a DRF foreign key)',
      { chart_type: 'line', field: 'duration', metric: 99 },
      { metric: ['Metric 99 does not exist or is not available to this project.'] },
    ],
    [
      'unknown metric',
      { chart_type: 'line', field: 'metric_evaluations.value', metric: 42 },
      { metric: ['Metric 42 does not exist or is not available to this project.'] },
    ],
    [
      'metric not an id',
      { chart_type: 'line', field: 'metric_evaluations.value', metric: '1' },
      { metric: ['The metric must be given by its numeric id.'] },
    ],
    [
      'enum metric on a line (D22)',
      { chart_type: 'line', field: 'metric_evaluations.value', metric: 2 },
      { metric: ['Enum metrics can only be shown as a pie chart.'] },
    ],
    [
      'binary metric on a line (D22)',
      { chart_type: 'line', field: 'metric_evaluations.value', metric: 3 },
      { metric: ['Binary metrics can only be shown as pie or bar charts.'] },
    ],
    [
      'bar without aggregation and period',
      { chart_type: 'bar', field: 'duration' },
      {
        aggregation_function: ['Choose an aggregation for the bar chart, e.g. count.'],
        time_period: ['Choose a time period for the bar chart (or group it into time buckets).'],
      },
    ],
    [
      'bar with empty-string choices',
      { chart_type: 'bar', field: 'duration', aggregation_function: '', time_period: '' },
      {
        aggregation_function: ['Choose an aggregation for the bar chart, e.g. count.'],
        time_period: ['Choose a time period for the bar chart (or group it into time buckets).'],
      },
    ],
    [
      'sum of booleans',
      { chart_type: 'bar', field: 'success', aggregation_function: 'sum', time_period: 'day' },
      { aggregation_function: ['Sum does not apply to boolean values; use count or average.'] },
    ],
    [
      'percentile of text',
      { chart_type: 'bar', field: 'topic', aggregation_function: 'p95', time_period: 'day' },
      { aggregation_function: ['95th Percentile does not apply to text values; use count.'] },
    ],
    [
      'min of an enum metric',
      {
        chart_type: 'bar',
        field: 'metric_evaluations.value',
        metric: 3,
        aggregation_function: 'min',
        time_period: 'day',
      },
      { aggregation_function: ['Minimum does not apply to boolean values; use count or average.'] },
    ],
    [
      'sum on a bucketed line of a binary metric',
      {
        chart_type: 'line',
        field: 'success',
        aggregation_function: 'sum',
        group_by: { type: 'bucket', interval: 60_000 },
      },
      {
        field: ['Line needs a numeric or date-time field; Success is boolean.'],
        aggregation_function: ['Sum does not apply to boolean values; use count or average.'],
      },
    ],
    [
      'unknown aggregation',
      { chart_type: 'bar', field: 'duration', aggregation_function: 'median', time_period: 'day' },
      {
        aggregation_function: [
          "'median' is not a valid aggregation; use count, sum, avg, min, max, p50, p95 or p99.",
        ],
      },
    ],
    [
      'unknown time period',
      { chart_type: 'bar', field: 'duration', aggregation_function: 'count', time_period: 'year' },
      { time_period: ["'year' is not a valid time period; use hour, day, week or month."] },
    ],
    [
      'unknown data_type',
      { chart_type: 'line', field: 'duration', data_type: 'float' },
      { data_type: ["'float' is not a valid data type; use numeric, boolean, string, datetime or dynamic."] },
    ],
    [
      'inconsistent data_type',
      { chart_type: 'line', field: 'duration', data_type: 'string' },
      { data_type: ['The data type of duration is numeric, not string.'] },
    ],
    [
      'dynamic data_type on a plain field',
      { chart_type: 'pie', field: 'topic', data_type: 'dynamic' },
      { data_type: ['The data type of topic is string, not dynamic.'] },
    ],
    [
      'group_by a string',
      { chart_type: 'line', field: 'duration', group_by: 'agent.id' },
      {
        group_by: [
          'Group by must be {"type": "field", "field": …} or {"type": "bucket", "interval": …}, or empty.',
        ],
      },
    ],
    [
      'group_by unknown type',
      { chart_type: 'line', field: 'duration', group_by: { type: 'day' } },
      {
        group_by: [
          'Group by must be {"type": "field", "field": …} or {"type": "bucket", "interval": …}, or empty.',
        ],
      },
    ],
    [
      'group_by field missing',
      { chart_type: 'line', field: 'duration', group_by: { type: 'field' } },
      { group_by: ['Choose a field to group by.'] },
    ],
    [
      'group_by ungroupable field',
      { chart_type: 'line', field: 'duration', group_by: { type: 'field', field: 'duration' } },
      { group_by: ['Duration (duration) cannot be used to group by.'] },
    ],
    [
      'group_by unknown field',
      { chart_type: 'line', field: 'duration', group_by: { type: 'field', field: 'x' } },
      { group_by: ["Unknown field 'x' in group by."] },
    ],
    [
      'group_by nested metadata',
      { chart_type: 'line', field: 'duration', group_by: { type: 'field', field: 'metadata.a.b' } },
      {
        group_by: [
          'Nested metadata keys are not supported; group by a top-level key such as metadata.region.',
        ],
      },
    ],
    [
      'bucket too small (D2)',
      { chart_type: 'line', field: 'duration', group_by: { type: 'bucket', interval: 59_999 } },
      {
        group_by: [
          'The bucket interval must be a whole number of milliseconds, at least 60000 (one minute).',
        ],
      },
    ],
    [
      'bucket not integer',
      { chart_type: 'line', field: 'duration', group_by: { type: 'bucket', interval: 60_000.5 } },
      {
        group_by: [
          'The bucket interval must be a whole number of milliseconds, at least 60000 (one minute).',
        ],
      },
    ],
    [
      'bucket as text',
      { chart_type: 'line', field: 'duration', group_by: { type: 'bucket', interval: '60000' } },
      {
        group_by: [
          'The bucket interval must be a whole number of milliseconds, at least 60000 (one minute).',
        ],
      },
    ],
    [
      'invalid bucket leaves bar needing a period',
      {
        chart_type: 'bar',
        field: 'duration',
        aggregation_function: 'count',
        group_by: { type: 'bucket', interval: 1 },
      },
      {
        group_by: [
          'The bucket interval must be a whole number of milliseconds, at least 60000 (one minute).',
        ],
        time_period: ['Choose a time period for the bar chart (or group it into time buckets).'],
      },
    ],
    [
      'name too long',
      { chart_type: 'stat', name: 'n'.repeat(256) },
      { name: ['The name may be at most 255 characters long.'] },
    ],
    ['name not text', { chart_type: 'stat', name: 5 }, { name: ['The name must be text.'] }],
    [
      'dashboard not an id',
      { chart_type: 'stat', dashboard: 'a' },
      { dashboard: ['The dashboard must be given by its numeric id.'] },
    ],
    [
      'metadata a list',
      { chart_type: 'stat', metadata: [] },
      { metadata: ['Metadata must be an object or null.'] },
    ],
    [
      'filter problems under filters',
      {
        chart_type: 'stat',
        filters: { operator: 'and', conditions: [ts, { field: 'duration', op: 'regex', value: 'x' }] },
      },
      { filters: ["conditions[1].op: 'regex' is not allowed for field 'duration'"] },
    ],
    [
      'preview dashboard_filters (D6)',
      { chart_type: 'stat', dashboard_filters: { field: 'x', op: 'eq', value: 1 } },
      { dashboard_filters: ["field: Unknown field 'x'"] },
    ],
    [
      'several keys at once',
      { chart_type: 'pie', field: 'duration', name: 7, group_by: 'x' },
      {
        name: ['The name must be text.'],
        group_by: [
          'Group by must be {"type": "field", "field": …} or {"type": "bucket", "interval": …}, or empty.',
        ],
        field: ['Pie needs a boolean or text field; Duration is numeric.'],
      },
    ],
  ])('%s', (_name, widget, expected) => {
    expect(checkWidget(widget, { metrics: METRICS })).toEqual(expected);
  });
});

describe('checkWidget: metric list known or not', () => {
  const widget = { chart_type: 'line', field: 'metric_evaluations.value', metric: 2 };
  it.each<[string, readonly Metric[] | null | undefined, Record<string, string[]> | null]>([
    ['unknown list skips existence and eval rules', undefined, null],
    ['null list skips them too', null, null],
    [
      'empty list: the metric does not exist',
      [],
      { metric: ['Metric 2 does not exist or is not available to this project.'] },
    ],
    ['list with the enum metric', [ENUM], { metric: ['Enum metrics can only be shown as a pie chart.'] }],
  ])('%s', (_name, metrics, expected) => {
    expect(checkWidget(widget, { metrics })).toEqual(expected);
  });

  it('checks filter metric ids only when the list is known', () => {
    const filters = { field: 'metric_evaluations.metric.id', op: 'eq', value: 77 };
    expect(checkWidget({ chart_type: 'stat', filters }, { metrics: null })).toBeNull();
    expect(checkWidget({ chart_type: 'stat', filters }, { metrics: METRICS })).toEqual({
      filters: ['value: Unknown metric 77'],
    });
  });
});

describe('checkWidget: partial (PATCH) mode', () => {
  it.each<[string, Record<string, unknown>, Record<string, string[]> | null]>([
    ['empty patch', {}, null],
    ['name only', { name: 'Calls' }, null],
    ['field only: no chart to compare with', { field: 'duration' }, null],
    ['aggregation only', { aggregation_function: 'sum' }, null],
    ['bad name', { name: 'n'.repeat(300) }, { name: ['The name may be at most 255 characters long.'] }],
    [
      'bad chart type',
      { chart_type: 'donut' },
      { chart_type: ["'donut' is not a chart type; use line, bar, pie or stat."] },
    ],
    [
      'null chart type',
      { chart_type: null },
      { chart_type: ['Choose a chart type: line, bar, pie or stat.'] },
    ],
    [
      'chart and field together are compared',
      { chart_type: 'pie', field: 'duration' },
      { field: ['Pie needs a boolean or text field; Duration is numeric.'] },
    ],
    ['bar alone does not demand an aggregation', { chart_type: 'bar' }, null],
    [
      'bar with a blank aggregation does',
      { chart_type: 'bar', aggregation_function: '' },
      { aggregation_function: ['Choose an aggregation for the bar chart, e.g. count.'] },
    ],
    [
      'metric value field with a null metric',
      { field: 'metric_evaluations.value', metric: null },
      { metric: ['Choose a metric: a metric value widget needs one.'] },
    ],
    [
      'bad filter',
      { filters: { operator: 'and', conditions: [] } },
      { filters: ['conditions: A group needs at least one condition'] },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(checkWidget(patch, { metrics: METRICS, partial: true })).toEqual(expected);
  });

  it('a merged patch is checked in full', () => {
    const stored = {
      id: 1,
      chart_type: 'bar',
      field: 'duration',
      aggregation_function: 'sum',
      time_period: 'day',
    };
    expect(checkWidget(mergeWidgetPatch(stored, { field: 'topic' }), { metrics: METRICS })).toEqual({
      aggregation_function: ['Sum does not apply to text values; use count.'],
    });
    expect(
      checkWidget(mergeWidgetPatch(stored, { field: 'success', aggregation_function: 'avg' }), {
        metrics: METRICS,
      }),
    ).toBeNull();
  });
});

describe('checkWidget properties', () => {
  it('never throws and returns null or non-empty lists of strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ maxDepth: 4, withBigInt: true, withNullPrototype: true, withSparseArray: true }),
          fc.record(
            {
              chart_type: fc.oneof(fc.constantFrom('line', 'bar', 'pie', 'stat', 'list', ''), fc.anything()),
              field: fc.oneof(
                fc.constantFrom(
                  '',
                  'duration',
                  'success',
                  'metric_evaluations.value',
                  'metadata.x',
                  'metadata.a.b',
                  'agent.id',
                ),
                fc.anything(),
              ),
              metric: fc.oneof(fc.constantFrom(1, 2, 3, 4, 5, null), fc.anything()),
              aggregation_function: fc.oneof(fc.constantFrom('count', 'sum', 'p99', '', null), fc.anything()),
              time_period: fc.oneof(fc.constantFrom('day', '', null), fc.anything()),
              group_by: fc.oneof(
                fc.constant({}),
                fc.record({
                  type: fc.constantFrom('field', 'bucket', 'x'),
                  field: fc.string(),
                  interval: fc.integer(),
                }),
                fc.anything(),
              ),
              data_type: fc.oneof(fc.constantFrom('numeric', 'dynamic', '', null), fc.anything()),
              filters: fc.anything({ maxDepth: 3 }),
            },
            { requiredKeys: [] },
          ),
        ),
        fc.boolean(),
        (widget, partial) => {
          const result = checkWidget(widget, { metrics: METRICS, partial });
          if (result === null) return;
          expect(Object.keys(result).length).toBeGreaterThan(0);
          for (const messages of Object.values(result)) {
            expect(messages.length).toBeGreaterThan(0);
            for (const message of messages) expect(typeof message).toBe('string');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts every chart type the helpers offer for every plottable field', () => {
    for (const chart of ['line', 'bar', 'pie'] as const) {
      for (const spec of plottableFields(chart)) {
        const field = spec.field === 'metadata.*' ? 'metadata.region' : spec.field;
        const metricId = field === 'metric_evaluations.value' ? NUMERIC.id : null;
        const m = metricId === null ? null : NUMERIC;
        const widget = {
          chart_type: chart,
          field,
          metric: metricId,
          aggregation_function: chart === 'bar' ? allowedAggregations(field, m)[0] : null,
          time_period: chart === 'bar' ? 'day' : null,
        };
        expect(checkWidget(widget, { metrics: METRICS }), `${chart} ${field}`).toBeNull();
      }
    }
  });
});
