import { FILTER_LIMITS } from '../../../contract/filter-validation.ts';
import { countConditions, findLocation, groupDepth, type FilterTree } from './filter-tree.ts';

/** The visible reasons a structural action is unavailable (D11). */
export const LIMIT_REASONS = {
  depth: `Groups can be nested at most ${FILTER_LIMITS.maxDepth} levels deep.`,
  conditions: `A filter can hold at most ${FILTER_LIMITS.maxConditions} conditions.`,
} as const;

/** A group's level: the root is 1. Null for unknown ids and conditions. */
export function groupLevel(tree: FilterTree, groupId: string): number | null {
  const location = findLocation(tree, groupId);
  return location && location.node.kind === 'group' ? location.depth + 1 : null;
}

/** Why `nodeId` cannot go into `parentId` (depth), or null when it can. Unknown ids: null. */
export function moveIntoProblem(tree: FilterTree, nodeId: string, parentId: string): string | null {
  const level = groupLevel(tree, parentId);
  const node = findLocation(tree, nodeId)?.node;
  if (level === null || !node) return null;
  return level + groupDepth(node) > FILTER_LIMITS.maxDepth ? LIMIT_REASONS.depth : null;
}

/** Why a new group cannot be added inside `groupId`, or null. */
export function addGroupProblem(tree: FilterTree, groupId: string): string | null {
  const level = groupLevel(tree, groupId);
  if (level !== null && level + 1 > FILTER_LIMITS.maxDepth) return LIMIT_REASONS.depth;
  return addConditionProblem(tree, 1);
}

/** Why a node cannot be wrapped in a new group ("indent"), or null. */
export function indentProblem(tree: FilterTree, nodeId: string): string | null {
  const location = findLocation(tree, nodeId);
  if (!location?.parent) return null;
  return location.depth + 1 + groupDepth(location.node) > FILTER_LIMITS.maxDepth ? LIMIT_REASONS.depth : null;
}

/** Why `added` more conditions do not fit, or null. */
export function addConditionProblem(tree: FilterTree, added = 1): string | null {
  return countConditions(tree.root) + added > FILTER_LIMITS.maxConditions ? LIMIT_REASONS.conditions : null;
}

/** Why a node cannot be duplicated, or null. */
export function duplicateProblem(tree: FilterTree, nodeId: string): string | null {
  const node = findLocation(tree, nodeId)?.node;
  return node ? addConditionProblem(tree, countConditions(node)) : null;
}
