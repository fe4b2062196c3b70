import { isMetricEvaluationField } from '../../../contract/field-catalogue.ts';
import type { GroupOperator } from '../../../contract/filter-schema.ts';
import type { GroupNode } from './filter-tree.ts';

export const COMBINATOR_LABELS: Record<GroupOperator, string> = {
  and: 'All of',
  or: 'Any of',
  same_row: 'Same evaluation',
};

/** How the summary line and the JSON read each combinator, for the option hints. */
export const COMBINATOR_HINTS: Record<GroupOperator, string> = {
  and: 'every condition must match',
  or: 'at least one condition must match',
  same_row: 'every condition must match on the same metric evaluation',
};

/**
 * `same_row` is offered only for a group whose children are all metric-evaluation conditions (D11):
 * anything else there would be rejected. A group that already is `same_row` keeps the option, so
 * its current value stays visible even while invalid. Total.
 */
export function canUseSameRow(group: GroupNode): boolean {
  if (group.operator === 'same_row') return true;
  return (
    group.conditions.length > 0 &&
    group.conditions.every((child) => child.kind === 'condition' && isMetricEvaluationField(child.field))
  );
}

/** The combinators a group may switch to, in display order. */
export function availableCombinators(group: GroupNode): GroupOperator[] {
  return canUseSameRow(group) ? ['and', 'or', 'same_row'] : ['and', 'or'];
}
