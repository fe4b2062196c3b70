import fc from 'fast-check';
import { FIELD_CATALOGUE, type FieldSpec } from '../../../contract/field-catalogue.ts';
import type { Filter, FilterCondition, FilterOp } from '../../../contract/filter-schema.ts';
import { FILTER_LIMITS } from '../../../contract/filter-validation.ts';

const FILTERABLE = FIELD_CATALOGUE.filter((spec) => spec.filterOps.length > 0 && spec.field !== 'metadata.*');
const METRIC_FIELDS = FILTERABLE.filter((spec) => spec.field.startsWith('metric_evaluations.'));

const timeValue = fc.oneof(
  fc.constantFrom('now', 'today'),
  fc
    .tuple(
      fc.constantFrom('now', 'today'),
      fc.integer({ min: 1, max: 90 }),
      fc.constantFrom('s', 'm', 'h', 'd', 'w', 'M', 'y'),
    )
    .map(([anchor, amount, unit]) => `${anchor}-${amount}${unit}`),
  fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
);

function scalarFor(spec: FieldSpec): fc.Arbitrary<unknown> {
  switch (spec.valueType) {
    case 'integer':
      return fc.integer({ min: -1000, max: 100000 });
    case 'number':
      return fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.string({ maxLength: 12 });
    case 'datetime':
      return timeValue;
    case 'dynamic':
      return fc.oneof(fc.boolean(), fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 10 }));
  }
}

function valueFor(spec: FieldSpec, op: FilterOp): fc.Arbitrary<unknown> {
  if (op === 'isnull') return fc.boolean();
  if (op === 'in') return fc.array(scalarFor(spec), { minLength: 1, maxLength: 4 });
  if (op === 'contains' || op === 'startswith' || op === 'endswith') return fc.string({ maxLength: 10 });
  if (op === 'regex') return fc.stringMatching(/^[a-z.^$]{0,8}$/);
  return scalarFor(spec);
}

function leafFrom(specs: readonly FieldSpec[]): fc.Arbitrary<FilterCondition> {
  return fc
    .constantFrom(...specs)
    .chain((spec) =>
      fc
        .constantFrom(...spec.filterOps)
        .chain((op) => valueFor(spec, op).map((value) => ({ field: spec.field, op, value }))),
    );
}

const metadataLeaf: fc.Arbitrary<FilterCondition> = fc
  .tuple(fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/), fc.string({ maxLength: 8 }))
  .map(([key, value]) => ({ field: `metadata.${key}`, op: 'eq', value }));

/** Conditions the contract accepts (D9), over every filterable field. */
const validLeaf: fc.Arbitrary<FilterCondition> = fc.oneof(leafFrom(FILTERABLE), metadataLeaf);

/** Valid wire filters: leaves or non-empty groups, `same_row` holding metric-evaluation leaves only, within D11 depth. */
const validFilter: fc.Arbitrary<Filter> = fc.letrec<{ node: Filter; group: Filter }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', maxDepth: FILTER_LIMITS.maxDepth - 1 }, validLeaf, tie('group')),
  group: fc.oneof(
    fc.record(
      {
        operator: fc.constantFrom('and' as const, 'or' as const),
        conditions: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
      },
      { noNullPrototype: true },
    ),
    fc.record(
      {
        operator: fc.constant('same_row' as const),
        conditions: fc.array(leafFrom(METRIC_FIELDS), { minLength: 1, maxLength: 3 }),
      },
      { noNullPrototype: true },
    ),
  ),
})).node;

const validNullableFilter: fc.Arbitrary<Filter | null> = fc.option(validFilter, { nil: null });

import {
  addCondition,
  addGroup,
  countConditions,
  duplicateNode,
  findNode,
  fromWire,
  moveNode,
  nodeIdAtWirePath,
  outdentNode,
  removeNode,
  setCombinator,
  toWire,
  unwrapGroup,
  updateCondition,
  wrapInGroup,
  type FilterNode,
  type FilterTree,
} from './filter-tree.ts';
import { validateFilter } from '../../../contract/filter-validation.ts';

/** Ids n1, n2, … in the order fromWire creates them (pre-order), so tables can name nodes. */
function sequentialIds(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `n${next}`;
  };
}

