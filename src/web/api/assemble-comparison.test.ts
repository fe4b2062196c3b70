import { describe, expect, it } from 'vitest';
import type { ComparisonPlan } from '../../contract/comparison-plan.ts';
import type { WidgetDataResponse } from '../../contract/widget-data-schema.ts';
import { assembleComparison, NO_COMPARISON } from './assemble-comparison.ts';

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
const bucket = (value: number) => ({ time_interval: '2026-12-01T00:00:00.000Z', value, sample_count: 9 });
const stat = (p95: number) => ({ total_calls: 10, success_rate: 90, avg_duration: 60, p95_latency: p95 });
const cohorts = (labels: string[]): ComparisonPlan => ({
  kind: 'cohorts',
  labels,
  bodies: labels.map(() => ({ chart_type: 'bar' })),
});

describe('assembleComparison', () => {
  it('off is nothing; refused says why', () => {
    expect(assembleComparison({ kind: 'off' }, [])).toBe(NO_COMPARISON);
    expect(
      assembleComparison({ kind: 'refused', message: 'Too early.', largestOffsetMs: null }, []).note,
    ).toBe('Too early.');
  });

  it('moves the previous period onto the current axis, with the dates in words', () => {
    const plan: ComparisonPlan = {
      kind: 'previous',
      bodies: [{ chart_type: 'bar' }],
      offsetMs: 86_400_000,
      description: 'the previous day (…)',
    };
    const compared = assembleComparison(plan, [{ ok: true, response: response([bucket(3)]) }]);
    expect(compared.response?.data).toEqual([{ ...bucket(3), time_interval: '2026-12-02T00:00:00.000Z' }]);
    expect(compared.note).toBe('Compared with the previous day (…)');
    expect(assembleComparison(plan, [{ ok: false, message: 'x', status: 500 }]).note).toBe(
      'The compared window could not be loaded.',
    );
  });

  it('draws bar cohorts as one series each, waits for all of them, and says when one fails', () => {
    const plan = cohorts(['Agent A', 'Agent B']);
    expect(assembleComparison(plan, [{ ok: true, response: response([bucket(1)]) }, undefined]).pending).toBe(
      true,
    );
    const drawn = assembleComparison(plan, [
      { ok: true, response: response([bucket(1)]) },
      { ok: true, response: response([bucket(2)]) },
    ]);
    expect(drawn.primary?.data).toEqual([
      { ...bucket(1), group: 'Agent A' },
      { ...bucket(2), group: 'Agent B' },
    ]);
    expect(drawn).toMatchObject({ kind: 'cohort', note: 'Cohorts: Agent A, Agent B', pending: false });
    const failed = assembleComparison(plan, [
      { ok: true, response: response([bucket(1)]) },
      { ok: false, message: 'x', status: 400 },
    ]);
    expect(failed).toMatchObject({ primary: undefined, note: 'The cohorts could not be loaded.' });
  });

  it('shows a stat’s first cohort with the second as the compared figures', () => {
    const a = response(stat(1630));
    const b = response(stat(1455));
    const compared = assembleComparison(cohorts(['EU', 'US', 'APAC']), [
      { ok: true, response: a },
      { ok: true, response: b },
      { ok: true, response: b },
    ]);
    expect(compared).toMatchObject({
      primary: a,
      response: b,
      label: 'US',
      kind: 'cohort',
      note: 'EU, compared with US (the first two of 3 cohorts)',
    });
  });
});
