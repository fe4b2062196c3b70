import { fromWire } from './filter-tree.ts';
import { mapFilterErrors } from './map-filter-errors.ts';

function ids(): () => string {
  let next = 0;
  return () => `n${(next += 1)}`;
}

describe('mapFilterErrors', () => {
  const tree = fromWire(
    {
      operator: 'and',
      conditions: [
        { field: 'success', op: 'eq', value: true },
        { operator: 'or', conditions: [{ field: 'duration', op: 'regex', value: 'x' }] },
      ],
    },
    ids(),
  );

  it('puts path-prefixed messages on their nodes and keeps the rest for the top', () => {
    const mapped = mapFilterErrors(tree, [
      "conditions[1].conditions[0].op: 'regex' is not allowed for field 'duration'",
      "conditions[1].conditions[0].op: 'regex' is not allowed for field 'duration'",
      'conditions[0]: Something about the first condition',
      'conditions[5].value: A node this tree does not have',
      'A timestamp filter (gt or gte) is required.',
      'operator: about the root group',
    ]);
    expect(mapped.byNode.get('n4')).toEqual([
      { key: 'op', message: "'regex' is not allowed for field 'duration'" },
    ]);
    expect(mapped.byNode.get('n2')).toEqual([{ key: null, message: 'Something about the first condition' }]);
    expect(mapped.byNode.get('n1')).toEqual([{ key: 'operator', message: 'about the root group' }]);
    expect(mapped.unmapped).toEqual([
      'conditions[5].value: A node this tree does not have',
      'A timestamp filter (gt or gte) is required.',
    ]);
  });

  it('puts unprefixed local messages on the root node, except those about the whole tree', () => {
    const lone = fromWire({ field: 'duration', op: 'regex', value: 'x' }, ids());
    const mapped = mapFilterErrors(
      lone,
      [
        "'regex' is not allowed for field 'duration'",
        'A filter may hold at most 200 conditions; this one has 201',
      ],
      { unprefixedIsRoot: true },
    );
    expect(mapped.byNode.get('n2')).toEqual([
      { key: null, message: "'regex' is not allowed for field 'duration'" },
    ]);
    expect(mapped.unmapped).toEqual(['A filter may hold at most 200 conditions; this one has 201']);
  });

  it('maps a root-level message of a lone condition to that condition', () => {
    const lone = fromWire({ field: 'duration', op: 'gte', value: 'x' }, ids());
    expect(mapFilterErrors(lone, ['value: must be a number']).byNode.get('n2')).toEqual([
      { key: 'value', message: 'must be a number' },
    ]);
  });
});
