import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import { selectionFilter } from './selection-filter.ts';

const range: Filter = { field: 'timestamp', op: 'gte', value: 'now-7d' };

function widget(overrides: Partial<Widget>): Widget {
  return {
    id: 1,
    dashboard: 1,
    name: 'W',
    filters: null,
    chart_type: 'bar',
    data_type: null,
    field: 'duration',
    metric: null,
    time_period: 'day',
    aggregation_function: 'avg',
    group_by: null,
    metadata: null,
    effective_filters: range,
    metric_name: null,
    created_at: null,
    updated_at: null,
    ...overrides,
  };
}

const and = (...conditions: Filter[]): Filter => ({ operator: 'and', conditions });

describe('selectionFilter', () => {
  it.each<{
    name: string;
    widget: Widget;
    selection: Parameters<typeof selectionFilter>[1];
    expected: Filter | null;
  }>([
    {
      name: 'a per-call line point selects the call',
      widget: widget({ chart_type: 'line', time_period: null }),
      selection: { kind: 'point', timestamp: '2026-01-01T00:00:00Z', callId: 42, group: null },
      expected: and(range, { field: 'id', op: 'eq', value: 42 }),
    },
    {
      name: 'a day bucket selects that UTC day',
      widget: widget({}),
      selection: { kind: 'bucket', bucket: '2026-01-02T00:00:00Z', group: null },
      expected: and(
        range,
        { field: 'timestamp', op: 'gte', value: '2026-01-02T00:00:00.000Z' },
        { field: 'timestamp', op: 'lt', value: '2026-01-03T00:00:00.000Z' },
      ),
    },
    {
      name: 'a month bucket ends at the next month',
      widget: widget({ time_period: 'month' }),
      selection: { kind: 'bucket', bucket: '2026-01-01T00:00:00Z', group: null },
      expected: and(
        range,
        { field: 'timestamp', op: 'gte', value: '2026-01-01T00:00:00.000Z' },
        { field: 'timestamp', op: 'lt', value: '2026-02-01T00:00:00.000Z' },
      ),
    },
    {
      name: 'a bucket group_by uses its interval, and an agent-name group filters by name',
      widget: widget({
        chart_type: 'line',
        time_period: null,
        group_by: { type: 'bucket', interval: 21_600_000 },
      }),
      selection: { kind: 'bucket', bucket: '2026-01-01T06:00:00Z', group: null },
      expected: and(
        range,
        { field: 'timestamp', op: 'gte', value: '2026-01-01T06:00:00.000Z' },
        { field: 'timestamp', op: 'lt', value: '2026-01-01T12:00:00.000Z' },
      ),
    },
    {
      name: 'an agent group by name',
      widget: widget({ group_by: { type: 'field', field: 'agent.id' } }),
      selection: { kind: 'bucket', bucket: 'garbage', group: 'Support bot' },
      expected: and(
        range,
        { field: 'timestamp', op: 'eq', value: 'garbage' },
        { field: 'agent.agent_name', op: 'eq', value: 'Support bot' },
      ),
    },
    {
      name: 'an agent group by id',
      widget: widget({ group_by: { type: 'field', field: 'agent.id' } }),
      selection: { kind: 'point', timestamp: 't', callId: 7, group: '12' },
      expected: and(range, { field: 'id', op: 'eq', value: 7 }, { field: 'agent.id', op: 'eq', value: 12 }),
    },
    {
      name: 'a boolean pie slice is typed',
      widget: widget({ chart_type: 'pie', field: 'success', effective_filters: null }),
      selection: { kind: 'slice', label: 'false' },
      expected: { field: 'success', op: 'eq', value: false },
    },
    {
      name: 'a metric pie slice uses same_row with the metric',
      widget: widget({ chart_type: 'pie', field: 'metric_evaluations.value', metric: 5 }),
      selection: { kind: 'slice', label: 'positive' },
      expected: and(range, {
        operator: 'same_row',
        conditions: [
          { field: 'metric_evaluations.metric.id', op: 'eq', value: 5 },
          { field: 'metric_evaluations.value', op: 'eq', value: 'positive' },
        ],
      }),
    },
    {
      name: 'a string pie slice',
      widget: widget({ chart_type: 'pie', field: 'call_ended_reason' }),
      selection: { kind: 'slice', label: 'customer-ended-call' },
      expected: and(range, { field: 'call_ended_reason', op: 'eq', value: 'customer-ended-call' }),
    },
  ])('$name', ({ widget: w, selection, expected }) => {
    expect(selectionFilter(w, selection)).toEqual(expected);
  });
});
