import { CHART_TYPES, EVAL_TYPES, type ChartType } from '../../../../contract/enums.ts';
import { MetricSchema, type Metric } from '../../../../contract/metric-schema.ts';
import {
  METRIC_VALUE_FIELD,
  allowedAggregations,
  allowedChartTypes,
  checkWidget,
} from '../../../../contract/widget-rules.ts';
import { adaptWidget, describeAdapted } from './adapt-widget.ts';
import { changedDraftKeys } from '../save/diff-widget.ts';
import { fieldRelevance } from '../form/field-relevance.ts';
import { draftToPreviewBody, newWidgetDraft, type WidgetDraft } from './widget-form-model.ts';

const metrics: Metric[] = EVAL_TYPES.map((evalType, index) =>
  MetricSchema.parse({ id: index + 1, name: `M ${evalType}`, eval_type: evalType }),
);
const context = { metrics };
const metricFor = (id: number | null) => metrics.find((m) => m.id === id) ?? null;
const errorsOf = (draft: WidgetDraft) => checkWidget(draftToPreviewBody(draft, null), { metrics });

/** One plotted thing per data type, and the metric value with each eval type (D22). */
const subjects: { name: string; field: string; metric: number | null }[] = [
  { name: 'numeric duration', field: 'duration', metric: null },
  { name: 'boolean success', field: 'success', metric: null },
  { name: 'string ended reason', field: 'call_ended_reason', metric: null },
  { name: 'string metadata key', field: 'metadata.region', metric: null },
  ...metrics.map((m) => ({ name: `${m.eval_type} metric`, field: METRIC_VALUE_FIELD, metric: m.id })),
];

/** A fully valid, fully set-up widget of a chart type for a subject (bar with its last aggregation). */
function startDraft(chart: ChartType, field: string, metric: number | null): WidgetDraft {
  const base = newWidgetDraft();
  if (chart === 'stat') return { ...base, chart_type: 'stat', field: '' };
  const aggregations = allowedAggregations(field, metricFor(metric));
  return {
    ...base,
    name: 'Keep me',
    chart_type: chart,
    field,
    metric,
    aggregation_function: chart === 'bar' ? (aggregations.at(-1) ?? '') : '',
    time_period: chart === 'bar' ? 'week' : '',
    group_by: chart === 'pie' ? null : { type: 'field', field: 'agent.id' },
    filters: { field: 'success', op: 'eq', value: true },
  };
}

describe('adaptWidget: switching chart type, every chart × data type × eval type', () => {
  for (const subject of subjects) {
    const metric = metricFor(subject.metric);
    const startCharts = allowedChartTypes(subject.field, metric).filter((c) => c !== 'stat');
    for (const from of startCharts) {
      for (const to of CHART_TYPES) {
        if (to === from) continue;
        it(`${subject.name}: ${from} → ${to}`, () => {
          const previous = startDraft(from, subject.field, subject.metric);
          expect(errorsOf(previous)).toBeNull();
          const next = { ...previous, chart_type: to };
          const { draft, adapted } = adaptWidget(previous, next, context);

          // The user's choice and settings outside the chart's concern are kept.
          expect(draft.chart_type).toBe(to);
          expect(draft.name).toBe('Keep me');
          expect(draft.filters).toEqual(previous.filters);

          const uses = fieldRelevance(to, draft.group_by);
          if (to === 'stat') {
            expect(draft.field).toBe('');
            expect(draft.metric).toBeNull();
            expect(errorsOf(draft)).toBeNull();
          } else if (allowedChartTypes(subject.field, metric).includes(to)) {
            // Still valid: field and metric kept, required settings filled, the result passes the rules.
            expect(draft.field).toBe(subject.field);
            expect(draft.metric).toBe(subject.metric);
            expect(errorsOf(draft)).toBeNull();
            if (uses.aggregation) {
              expect(allowedAggregations(draft.field, metric)).toContain(draft.aggregation_function);
            }
          } else if (metric) {
            // A metric the chart cannot show is cleared; the metric-value field stays for another metric.
            expect(draft.field).toBe(METRIC_VALUE_FIELD);
            expect(draft.metric).toBeNull();
            expect(Object.keys(errorsOf(draft) ?? {})).toEqual(['metric']);
          } else {
            expect(draft.field).toBe('');
            expect(Object.keys(errorsOf(draft) ?? {})).toEqual(expect.arrayContaining(['field']));
          }
          // Settings the new chart does not use are gone.
          if (!uses.aggregation) expect(draft.aggregation_function).toBe('');
          if (!uses.timePeriod) expect(draft.time_period).toBe('');
          if (!uses.groupByField) expect(draft.group_by).toBeNull();
          // The note lists exactly what the editor changed on its own.
          expect(adapted.map((a) => a.key)).toEqual(changedDraftKeys(next, draft));
        });
      }
    }
  }
});