const success: Filter = { field: 'success', op: 'eq', value: true };
const duration: Filter = { field: 'duration', op: 'gte', value: 120 };
const timeout: Filter = { field: 'call_ended_reason', op: 'contains', value: 'timeout' };
/** The guide's example: root n1, success n2, or-group n3, duration n4, timeout n5. */
const orGroup: Filter = { operator: 'or', conditions: [duration, timeout] };
const guide: Filter = { operator: 'and', conditions: [success, orGroup] };
const guideTree = (): FilterTree => fromWire(guide, sequentialIds());

function allIds(tree: FilterTree): string[] {
  const walk = (node: FilterNode): string[] =>
    node.kind === 'group' ? [node.id, ...node.conditions.flatMap(walk)] : [node.id];
  return walk(tree.root);
}

function leavesOf(filter: Filter | null): string[] {
  if (filter === null) return [];
  if ('conditions' in filter) return filter.conditions.flatMap(leavesOf);
  return [JSON.stringify(filter)];
}

describe('fromWire / toWire', () => {
  const cases: Array<[string, Filter | null]> = [
    ['null', null],
    ['a lone condition', success],
    ['a group with one condition', { operator: 'and', conditions: [success] }],
    ['the guide example', guide],
    [
      'same_row',
      {
        operator: 'same_row',
        conditions: [
          { field: 'metric_evaluations.metric.name', op: 'eq', value: 'accuracy' },
          { field: 'metric_evaluations.value', op: 'gte', value: 0.9 },
        ],
      },
    ],
    [
      'a lone group holding a group',
      { operator: 'or', conditions: [{ operator: 'and', conditions: [success, duration] }] },
    ],
    ['an in list', { field: 'metadata.region', op: 'in', value: ['US', 'EU'] }],
  ];
  it.each(cases)('round-trips %s exactly', (_name, filter) => {
    expect(toWire(fromWire(filter))).toStrictEqual(filter);
  });

  it('gives every node a distinct id and strips them on the way out', () => {
    const tree = fromWire(guide);
    const ids = allIds(tree);
    expect(new Set(ids).size).toBe(5);
    expect(JSON.stringify(toWire(tree))).not.toContain('"id"');
  });

  it('reads null as an empty implicit root and a lone condition as its only child', () => {
    expect(fromWire(null).root.conditions).toHaveLength(0);
    const lone = fromWire(success);
    expect(lone.implicitRoot).toBe(true);
    expect(lone.root.conditions).toHaveLength(1);
    expect(fromWire(guide).implicitRoot).toBe(false);
  });

  it('round-trips every valid filter (property)', () => {
    fc.assert(
      fc.property(validNullableFilter, (filter) => {
        expect(toWire(fromWire(filter))).toStrictEqual(filter);
      }),
      { numRuns: 300 },
    );
  });

  it('generates only filters the contract accepts (the property covers valid filters)', () => {
    fc.assert(
      fc.property(validFilter, (filter) => {
        expect(validateFilter(filter)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('operations', () => {
  const c = (field: string, op: FilterOp, value: unknown): FilterCondition => ({ field, op, value });
  const empty = { field: '', op: 'eq', value: null } as const;
  const table: Array<[string, (tree: FilterTree) => FilterTree, Filter | null]> = [
    [
      'addCondition appends to the root',
      (t) => addCondition(t, 'n1', c('topic', 'eq', 'x'), { id: 'x' }),
      {
        operator: 'and',
        conditions: [success, orGroup, c('topic', 'eq', 'x')],
      },
    ],
    [
      'addCondition at an index in a subgroup',
      (t) => addCondition(t, 'n3', undefined, { index: 0, id: 'x' }),
      {
        operator: 'and',
        conditions: [success, { operator: 'or', conditions: [empty, duration, timeout] }],
      },
    ],
    [
      'addGroup adds a group holding one empty condition',
      (t) => addGroup(t, 'n1', 'or', { id: 'g', conditionId: 'gc' }),
      {
        operator: 'and',
        conditions: [success, orGroup, { operator: 'or', conditions: [empty] }],
      },
    ],
    ['removeNode removes a subtree', (t) => removeNode(t, 'n3'), { operator: 'and', conditions: [success] }],
    [
      'removeNode of a leaf in a subgroup',
      (t) => removeNode(t, 'n4'),
      {
        operator: 'and',
        conditions: [success, { operator: 'or', conditions: [timeout] }],
      },
    ],
    ['removing everything gives null', (t) => removeNode(removeNode(t, 'n2'), 'n3'), null],
    [
      'updateCondition patches the value',
      (t) => updateCondition(t, 'n4', { value: 60 }),
      {
        operator: 'and',
        conditions: [success, { operator: 'or', conditions: [{ ...duration, value: 60 }, timeout] }],
      },
    ],
    [
      'setCombinator',
      (t) => setCombinator(t, 'n3', 'and'),
      {
        operator: 'and',
        conditions: [success, { operator: 'and', conditions: [duration, timeout] }],
      },
    ],
    [
      'duplicateNode inserts a copy after the node',
      (t) => duplicateNode(t, 'n4'),
      {
        operator: 'and',
        conditions: [success, { operator: 'or', conditions: [duration, duration, timeout] }],
      },
    ],
    ['moveNode down', (t) => moveNode(t, 'n2', 'down'), { operator: 'and', conditions: [orGroup, success] }],
    [
      'moveNode into another group at an index',
      (t) => moveNode(t, 'n2', { parentId: 'n3', index: 1 }),
      {
        operator: 'and',
        conditions: [{ operator: 'or', conditions: [duration, success, timeout] }],
      },
    ],
    [
      'moveNode out of a group to the root',
      (t) => moveNode(t, 'n5', { parentId: 'n1', index: 0 }),
      {
        operator: 'and',
        conditions: [timeout, success, { operator: 'or', conditions: [duration] }],
      },
    ],
    [
      'moveNode index past the end is clamped',
      (t) => moveNode(t, 'n2', { parentId: 'n3', index: 99 }),
      {
        operator: 'and',
        conditions: [{ operator: 'or', conditions: [duration, timeout, success] }],
      },
    ],
    [
      'wrapInGroup (indent)',
      (t) => wrapInGroup(t, 'n2', 'or', { id: 'w' }),
      {
        operator: 'and',
        conditions: [{ operator: 'or', conditions: [success] }, orGroup],
      },
    ],
    [
      'unwrapGroup splices the children in place',
      (t) => unwrapGroup(t, 'n3'),
      {
        operator: 'and',
        conditions: [success, duration, timeout],
      },
    ],
    [
      'outdentNode moves a node after its group',
      (t) => outdentNode(t, 'n4'),
      {
        operator: 'and',
        conditions: [success, { operator: 'or', conditions: [timeout] }, duration],
      },
    ],
    [
      'unwrapping a root whose only child is a group',
      (t) => unwrapGroup(removeNode(t, 'n2'), 'n1'),
      {
        operator: 'or',
        conditions: [duration, timeout],
      },
    ],
  ];
  it.each(table)('%s', (_name, operation, expected) => {
    const before = guideTree();
    const snapshot = JSON.stringify(before);
    const after = operation(before);
    expect(toWire(after)).toStrictEqual(expected);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  const noOps: Array<[string, (tree: FilterTree) => FilterTree]> = [
    ['addCondition to a condition', (t) => addCondition(t, 'n2')],
    ['addCondition to an unknown id', (t) => addCondition(t, 'nope')],
    ['addGroup to an unknown id', (t) => addGroup(t, 'nope')],
    ['removeNode of the root', (t) => removeNode(t, 'n1')],
    ['removeNode of an unknown id', (t) => removeNode(t, 'nope')],
    ['updateCondition with the same values', (t) => updateCondition(t, 'n4', { op: 'gte', value: 120 })],
    ['updateCondition of a group', (t) => updateCondition(t, 'n3', { value: 1 })],
    ['setCombinator to the same combinator', (t) => setCombinator(t, 'n3', 'or')],
    ['setCombinator of a condition', (t) => setCombinator(t, 'n2', 'or')],
    ['duplicateNode of the root', (t) => duplicateNode(t, 'n1')],
    ['moveNode up at the top', (t) => moveNode(t, 'n2', 'up')],
    ['moveNode down at the bottom', (t) => moveNode(t, 'n5', 'down')],
    ['moveNode of the root', (t) => moveNode(t, 'n1', { parentId: 'n3', index: 0 })],
    ['moveNode into itself', (t) => moveNode(t, 'n3', { parentId: 'n3', index: 0 })],
    ['moveNode into a condition', (t) => moveNode(t, 'n2', { parentId: 'n4', index: 0 })],
    ['moveNode to where it is', (t) => moveNode(t, 'n5', { parentId: 'n3', index: 1 })],
    ['wrapInGroup of the root', (t) => wrapInGroup(t, 'n1')],
    ['unwrapGroup of a condition', (t) => unwrapGroup(t, 'n2')],
    ['unwrapGroup of a root with two children', (t) => unwrapGroup(t, 'n1')],
    ['outdentNode of a root child', (t) => outdentNode(t, 'n2')],
    ['outdentNode of an unknown id', (t) => outdentNode(t, 'nope')],
    ['outdentNode of the root', (t) => outdentNode(t, 'n1')],
  ];
  it.each(noOps)('%s returns the same tree', (_name, operation) => {
    const tree = guideTree();
    expect(operation(tree)).toBe(tree);
  });

  it('keeps unchanged subtrees by reference', () => {
    const tree = guideTree();
    const next = updateCondition(tree, 'n4', { value: 1 });
    expect(findNode(next, 'n2')).toBe(findNode(tree, 'n2'));
    expect(findNode(next, 'n5')).toBe(findNode(tree, 'n5'));
    expect(findNode(next, 'n3')).not.toBe(findNode(tree, 'n3'));
  });

  it('outdenting the only child of a group removes the emptied group', () => {
    const tree = outdentNode(removeNode(guideTree(), 'n5'), 'n4');
    expect(toWire(tree)).toStrictEqual({ operator: 'and', conditions: [success, duration] });
  });

  it('cannot move a group into its own descendant', () => {
    const tree = wrapInGroup(guideTree(), 'n4', 'and', { id: 'inner' });
    expect(moveNode(tree, 'n3', { parentId: 'inner', index: 0 })).toBe(tree);
  });

  it('gives a duplicate fresh ids throughout', () => {
    const tree = duplicateNode(guideTree(), 'n3');
    const ids = allIds(tree);
    expect(new Set(ids).size).toBe(ids.length);
    expect(countConditions(tree.root)).toBe(5);
  });

  it('adding to an empty tree and removing again writes a lone condition, then null', () => {
    const tree = addCondition(fromWire(null), fromWire(null).root.id);
    const start = fromWire(null);
    const one = addCondition(start, start.root.id, success, { id: 's' });
    expect(toWire(one)).toStrictEqual(success);
    expect(toWire(removeNode(one, 's'))).toBeNull();
    expect(tree).toBeDefined();
  });
});

describe('nodeIdAtWirePath', () => {
  it.each([
    [[], 'n1'],
    [[0], 'n2'],
    [[1], 'n3'],
    [[1, 1], 'n5'],
    [[2], null],
    [[0, 0], null],
  ])('maps %j of the guide example to %s', (path, id) => {
    expect(nodeIdAtWirePath(guideTree(), path)).toBe(id);
  });

  it('skips an implicit root with one child, which is not on the wire', () => {
    const tree = fromWire(success, sequentialIds());
    expect(nodeIdAtWirePath(tree, [])).toBe('n2');
    expect(nodeIdAtWirePath(fromWire(null), [])).toBeNull();
  });
});

describe('structural moves (property)', () => {
  type Step = {
    kind: 'move' | 'wrap' | 'unwrap' | 'outdent' | 'up' | 'down';
    a: number;
    b: number;
    index: number;
  };
  const step: fc.Arbitrary<Step> = fc.record({
    kind: fc.constantFrom('move', 'wrap', 'unwrap', 'outdent', 'up', 'down'),
    a: fc.nat(),
    b: fc.nat(),
    index: fc.integer({ min: -1, max: 6 }),
  });

  it('never loses, duplicates or invents a condition, and keeps ids unique', () => {
    fc.assert(
      fc.property(validFilter, fc.array(step, { maxLength: 12 }), (filter, steps) => {
        let tree = fromWire(filter);
        for (const { kind, a, b, index } of steps) {
          const ids = allIds(tree);
          const first = ids[a % ids.length] ?? '';
          const second = ids[b % ids.length] ?? '';
          if (kind === 'move') tree = moveNode(tree, first, { parentId: second, index });
          if (kind === 'wrap') tree = wrapInGroup(tree, first);
          if (kind === 'unwrap') tree = unwrapGroup(tree, first);
          if (kind === 'outdent') tree = outdentNode(tree, first);
          if (kind === 'up' || kind === 'down') tree = moveNode(tree, first, kind);
        }
        expect(leavesOf(toWire(tree)).sort()).toEqual(leavesOf(filter).sort());
        const ids = allIds(tree);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 200 },
    );
  });
});
