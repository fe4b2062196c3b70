import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import {
  describeDateRange,
  restAsFilter,
  restFromFilter,
  splitDashboardFilters,
  updateDashboardFilters,
  type DashboardFilterChange,
  type DashboardFilterParts,
  type DateRange,
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
      name: "the guide's today-7d starts at midnight: another window than the quick range",
      filter: { operator: 'and', conditions: [gte('today-7d'), lte('now')] },
      expected: { range: { kind: 'other', from: 'today-7d', to: 'now' }, agentIds: null, rest: [] },
    },
    {
      name: 'now-1w is the same window as Last 7 days',
      filter: { operator: 'and', conditions: [gte('now-1w'), lte('now')] },
      expected: { range: { kind: 'quick', id: '7d' }, agentIds: null, rest: [] },
    },
    {
      name: 'now-168h too',
      filter: gte('now-168h'),
      expected: { range: { kind: 'quick', id: '7d' }, agentIds: null, rest: [] },
    },
    {
      name: 'now-1M is a calendar month, not 30 days',
      filter: gte('now-1M'),
      expected: { range: { kind: 'other', from: 'now-1M', to: null }, agentIds: null, rest: [] },
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

describe('updateDashboardFilters', () => {
  const topic: Filter = { field: 'topic', op: 'eq', value: 'billing' };
  const stored: Filter = { operator: 'and', conditions: [gte('today-7d'), lte('now')] };
  it.each<{ name: string; stored: Filter | null; change: DashboardFilterChange; expected: Filter | null }>([
    {
      name: 'a new condition keeps the stored range exactly (today-7d is not rewritten as now-7d)',
      stored,
      change: { part: 'rest', rest: [topic] },
      expected: { operator: 'and', conditions: [gte('today-7d'), lte('now'), topic] },
    },
    {
      name: 'an agent change keeps the range and the rest where they were',
      stored: {
        operator: 'and',
        conditions: [success, gte('now-1w'), { field: 'agent.id', op: 'eq', value: 2 }],
      },
      change: { part: 'agents', agentIds: [2, 3] },
      expected: {
        operator: 'and',
        conditions: [success, gte('now-1w'), { field: 'agent.id', op: 'in', value: [2, 3] }],
      },
    },
    {
      name: 'a first agent filter goes after the range',
      stored: { operator: 'and', conditions: [gte('now-1h'), lte('now'), success] },
      change: { part: 'agents', agentIds: [4] },
      expected: {
        operator: 'and',
        conditions: [gte('now-1h'), lte('now'), { field: 'agent.id', op: 'in', value: [4] }, success],
      },
    },
    {
      name: 'no agents selected removes the agent filter',
      stored: { operator: 'and', conditions: [gte('now-1h'), agents] },
      change: { part: 'agents', agentIds: [] },
      expected: { operator: 'and', conditions: [gte('now-1h')] },
    },
    {
      name: 'a range change replaces both bounds in place and keeps agents and the rest',
      stored: {
        operator: 'and',
        conditions: [success, agents, gte('today-7d'), { field: 'timestamp', op: 'lt', value: 'now' }],
      },
      change: { part: 'range', range: { kind: 'quick', id: '24h' } },
      expected: { operator: 'and', conditions: [success, agents, gte('now-24h'), lte('now')] },
    },
    {
      name: 'a bound the control cannot read (not a string) survives an edit of the rest',
      stored: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 5 }, success] },
      change: { part: 'rest', rest: [] },
      expected: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 5 }] },
    },
    {
      name: 'from nothing, a quick range',
      stored: null,
      change: { part: 'range', range: { kind: 'quick', id: '30d' } },
      expected: { operator: 'and', conditions: [gte('now-30d'), lte('now')] },
    },
    {
      name: 'an absolute range without an end',
      stored: null,
      change: { part: 'range', range: { kind: 'absolute', from: '2026-01-01T00:00:00Z', to: null } },
      expected: { operator: 'and', conditions: [gte('2026-01-01T00:00:00Z')] },
    },
    { name: 'everything removed', stored: agents, change: { part: 'agents', agentIds: [] }, expected: null },
  ])('$name', ({ stored: before, change, expected }) => {
    expect(updateDashboardFilters(before, change)).toEqual(expected);
  });

  it('reads back what it writes', () => {
    const written = updateDashboardFilters(
      updateDashboardFilters(null, { part: 'range', range: { kind: 'quick', id: '1h' } }),
      { part: 'agents', agentIds: [4, 2] },
    );
    expect(splitDashboardFilters(updateDashboardFilters(written, { part: 'rest', rest: [success] }))).toEqual(
      {
        range: { kind: 'quick', id: '1h' },
        agentIds: [4, 2],
        rest: [success],
      },
    );
  });
});

describe('describeDateRange', () => {
  it.each<[DateRange | null, string]>([
    [null, 'No date range'],
    [{ kind: 'quick', id: '7d' }, 'Last 7 days'],
    [{ kind: 'other', from: 'today-7d', to: 'now' }, 'Last 7 days (from midnight UTC)'],
    [{ kind: 'other', from: 'today-1d', to: null }, 'Last day (from midnight UTC)'],
    [{ kind: 'other', from: 'today', to: 'now' }, 'Today (from midnight UTC)'],
    [{ kind: 'other', from: 'now-3d', to: 'now' }, 'Last 3 days'],
    [{ kind: 'other', from: 'now-1M', to: null }, 'Last month'],
    [{ kind: 'other', from: 'now-3d', to: 'now-1d' }, 'From 3 days ago to 1 day ago'],
    [{ kind: 'other', from: null, to: 'now-1d' }, 'From the start to 1 day ago'],
    [{ kind: 'other', from: 'today-7d', to: 'today' }, 'From midnight UTC 7 days ago to midnight UTC today'],
  ])('%j → %s', (range, text) => {
    expect(describeDateRange(range)).toBe(text);
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
