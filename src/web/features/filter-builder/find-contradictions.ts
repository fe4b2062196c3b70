import { fieldLabel, isMetricEvaluationField, lookupField } from '../../../contract/field-catalogue.ts';
import { resolveTimeValue } from '../../../contract/relative-time.ts';
import type { ConditionNode, FilterNode, FilterTree, GroupNode } from './filter-tree.ts';
import { describeCondition } from './summarize-filter.ts';
import { isJsonEqual } from '../../lib/is-json-equal.ts';

export interface Contradiction {
  /** The conditions that cannot all hold together. */
  readonly nodeIds: readonly string[];
  readonly message: string;
}

/**
 * Obvious contradictions: conditions that must all hold (the leaves of an `and` group and of the
 * `and` groups nested in it, or of one `same_row` group) but cannot, e.g. `success = true` and
 * `success = false`, `x = a` and `x ≠ a`, `x is empty` and `x contains …`, or numeric and time bounds
 * that leave nothing between them (a widget time range outside the dashboard's, once merged).
 * Metric-evaluation conditions in a plain `and` may match different evaluations, so they are only
 * compared inside `same_row`. Relative times resolve at `now`. Not a solver: it never reports a false
 * contradiction, and may miss subtle ones. Total.
 */
export function findContradictions(tree: FilterTree, options: { now: Date }): Contradiction[] {
  const found: Contradiction[] = [];
  const visit = (group: GroupNode, parentOperator: GroupNode['operator'] | null): void => {
    if (group.operator === 'same_row')
      checkConjunction(group.conditions.filter(isCondition), options.now, found);
    if (group.operator === 'and' && parentOperator !== 'and') {
      const leaves = conjunctionLeaves(group).filter((leaf) => !isMetricEvaluationField(leaf.field));
      checkConjunction(leaves, options.now, found);
    }
    for (const child of group.conditions) if (child.kind === 'group') visit(child, group.operator);
  };
  visit(tree.root, null);
  return found;
}

function isCondition(node: FilterNode): node is ConditionNode {
  return node.kind === 'condition';
}

/** Leaves that must all hold: through nested `and` groups, not into `or` or `same_row`. */
function conjunctionLeaves(group: GroupNode): ConditionNode[] {
  return group.conditions.flatMap((child) => {
    if (child.kind === 'condition') return [child];
    return child.operator === 'and' ? conjunctionLeaves(child) : [];
  });
}

function checkConjunction(leaves: readonly ConditionNode[], now: Date, found: Contradiction[]): void {
  const byField = new Map<string, ConditionNode[]>();
  for (const leaf of leaves) {
    if (leaf.field === '') continue;
    byField.set(leaf.field, [...(byField.get(leaf.field) ?? []), leaf]);
  }
  for (const [field, conditions] of byField) {
    if (conditions.length < 2) continue;
    const pairProblem = findPairProblem(conditions);
    if (pairProblem) {
      found.push(pairProblem);
      continue;
    }
    const rangeProblem = findRangeProblem(field, conditions, now);
    if (rangeProblem) found.push(rangeProblem);
  }
}

function findPairProblem(conditions: readonly ConditionNode[]): Contradiction | null {
  for (let i = 0; i < conditions.length; i += 1) {
    for (let j = i + 1; j < conditions.length; j += 1) {
      const a = conditions[i];
      const b = conditions[j];
      if (!a || !b) continue;
      if (conflicts(a, b) || conflicts(b, a)) {
        return {
          nodeIds: [a.id, b.id],
          message: `“${describeCondition(a)}” and “${describeCondition(b)}” cannot both be true`,
        };
      }
    }
  }
  return null;
}

const NON_NULL_OPS = new Set([
  'eq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startswith',
  'endswith',
  'in',
  'regex',
]);

function conflicts(a: ConditionNode, b: ConditionNode): boolean {
  if (a.op === 'eq' && b.op === 'eq') return !isJsonEqual(a.value, b.value);
  if (a.op === 'eq' && b.op === 'neq') return isJsonEqual(a.value, b.value);
  if (a.op === 'eq' && b.op === 'in' && Array.isArray(b.value)) {
    return !b.value.some((item) => isJsonEqual(item, a.value));
  }
  if (a.op === 'isnull' && b.op === 'isnull') return a.value !== b.value;
  if (a.op === 'isnull' && a.value === true) return NON_NULL_OPS.has(b.op);
  return false;
}

interface Bound {
  readonly at: number;
  readonly strict: boolean;
  readonly node: ConditionNode;
}

/** The tightest lower and upper bound among numeric or time conditions on one field; a problem if they cross. */
function findRangeProblem(
  field: string,
  conditions: readonly ConditionNode[],
  now: Date,
): Contradiction | null {
  const spec = lookupField(field);
  const isTime = spec?.valueType === 'datetime';
  const isNumber = spec?.valueType === 'integer' || spec?.valueType === 'number';
  if (!isTime && !isNumber) return null;
  const toNumber = (node: ConditionNode): number | null => {
    if (isTime) return resolveTimeValue(node.value, node.op, now)?.getTime() ?? null;
    return typeof node.value === 'number' && Number.isFinite(node.value) ? node.value : null;
  };
  let lower: Bound | null = null;
  let upper: Bound | null = null;
  for (const node of conditions) {
    const at = toNumber(node);
    if (at === null) continue;
    if (node.op === 'gt' || node.op === 'gte' || node.op === 'eq') {
      const strict = node.op === 'gt';
      if (!lower || at > lower.at || (at === lower.at && strict)) lower = { at, strict, node };
    }
    if (node.op === 'lt' || node.op === 'lte' || node.op === 'eq') {
      const strict = node.op === 'lt';
      if (!upper || at < upper.at || (at === upper.at && strict)) upper = { at, strict, node };
    }
  }
  if (!lower || !upper || lower.node === upper.node) return null;
  const empty = lower.at > upper.at || (lower.at === upper.at && (lower.strict || upper.strict));
  if (!empty) return null;
  const label = fieldLabel(field);
  const what = isTime ? `The time ranges do not overlap` : `No ${label.toLowerCase()} fits`;
  return {
    nodeIds: [lower.node.id, upper.node.id],
    message: `${what}: “${describeCondition(lower.node)}” and “${describeCondition(upper.node)}”`,
  };
}
