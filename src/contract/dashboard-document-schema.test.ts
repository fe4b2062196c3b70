import { describe, expect, it } from 'vitest';
import { collectDocumentIds, remapFilterIds, type IdMaps } from './dashboard-document-schema.ts';
import type { Filter } from './filter-schema.ts';

const maps: IdMaps = { metrics: new Map([[1, 11]]), agents: new Map([[3, 33]]) };
const tree: Filter = {
  operator: 'and',
  conditions: [
    { field: 'metric_evaluations.metric.id', op: 'in', value: [1, 2] },
    { operator: 'or', conditions: [{ field: 'agent.id', op: 'eq', value: 3 }] },
    { field: 'duration', op: 'gt', value: 1 },
  ],
};

describe('remapFilterIds', () => {
  it.each<[string, Filter | null, Filter | null]>([
    ['null', null, null],
    [
      'a field that holds no ids',
      { field: 'duration', op: 'gt', value: 1 },
      { field: 'duration', op: 'gt', value: 1 },
    ],
    [
      'a metric id list (unknown ids stay)',
      tree.conditions[0] as Filter,
      { field: 'metric_evaluations.metric.id', op: 'in', value: [11, 2] },
    ],
    [
      'nested groups',
      tree,
      {
        operator: 'and',
        conditions: [
          { field: 'metric_evaluations.metric.id', op: 'in', value: [11, 2] },
          { operator: 'or', conditions: [{ field: 'agent.id', op: 'eq', value: 33 }] },
          { field: 'duration', op: 'gt', value: 1 },
        ],
      },
    ],
  ])('%s', (_label, filter, expected) => {
    expect(remapFilterIds(filter, maps)).toEqual(expected);
  });

  it('returns the same reference when nothing changes', () => {
    const filter: Filter = { operator: 'and', conditions: [{ field: 'agent.id', op: 'eq', value: 9 }] };
    expect(remapFilterIds(filter, maps)).toBe(filter);
  });
});

describe('collectDocumentIds', () => {
  it('finds metric and agent ids in filters and widget metrics, once each, sorted', () => {
    expect(collectDocumentIds([tree, null, undefined], [5, null, 1])).toEqual({
      metrics: [1, 2, 5],
      agents: [3],
    });
  });
});
