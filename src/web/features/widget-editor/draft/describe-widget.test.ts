import type { Filter } from '../../../../contract/filter-schema.ts';
import { MetricSchema } from '../../../../contract/metric-schema.ts';
import { describeWidget } from './describe-widget.ts';
import { newWidgetDraft, type WidgetDraft } from './widget-form-model.ts';

const last7Days: Filter = {
  operator: 'and',
  conditions: [
    { field: 'timestamp', op: 'gte', value: 'today-7d' },
    { field: 'timestamp', op: 'lte', value: 'now' },
  ],
};
const successful: Filter = { field: 'success', op: 'eq', value: true };
const metric = MetricSchema.parse({ id: 8, name: 'Sentiment', eval_type: 'enum' });
const draft = (change: Partial<WidgetDraft>): WidgetDraft => ({ ...newWidgetDraft(), ...change });

describe('describeWidget', () => {
  const cases: [string, WidgetDraft, Filter | null, string][] = [
    [
      'the example from the issue',
      draft({
        chart_type: 'bar',
        aggregation_function: 'avg',
        time_period: 'day',
        filters: successful,
        group_by: { type: 'field', field: 'agent.id' },
      }),
      last7Days,
      'Average duration per day of successful calls, last 7 days, by agent',
    ],
    ['plain line', draft({}), null, 'Duration of each call'],
    [
      'line with filter',
      draft({ filters: successful }),
      last7Days,
      'Duration of each successful call, last 7 days',
    ],
    [
      'line with bucket defaults to average',
      draft({ group_by: { type: 'bucket', interval: 900_000 } }),
      null,
      'Average duration per 15 minutes',
    ],
    [
      'bar p95',
      draft({ chart_type: 'bar', aggregation_function: 'p95', time_period: 'hour' }),
      { field: 'timestamp', op: 'gte', value: 'now-24h' },
      '95th percentile of duration per hour, last 24 hours',
    ],
    [
      'bar count of failed calls',
      draft({ chart_type: 'bar', aggregation_function: 'count', time_period: 'week', field: 'success' }),
      { field: 'success', op: 'eq', value: false },
      'Number of failed calls per week',
    ],
    [
      'pie of ended reason with extra conditions',
      draft({
        chart_type: 'pie',
        field: 'call_ended_reason',
        filters: { field: 'topic', op: 'in', value: ['a', 'b'] },
      }),
      { field: 'timestamp', op: 'gte', value: 'now-1d' },
      'Share of calls where topic is one of “a”, “b” by ended reason, last day',
    ],
    [
      'stat',
      draft({ chart_type: 'stat', field: '' }),
      last7Days,
      'Summary of calls (total, success rate, average duration, p95 latency), last 7 days',
    ],
    [
      'metric pie',
      draft({ chart_type: 'pie', field: 'metric_evaluations.value', metric: 8 }),
      null,
      'Share of calls by “Sentiment”',
    ],
    [
      'metadata field',
      draft({ chart_type: 'pie', field: 'metadata.region' }),
      null,
      'Share of calls by metadata “region”',
    ],
    [
      'or groups are summarised',
      draft({ chart_type: 'bar', aggregation_function: 'max', time_period: 'month' }),
      { operator: 'or', conditions: [successful, { field: 'duration', op: 'gt', value: 5 }] },
      'Maximum duration per month of calls matching the filters',
    ],
    [
      'absolute window',
      draft({ chart_type: 'bar', aggregation_function: 'sum', time_period: 'day' }),
      {
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gte', value: '2026-01-01' },
          { field: 'timestamp', op: 'lt', value: '2026-01-08' },
          { field: 'dropoff_point', op: 'isnull', value: false },
        ],
      },
      'Total duration per day of calls where drop-off point is not empty, from 2026-01-01 to 2026-01-08',
    ],
  ];
  it.each(cases)('%s', (_name, widgetDraft, dashboardFilters, text) => {
    expect(describeWidget(widgetDraft, { metric, dashboardFilters })).toBe(text);
  });

  it('reads sensibly without a chosen metric', () => {
    expect(describeWidget(draft({ chart_type: 'pie', field: 'metric_evaluations.value' }))).toBe(
      'Share of calls by the metric value',
    );
  });
});
