import { findLocation, isWithin, type FilterTree, type MoveTarget } from './filter-tree.ts';
import { moveIntoProblem } from './tree-limits.ts';

/** Droppable ids of group bodies (for dropping into an empty group or at its end) carry this prefix. */
export const GROUP_DROP_PREFIX = 'drop:';

export function groupDropId(groupId: string): string {
  return `${GROUP_DROP_PREFIX}${groupId}`;
}

/**
 * Where a drag of `activeId` released over `overId` moves it: over a group body, to the end of that
 * group; over a node, to that node's place in its group (before it when coming from elsewhere, its
 * index when reordering within the group, like a sortable list). Null when the drop changes nothing
 * or is not allowed (the root, into itself or its descendants, beyond the depth limit). Total.
 */
export function resolveDrop(tree: FilterTree, activeId: string, overId: string | null): MoveTarget | null {
  if (overId === null || overId === activeId) return null;
  const active = findLocation(tree, activeId);
  if (!active?.parent) return null;
  let target: { parentId: string; index: number };
  if (overId.startsWith(GROUP_DROP_PREFIX)) {
    const groupId = overId.slice(GROUP_DROP_PREFIX.length);
    const group = findLocation(tree, groupId)?.node;
    if (!group || group.kind !== 'group') return null;
    const length = group.conditions.length - (groupId === active.parent.id ? 1 : 0);
    target = { parentId: groupId, index: length };
  } else {
    const over = findLocation(tree, overId);
    if (!over?.parent) return null;
    target = { parentId: over.parent.id, index: over.index };
  }
  if (isWithin(tree, target.parentId, activeId)) return null;
  if (target.parentId === active.parent.id && target.index === active.index) return null;
  if (moveIntoProblem(tree, activeId, target.parentId) !== null) return null;
  return target;
}
