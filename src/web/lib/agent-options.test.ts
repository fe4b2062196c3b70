import { describe, expect, it } from 'vitest';
import type { Metric } from '../../contract/metric-schema.ts';
import { agentOptions } from './agent-options.ts';

const metric = (agents: number[], names?: string[]): Metric => ({
  id: 1,
  name: 'm',
  eval_type: 'numeric',
  agents,
  ...(names ? { agent_names: names } : {}),
});

describe('agentOptions', () => {
  it.each([
    { name: 'no metrics, nothing selected', metrics: [], selected: [], expected: [] },
    {
      name: 'union of agents, by name',
      metrics: [metric([2, 1], ['Zed', 'Amy']), metric([1, 3], ['Amy', 'Bob'])],
      selected: [],
      expected: [
        { id: 1, name: 'Amy' },
        { id: 3, name: 'Bob' },
        { id: 2, name: 'Zed' },
      ],
    },
    {
      name: 'missing names and unknown selected ids',
      metrics: [metric([5])],
      selected: [9],
      expected: [
        { id: 5, name: 'Agent 5' },
        { id: 9, name: 'Agent 9' },
      ],
    },
  ])('$name', ({ metrics, selected, expected }) => {
    expect(agentOptions(metrics, selected)).toEqual(expected);
  });
});
