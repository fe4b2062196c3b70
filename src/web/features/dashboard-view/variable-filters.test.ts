import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import { applyVariables, variableCondition } from './variable-filters.ts';

const WEEK: Filter = {
  operator: 'and',
  conditions: [
    { field: 'timestamp', op: 'gte', value: 'now-7d' },
    { field: 'timestamp', op: 'lte', value: 'now' },
  ],
};

describe('variableCondition', () => {
  it.each<[string, ViewVariable, Filter | null]>([
    ['nothing chosen', { field: 'topic', values: [] }, null],
    ['one value', { field: 'topic', values: ['billing'] }, { field: 'topic', op: 'eq', value: 'billing' }],
    [
      'two values',
      { field: 'metadata.region', values: ['emea', 'apac'] },
      { field: 'metadata.region', op: 'in', value: ['emea', 'apac'] },
    ],
    ['(none)', { field: 'topic', values: [null] }, { field: 'topic', op: 'isnull', value: true }],
    [
      'a value and (none)',
      { field: 'topic', values: ['billing', null] },
      {
        operator: 'or',
        conditions: [
          { field: 'topic', op: 'eq', value: 'billing' },
          { field: 'topic', op: 'isnull', value: true },
        ],
      },
    ],
    // Yes/no fields are counted as "true"/"false" but filter by booleans, and have no `in`.
    ['yes', { field: 'success', values: ['true'] }, { field: 'success', op: 'eq', value: true }],
    ['no', { field: 'is_reviewed', values: ['false'] }, { field: 'is_reviewed', op: 'eq', value: false }],
    [
      'yes and no',
      { field: 'success', values: ['true', 'false'] },
      {
        operator: 'or',
        conditions: [
          { field: 'success', op: 'eq', value: true },
          { field: 'success', op: 'eq', value: false },
        ],
      },
    ],
    [
      'no and (none)',
      { field: 'success', values: ['false', null] },
      {
        operator: 'or',
        conditions: [
          { field: 'success', op: 'eq', value: false },
          { field: 'success', op: 'isnull', value: true },
        ],
      },
    ],
    ['a value a yes/no field cannot have', { field: 'success', values: ['maybe'] }, null],
  ])('%s', (_, variable, expected) => {
    expect(variableCondition(variable)).toEqual(expected);
  });
});

describe('applyVariables', () => {
  it('returns the stored filters themselves when no variable has a choice', () => {
    expect(applyVariables(WEEK, [{ field: 'topic', values: [] }])).toBe(WEEK);
    expect(applyVariables(undefined, [])).toBeNull();
  });

  it('adds the conditions to the stored root and, flattened', () => {
    expect(
      applyVariables(WEEK, [
        { field: 'topic', values: ['a'] },
        { field: 'metadata.region', values: ['x', 'y'] },
      ]),
    ).toEqual({
      operator: 'and',
      conditions: [
        ...(WEEK as { conditions: Filter[] }).conditions,
        { field: 'topic', op: 'eq', value: 'a' },
        { field: 'metadata.region', op: 'in', value: ['x', 'y'] },
      ],
    });
  });

  it('wraps a lone stored condition or an or-group, and works without stored filters', () => {
    const lone: Filter = { field: 'success', op: 'eq', value: true };
    const topic = { field: 'topic', op: 'eq', value: 'a' } as const;
    expect(applyVariables(lone, [{ field: 'topic', values: ['a'] }])).toEqual({
      operator: 'and',
      conditions: [lone, topic],
    });
    const either: Filter = { operator: 'or', conditions: [lone, topic] };
    expect(applyVariables(either, [{ field: 'topic', values: ['a'] }])).toEqual({
      operator: 'and',
      conditions: [either, topic],
    });
    expect(applyVariables(null, [{ field: 'topic', values: ['a'] }])).toEqual({
      operator: 'and',
      conditions: [topic],
    });
  });
});
