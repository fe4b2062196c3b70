import { describe, expect, it } from 'vitest';
import type { Widget } from '../../contract/widget-schema.ts';
import { regroupedBody } from './widget-preview-body.ts';

const base: Widget = {
  id: 7,
  dashboard: 2,
  name: 'Calls per day',
  filters: { field: 'success', op: 'eq', value: true },
  chart_type: 'bar',
  data_type: 'numeric',
  field: 'duration',
  metric: null,
  time_period: 'day',
  aggregation_function: 'count',
  group_by: { type: 'field', field: 'agent.id' },
  metadata: { layout: { x: 0, y: 0, w: 6, h: 4 }, owner: 'kept' },
  effective_filters: null,
  created_at: null,
  updated_at: null,
};
const WEEK = { field: 'timestamp', op: 'gte', value: 'now-7d' } as const;

describe('regroupedBody', () => {
  it.each(['line', 'bar'] as const)('re-groups a %s chart by the field, keeping everything else', (chart) => {
    expect(regroupedBody({ ...base, chart_type: chart }, 'topic', WEEK)).toEqual({
      dashboard: 2,
      name: 'Calls per day',
      filters: base.filters,
      chart_type: chart,
      data_type: 'numeric',
      field: 'duration',
      metric: null,
      time_period: 'day',
      aggregation_function: 'count',
      group_by: { type: 'field', field: 'topic' },
      metadata: base.metadata,
      dashboard_filters: WEEK,
    });
  });

  it.each(['pie', 'stat'] as const)('leaves a %s chart alone', (chart) => {
    expect(regroupedBody({ ...base, chart_type: chart }, 'topic', WEEK)).toBeNull();
  });
});
