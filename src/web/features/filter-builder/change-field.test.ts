import type { Filter, FilterOp } from '../../../contract/filter-schema.ts';
import { MetricSchema } from '../../../contract/metric-schema.ts';
import { changeField, changeOperator } from './change-field.ts';
import { fromWire, toWire, type FilterTree } from './filter-tree.ts';

/** A group holding one condition, so the condition's id is known: root n1, condition n2. */
function treeWith(condition: Filter): FilterTree {
  let next = 0;
  return fromWire({ operator: 'and', conditions: [condition] }, () => {
    next += 1;
    return `n${next}`;
  });
}

function only(tree: FilterTree): unknown {
  const wire = toWire(tree);
  return wire && 'conditions' in wire ? wire.conditions[0] : wire;
}

const accuracy = MetricSchema.parse({
  id: 7,
  name: 'accuracy',
  eval_type: 'enum',
  enum_values: ['good', 'bad'],
});

describe('changeField', () => {
  it.each<[string, Filter, string, unknown]>([
    [
      'keeps op and value when still valid',
      { field: 'call_ended_reason', op: 'eq', value: 'hangup' },
      'topic',
      { field: 'topic', op: 'eq', value: 'hangup' },
    ],
    [
      'resets an op the new field does not allow',
      { field: 'duration', op: 'gte', value: 120 },
      'success',
      { field: 'success', op: 'eq', value: true },
    ],
    [
      'keeps the op but resets a value of the wrong type',
      { field: 'duration', op: 'eq', value: 1.5 },
      'id',
      { field: 'id', op: 'eq', value: null },
    ],
    [
      'keeps a whole number moving from duration to id',
      { field: 'duration', op: 'lt', value: 30 },
      'id',
      { field: 'id', op: 'lt', value: 30 },
    ],
    [
      'keeps the metadata op and value while the key is typed',
      { field: 'metadata.reg', op: 'contains', value: 'EU' },
      'metadata.region',
      { field: 'metadata.region', op: 'contains', value: 'EU' },
    ],
    [
      'starts a time field at a week ago for gte',
      { field: 'duration', op: 'gte', value: 1 },
      'timestamp',
      { field: 'timestamp', op: 'gte', value: 'now-7d' },
    ],
    [
      'gives a new condition the field default',
      { field: '', op: 'eq', value: null },
      'success',
      { field: 'success', op: 'eq', value: true },
    ],
    [
      'falls back to the first op when eq is not allowed',
      { field: 'topic', op: 'contains', value: 'x' },
      'agent.agent_name',
      { field: 'agent.agent_name', op: 'contains', value: 'x' },
    ],
  ])('%s', (_name, condition, field, expected) => {
    expect(only(changeField(treeWith(condition), 'n2', field))).toStrictEqual(expected);
  });

  it('returns the same tree for the same field, a group or an unknown id', () => {
    const tree = treeWith({ field: 'topic', op: 'eq', value: 'a' });
    expect(changeField(tree, 'n2', 'topic')).toBe(tree);
    expect(changeField(tree, 'n1', 'topic')).toBe(tree);
    expect(changeField(tree, 'zz', 'topic')).toBe(tree);
  });

  it('starts an enum metric value at its first enum value', () => {
    let next = 0;
    const tree = fromWire(
      {
        operator: 'same_row',
        conditions: [
          { field: 'metric_evaluations.metric.id', op: 'eq', value: 7 },
          { field: '', op: 'eq', value: null },
        ],
      },
      () => `n${(next += 1)}`,
    );
    const changed = changeField(tree, 'n3', 'metric_evaluations.value', { metrics: [accuracy] });
    expect(toWire(changed)).toStrictEqual({
      operator: 'same_row',
      conditions: [
        { field: 'metric_evaluations.metric.id', op: 'eq', value: 7 },
        { field: 'metric_evaluations.value', op: 'eq', value: 'good' },
      ],
    });
  });
});

describe('changeOperator', () => {
  it.each<[string, Filter, FilterOp, unknown]>([
    ['wraps a scalar for in', { field: 'topic', op: 'eq', value: 'a' }, 'in', ['a']],
    ['takes the first item of a list', { field: 'topic', op: 'in', value: ['a', 'b'] }, 'eq', 'a'],
    ['starts isnull at true', { field: 'topic', op: 'eq', value: 'a' }, 'isnull', true],
    ['keeps a valid value', { field: 'duration', op: 'gte', value: 120 }, 'lt', 120],
    ['resets a boolean for contains', { field: 'topic', op: 'isnull', value: true }, 'contains', ''],
    ['does not wrap an empty text', { field: 'topic', op: 'eq', value: '' }, 'in', []],
  ])('%s', (_name, condition, op, value) => {
    expect(only(changeOperator(treeWith(condition), 'n2', op))).toStrictEqual({ ...condition, op, value });
  });

  it('returns the same tree for the same operator', () => {
    const tree = treeWith({ field: 'topic', op: 'eq', value: 'a' });
    expect(changeOperator(tree, 'n2', 'eq')).toBe(tree);
  });
});