describe('adaptWidget: the user picks a field or metric the chart cannot show', () => {
  const cases: [string, Partial<WidgetDraft>, Partial<WidgetDraft>, ChartType][] = [
    ['text field on a line → bar', { chart_type: 'line' }, { field: 'call_ended_reason' }, 'bar'],
    ['numeric field on a pie → line', { chart_type: 'pie', field: 'success' }, { field: 'duration' }, 'line'],
    [
      'enum metric on a line → pie',
      { chart_type: 'line', field: METRIC_VALUE_FIELD, metric: 3 },
      { metric: 4 },
      'pie',
    ],
    [
      'binary metric on a line → bar',
      { chart_type: 'line', field: METRIC_VALUE_FIELD, metric: 3 },
      { metric: 1 },
      'bar',
    ],
  ];
  it.each(cases)('%s', (_name, start, change, chart) => {
    const previous = { ...newWidgetDraft(), ...start };
    const { draft, adapted } = adaptWidget(previous, { ...previous, ...change }, context);
    expect(draft.chart_type).toBe(chart);
    expect({ ...draft, ...change }).toEqual(draft);
    expect(errorsOf(draft)).toBeNull();
    expect(adapted[0]?.key).toBe('chart_type');
  });
});

describe('adaptWidget: details', () => {
  it('clears the aggregation and time period when a bar becomes a plain line', () => {
    const bar: WidgetDraft = {
      ...newWidgetDraft(),
      chart_type: 'bar',
      aggregation_function: 'p95',
      time_period: 'day',
    };
    const { draft, adapted } = adaptWidget(bar, { ...bar, chart_type: 'line' }, context);
    expect(draft.aggregation_function).toBe('');
    expect(draft.time_period).toBe('');
    expect(describeAdapted(adapted)).toBe('Cleared Aggregation (95th Percentile), Time period (Day).');
  });

  it('fills a bar chart’s aggregation and time period when switching from a line', () => {
    const line = newWidgetDraft();
    const { draft, adapted } = adaptWidget(line, { ...line, chart_type: 'bar' }, context);
    expect(draft).toMatchObject({ aggregation_function: 'count', time_period: 'day' });
    expect(describeAdapted(adapted)).toBe('Aggregation set to Count; Time period set to Day.');
  });

  it('keeps a still-valid aggregation when a bucket group_by is added to a line', () => {
    const line: WidgetDraft = { ...newWidgetDraft(), aggregation_function: '' };
    const next: WidgetDraft = { ...line, group_by: { type: 'bucket', interval: 3_600_000 } };
    expect(adaptWidget(line, next, context)).toEqual({ draft: next, adapted: [] });
  });

  it('replaces an aggregation the new field does not allow', () => {
    const bar: WidgetDraft = {
      ...newWidgetDraft(),
      chart_type: 'bar',
      aggregation_function: 'p95',
      time_period: 'day',
    };
    const { draft } = adaptWidget(bar, { ...bar, field: 'success' }, context);
    expect(draft.aggregation_function).toBe('count');
    expect(errorsOf(draft)).toBeNull();
  });

  it('clears the metric when the field is no longer the metric value', () => {
    const metricLine: WidgetDraft = { ...newWidgetDraft(), field: METRIC_VALUE_FIELD, metric: 3 };
    const { draft, adapted } = adaptWidget(metricLine, { ...metricLine, field: 'duration' }, context);
    expect(draft.metric).toBeNull();
    expect(adapted).toEqual([{ key: 'metric', label: 'Metric', from: 'M numeric', to: null }]);
  });

  it('resets a data type override that no longer fits', () => {
    const line: WidgetDraft = { ...newWidgetDraft(), data_type: 'numeric' };
    const { draft } = adaptWidget(line, { ...line, chart_type: 'bar', field: 'success' }, context);
    expect(draft.data_type).toBe('');
  });

  it('changes nothing for an unchanged draft or a name edit', () => {
    const line = newWidgetDraft();
    expect(adaptWidget(line, line, context).draft).toBe(line);
    const named = { ...line, name: 'x' };
    expect(adaptWidget(line, named, context)).toEqual({ draft: named, adapted: [] });
  });

  it('leaves an unknown metric for the form to report while metrics are unknown', () => {
    const metricLine: WidgetDraft = { ...newWidgetDraft(), field: METRIC_VALUE_FIELD, metric: 99 };
    const next = { ...metricLine, name: 'renamed' };
    expect(adaptWidget(metricLine, next, { metrics: null }).draft).toBe(next);
    expect(adaptWidget(metricLine, next, context).draft.metric).toBe(99);
  });
});
