import { mergeCohortResponses, planComparison } from './comparison-plan.ts';
import type { Filter } from './filter-schema.ts';
import type { WidgetDataResponse } from './widget-data-schema.ts';

const now = new Date('2026-12-07T12:00:00Z');
const lastWeek: Filter = { field: 'timestamp', op: 'gte', value: 'now-7d' };
const agent = (id: number): Filter => ({ field: 'agent', op: 'eq', value: id });
const widget = {
  chart_type: 'bar' as const,
  field: 'duration',
  metric: null,
  aggregation_function: 'avg' as const,
  time_period: 'day' as const,
  group_by: { type: 'field' as const, field: 'topic' },
  data_type: null,
  filters: { field: 'topic', op: 'eq' as const, value: 'billing' },
};
const cohorts = {
  mode: 'cohorts' as const,
  cohorts: [
    { label: 'Agent A', filters: agent(1) },
    { label: 'Agent B', filters: agent(2) },
  ],
};

describe('planComparison', () => {
  it.each([
    ['no setting', widget, null],
    ['a pie', { ...widget, chart_type: 'pie' as const }, cohorts],
  ])('is off for %s', (_, w, setting) => {
    expect(planComparison(w, { id: 1, filters: lastWeek }, setting, now)).toEqual({ kind: 'off' });
  });

  it('asks for the previous period in one body, or says why not', () => {
    const plan = planComparison(
      widget,
      { id: 1, filters: lastWeek },
      { mode: 'previous', offset: 'period' },
      now,
    );
    expect(plan.kind === 'previous' && plan.bodies.length).toBe(1);
    expect(plan.kind === 'previous' && plan.description).toBe('the previous 7 days (23 Nov – 30 Nov 2026)');
    const tooOld = planComparison(
      widget,
      { id: 1, filters: { field: 'timestamp', op: 'gte', value: 'now-20d' } },
      { mode: 'previous', offset: 'period' },
      now,
    );
    expect(tooOld).toMatchObject({ kind: 'refused', largestOffsetMs: 9 * 86_400_000 });
  });

  it('asks for each cohort with its filter ANDed to the widget’s, without the group-by, under the dashboard’s filters', () => {
    const plan = planComparison(widget, { id: 3, filters: lastWeek }, cohorts, now);
    expect(plan).toEqual({
      kind: 'cohorts',
      labels: ['Agent A', 'Agent B'],
      bodies: [1, 2].map((id) => ({
        ...widget,
        dashboard: 3,
        group_by: null,
        filters: { operator: 'and', conditions: [widget.filters, agent(id)] },
        dashboard_filters: lastWeek,
      })),
    });
  });

  it('a cohort without a filter is the widget’s own filter', () => {
    const plan = planComparison(
      { ...widget, filters: null },
      { id: null, filters: null },
      {
        mode: 'cohorts',
        cohorts: [
          { label: 'All', filters: null },
          { label: 'A', filters: agent(1) },
        ],
      },
      now,
    );
    expect(plan.kind === 'cohorts' && plan.bodies.map((b) => b.filters)).toEqual([null, agent(1)]);
  });
});

const response = (data: WidgetDataResponse['data']): WidgetDataResponse => ({
  widget_id: null,
  field_name: 'duration',
  chart_type: 'bar',
  data,
  aggregation_function: 'avg',
  time_period: 'day',
  group_by: null,
  metadata: { display_name: 'Duration', data_type: 'numeric' },
});

describe('mergeCohortResponses', () => {
  it('labels every bucket with its cohort, so each cohort is a series', () => {
    const a = response([{ time_interval: '2026-12-01T00:00:00Z', value: 10, sample_count: 5 }]);
    const b = response([
      { time_interval: '2026-12-01T00:00:00Z', value: 12, sample_count: 7 },
      { time_interval: '2026-12-02T00:00:00Z', value: 9, sample_count: 3 },
    ]);
    expect(mergeCohortResponses([a, b], ['EU', 'US'])?.data).toEqual([
      { time_interval: '2026-12-01T00:00:00Z', value: 10, sample_count: 5, group: 'EU' },
      { time_interval: '2026-12-01T00:00:00Z', value: 12, sample_count: 7, group: 'US' },
      { time_interval: '2026-12-02T00:00:00Z', value: 9, sample_count: 3, group: 'US' },
    ]);
  });
  it('a stat comes back as the first cohort; no responses is null', () => {
    const stat = response({ total_calls: 3, success_rate: 50, avg_duration: 1, p95_latency: 2 });
    expect(mergeCohortResponses([stat, stat], ['A', 'B'])).toBe(stat);
    expect(mergeCohortResponses([], [])).toBeNull();
  });
});
