import type { Filter } from '../../../contract/filter-schema.ts';
import { findContradictions } from './find-contradictions.ts';
import { fromWire } from './filter-tree.ts';

const now = new Date('2025-11-10T12:00:00Z');
const and = (...conditions: Filter[]): Filter => ({ operator: 'and', conditions });
const or = (...conditions: Filter[]): Filter => ({ operator: 'or', conditions });

function messages(filter: Filter | null): string[] {
  return findContradictions(fromWire(filter), { now }).map((found) => found.message);
}

describe('findContradictions', () => {
  it.each<[string, Filter, RegExp]>([
    [
      'success true and false in one and',
      and({ field: 'success', op: 'eq', value: true }, { field: 'success', op: 'eq', value: false }),
      /Success is true.*Success is false.*cannot both be true/,
    ],
    [
      'through a nested and',
      and({ field: 'topic', op: 'eq', value: 'a' }, and({ field: 'topic', op: 'neq', value: 'a' })),
      /Topic is "a".*Topic is not "a"/,
    ],
    [
      'empty and contains',
      and({ field: 'topic', op: 'isnull', value: true }, { field: 'topic', op: 'contains', value: 'x' }),
      /Topic is empty/,
    ],
    [
      'eq outside an in list',
      and({ field: 'topic', op: 'eq', value: 'a' }, { field: 'topic', op: 'in', value: ['b', 'c'] }),
      /cannot both be true/,
    ],
    [
      'numeric bounds that cross',
      and({ field: 'duration', op: 'gte', value: 120 }, { field: 'duration', op: 'lt', value: 60 }),
      /No duration fits/,
    ],
    [
      'a widget window outside the dashboard window (merged D7)',
      and(
        and(
          { field: 'timestamp', op: 'gte', value: 'now-7d' },
          { field: 'timestamp', op: 'lte', value: 'now' },
        ),
        and(
          { field: 'timestamp', op: 'gte', value: '2025-10-01' },
          { field: 'timestamp', op: 'lte', value: '2025-10-02' },
        ),
      ),
      /time ranges do not overlap/,
    ],
    [
      'metric values in one same_row',
      {
        operator: 'same_row',
        conditions: [
          { field: 'metric_evaluations.value', op: 'eq', value: 1 },
          { field: 'metric_evaluations.value', op: 'eq', value: 2 },
        ],
      },
      /cannot both be true/,
    ],
  ])('flags %s', (_name, filter, expected) => {
    const found = messages(filter);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it.each<[string, Filter | null]>([
    ['nothing', null],
    [
      'alternatives in an or',
      or({ field: 'success', op: 'eq', value: true }, { field: 'success', op: 'eq', value: false }),
    ],
    [
      'a consistent range',
      and({ field: 'duration', op: 'gte', value: 60 }, { field: 'duration', op: 'lte', value: 60 }),
    ],
    [
      'metric values in a plain and (different evaluations may match)',
      and(
        { field: 'metric_evaluations.value', op: 'eq', value: 1 },
        { field: 'metric_evaluations.value', op: 'eq', value: 2 },
      ),
    ],
    [
      'overlapping windows',
      and(
        { field: 'timestamp', op: 'gte', value: 'now-7d' },
        { field: 'timestamp', op: 'gte', value: 'today-3d' },
      ),
    ],
    [
      'eq and in that agree',
      and({ field: 'topic', op: 'eq', value: 'a' }, { field: 'topic', op: 'in', value: ['a'] }),
    ],
  ])('does not flag %s', (_name, filter) => {
    expect(messages(filter)).toEqual([]);
  });

  it('names the conditions involved', () => {
    const tree = fromWire(
      and({ field: 'success', op: 'eq', value: true }, { field: 'success', op: 'eq', value: false }),
    );
    const [found] = findContradictions(tree, { now });
    expect(found?.nodeIds).toEqual(tree.root.conditions.map((node) => node.id));
  });
});
