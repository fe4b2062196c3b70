import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import { needsMetricNames } from './needs-metric-names.ts';

const metricIs = (value: unknown): Filter => ({ field: 'metric_evaluations.metric.id', op: 'eq', value });
const success: Filter = { field: 'success', op: 'eq', value: true };

describe('needsMetricNames', () => {
  it.each<{ name: string; agentIds: number[] | null; rest: Filter[]; needs: boolean }>([
    { name: 'no agents, no other filters', agentIds: null, rest: [], needs: false },
    { name: 'all agents (empty selection)', agentIds: [], rest: [success], needs: false },
    { name: 'one agent: the summary shows its name', agentIds: [7], rest: [], needs: true },
    { name: 'several agents: the summary shows a count', agentIds: [7, 8], rest: [], needs: false },
    { name: 'a chip on a metric id', agentIds: null, rest: [success, metricIs(3)], needs: true },
    {
      name: 'a metric id in a one-condition group (the chip shows the condition)',
      agentIds: null,
      rest: [{ operator: 'and', conditions: [metricIs([3, 4])] }],
      needs: true,
    },
    {
      name: 'a metric id inside a larger group (the chip shows a count)',
      agentIds: null,
      rest: [{ operator: 'or', conditions: [metricIs(3), success] }],
      needs: false,
    },
    {
      name: 'a metric name condition carries its own name',
      agentIds: null,
      rest: [{ field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' }],
      needs: false,
    },
    {
      name: 'an empty check on the metric id shows no id',
      agentIds: null,
      rest: [{ field: 'metric_evaluations.metric.id', op: 'isnull', value: true }],
      needs: false,
    },
  ])('$name', ({ agentIds, rest, needs }) => {
    expect(needsMetricNames({ agentIds, rest })).toBe(needs);
  });
});
