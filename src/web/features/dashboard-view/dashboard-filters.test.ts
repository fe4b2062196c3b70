import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import {
  joinDashboardFilters,
  restAsFilter,
  restFromFilter,
  splitDashboardFilters,
  type DashboardFilterParts,
} from './dashboard-filters.ts';

const gte = (value: string): Filter => ({ field: 'timestamp', op: 'gte', value });
const lte = (value: string): Filter => ({ field: 'timestamp', op: 'lte', value });
const success: Filter = { field: 'success', op: 'eq', value: true };
const agents: Filter = { field: 'agent.id', op: 'in', value: [3, 5] };

describe('splitDashboardFilters', () => {
  it.each<{ name: string; filter: Filter | null; expected: DashboardFilterParts }>([
    { name: 'null', filter: null, expected: { range: null, agentIds: null, rest: [] } },
    {
      name: 'quick range',
      filter: { operator: 'and', conditions: [gte('now-7d'), lte('now')] },
      expected: { range: { kind: 'quick', id: '7d' }, agentIds: null, rest: [] },
    },
    {
      name: "the guide's today-7d",
      filter: { operator: 'and', conditions: [gte('today-7d'), lte('now')] },
      expected: { range: { kind: 'quick', id: '7d' }, agentIds: null, rest: [] },
    },
    {
      name: 'a lone lower bound',
      filter: gte('now-24h'),
      expected: { range: { kind: 'quick', id: '24h' }, agentIds: null, rest: [] },
    },
    {
      name: 'absolute range, agents and the rest',
      filter: {
        operator: 'and',
        conditions: [success, gte('2026-01-01T00:00:00Z'), agents, lte('2026-01-05T00:00:00Z')],
      },
      expected: {
        range: { kind: 'absolute', from: '2026-01-01T00:00:00Z', to: '2026-01-05T00:00:00Z' },
        agentIds: [3, 5],
        rest: [success],
      },
    },
    {
      name: 'other relative range',
      filter: { operator: 'and', conditions: [gte('now-3d'), lte('now-1d')] },
      expected: { range: { kind: 'other', from: 'now-3d', to: 'now-1d' }, agentIds: null, rest: [] },
    },
    {
      name: 'agent eq',
      filter: { field: 'agent.id', op: 'eq', value: 9 },
      expected: { range: null, agentIds: [9], rest: [] },
    },
    {
      name: 'bounds inside an or stay in the rest',
      filter: { operator: 'or', conditions: [gte('now-1h'), success] },
      expected: {
        range: null,
        agentIds: null,
        rest: [{ operator: 'or', conditions: [gte('now-1h'), success] }],
      },
    },
    {
      name: 'agent.id with strings is not the agent filter',
      filter: { operator: 'and', conditions: [{ field: 'agent.id', op: 'in', value: ['x'] }] },
      expected: { range: null, agentIds: null, rest: [{ field: 'agent.id', op: 'in', value: ['x'] }] },
    },
  ])('$name', ({ filter, expected }) => {
    expect(splitDashboardFilters(filter)).toEqual(expected);
  });
});

describe('joinDashboardFilters', () => {
  it.each<{ name: string; parts: DashboardFilterParts; expected: Filter | null }>([
    { name: 'nothing', parts: { range: null, agentIds: null, rest: [] }, expected: null },
    {
      name: 'no agents selected means all agents',
      parts: { range: null, agentIds: [], rest: [] },
      expected: null,
    },
    {
      name: 'quick range, agents, rest',
      parts: { range: { kind: 'quick', id: '30d' }, agentIds: [1], rest: [success] },
      expected: {
        operator: 'and',
        conditions: [gte('now-30d'), lte('now'), { field: 'agent.id', op: 'in', value: [1] }, success],
      },
    },
    {
      name: 'absolute range without an end',
      parts: {
        range: { kind: 'absolute', from: '2026-01-01T00:00:00Z', to: null },
        agentIds: null,
        rest: [],
      },
      expected: { operator: 'and', conditions: [gte('2026-01-01T00:00:00Z')] },
    },
  ])('$name', ({ parts, expected }) => {
    expect(joinDashboardFilters(parts)).toEqual(expected);
  });

  it('round-trips what it writes', () => {
    const parts: DashboardFilterParts = {
      range: { kind: 'quick', id: '1h' },
      agentIds: [4, 2],
      rest: [success],
    };
    expect(splitDashboardFilters(joinDashboardFilters(parts))).toEqual(parts);
  });
});

describe('restAsFilter', () => {
  it.each<{ rest: Filter[]; expected: Filter | null }>([
    { rest: [], expected: null },
    { rest: [success], expected: success },
    { rest: [success, agents], expected: { operator: 'and', conditions: [success, agents] } },
  ])('$rest.length conditions', ({ rest, expected }) => {
    expect(restAsFilter(rest)).toEqual(expected);
  });
});

describe('restFromFilter', () => {
  const or: Filter = { operator: 'or', conditions: [success, agents] };
  it.each<{ filter: Filter | null; expected: Filter[] }>([
    { filter: null, expected: [] },
    { filter: success, expected: [success] },
    { filter: { operator: 'and', conditions: [success, or] }, expected: [success, or] },
    { filter: or, expected: [or] },
  ])('$filter', ({ filter, expected }) => {
    expect(restFromFilter(filter)).toEqual(expected);
  });
});
