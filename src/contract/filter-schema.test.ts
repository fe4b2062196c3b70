import { FilterSchema, NullableFilterSchema, isFilterGroup, type Filter } from './filter-schema.ts';

describe('FilterSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['guide leaf', { field: 'success', op: 'eq', value: true }, true],
    [
      'guide nesting',
      {
        operator: 'and',
        conditions: [
          { field: 'success', op: 'eq', value: true },
          {
            operator: 'or',
            conditions: [
              { field: 'duration', op: 'gte', value: 120 },
              { field: 'call_ended_reason', op: 'contains', value: 'timeout' },
            ],
          },
        ],
      },
      true,
    ],
    [
      'same_row',
      {
        operator: 'same_row',
        conditions: [
          { field: 'metric_evaluations.metric.name', op: 'eq', value: 'accuracy' },
          { field: 'metric_evaluations.value', op: 'gte', value: 0.9 },
        ],
      },
      true,
    ],
    ['in list', { field: 'metadata.region', op: 'in', value: ['US', 'EU'] }, true],
    ['unknown op', { field: 'success', op: 'like', value: true }, false],
    ['unknown operator', { operator: 'xor', conditions: [] }, false],
    ['conditions not a list', { operator: 'and', conditions: {} }, false],
    ['nested bad leaf', { operator: 'and', conditions: [{ field: 1, op: 'eq', value: 1 }] }, false],
    ['a string', 'success=true', false],
  ])('%s parses: %s', (_name, body, ok) => {
    expect(FilterSchema.safeParse(body).success).toBe(ok);
  });

  it('accepts null only in the nullable variant', () => {
    expect(NullableFilterSchema.safeParse(null).success).toBe(true);
    expect(FilterSchema.safeParse(null).success).toBe(false);
  });

  it.each<[Filter, boolean]>([
    [{ field: 'success', op: 'eq', value: true }, false],
    [{ operator: 'and', conditions: [] }, true],
  ])('isFilterGroup(%j) is %s', (filter, expected) => {
    expect(isFilterGroup(filter)).toBe(expected);
  });
});
