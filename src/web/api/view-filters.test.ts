import { describe, expect, it } from 'vitest';
import type { Filter } from '../../contract/filter-schema.ts';
import { bulkDataBodies, type ViewFilters } from './view-filters.ts';

const topic: Filter = { field: 'topic', op: 'eq', value: 'billing' };
const both: Filter = {
  operator: 'and',
  conditions: [{ field: 'success', op: 'eq', value: true }, topic],
};

describe('bulkDataBodies', () => {
  it.each<{ name: string; ids: number[]; view: ViewFilters; expected: unknown }>([
    { name: 'no widgets', ids: [], view: undefined, expected: [] },
    {
      name: 'stored filters: Cekura’s own request',
      ids: [1, 2],
      view: undefined,
      expected: [{ widget_ids: [1, 2] }],
    },
    {
      name: 'dashboard filters: one request',
      ids: [1, 2],
      view: { kind: 'dashboard' as const, filters: topic },
      expected: [{ widget_ids: [1, 2], dashboard_filters: topic }],
    },
    {
      name: 'per widget: one request per distinct override, equal ones shared',
      ids: [1, 2, 3, 4],
      view: { kind: 'per-widget' as const, filters: { 1: topic, 2: both, 3: topic, 4: null } },
      expected: [
        { widget_ids: [1, 3], filters: topic },
        { widget_ids: [2], filters: both },
        { widget_ids: [4], filters: null },
      ],
    },
    {
      name: 'per widget: a widget without an entry has no override',
      ids: [7],
      view: { kind: 'per-widget' as const, filters: {} },
      expected: [{ widget_ids: [7], filters: null }],
    },
  ])('$name', ({ ids, view, expected }) => {
    expect(bulkDataBodies(ids, view)).toEqual(expected);
  });
});
