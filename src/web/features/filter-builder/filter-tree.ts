import {
  isFilterGroup,
  type Filter,
  type FilterOp,
  type GroupOperator,
} from '../../../contract/filter-schema.ts';

/**
 * The builder's form representation of a wire filter: the same tree with a stable client-side id on
 * every node, so React keys, focus and drag-and-drop survive edits. Ids never reach the wire.
 *
 * The tree always has a root group so there is somewhere to add the first condition. `implicitRoot`
 * records that the wire had no root group (null or a lone condition): such a root is written out as
 * `null` when empty, as its only child when it has one, and as a group only once it has two or more.
 * That is what makes `toWire(fromWire(x))` give back `x` exactly.
 */
export interface ConditionNode {
  readonly kind: 'condition';
  readonly id: string;
  readonly field: string;
  readonly op: FilterOp;
  readonly value: unknown;
}

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly operator: GroupOperator;
  readonly conditions: readonly FilterNode[];
}

export type FilterNode = ConditionNode | GroupNode;

export interface FilterTree {
  readonly root: GroupNode;
  readonly implicitRoot: boolean;
}

export interface ConditionInput {
  readonly field: string;
  readonly op: FilterOp;
  readonly value: unknown;
}

export type CreateId = () => string;

let idCounter = 0;

/** A fresh node id, unique within this page. Operations take a `createId` so tests can be deterministic. */
export function createNodeId(): string {
  idCounter += 1;
  return `fn${idCounter.toString(36)}`;
}

/** A new condition has no field yet: the row asks for one, and validation says so until it is chosen. */
export const EMPTY_CONDITION: ConditionInput = { field: '', op: 'eq', value: null };

function conditionFromWire(filter: Filter, createId: CreateId): FilterNode {
  if (isFilterGroup(filter)) {
    return {
      kind: 'group',
      id: createId(),
      operator: filter.operator,
      conditions: filter.conditions.map((child) => conditionFromWire(child, createId)),
    };
  }
  return { kind: 'condition', id: createId(), field: filter.field, op: filter.op, value: filter.value };
}

/** The form tree of a wire filter (null → an empty tree). Total. */
export function fromWire(filter: Filter | null | undefined, createId: CreateId = createNodeId): FilterTree {
  if (filter == null) {
    return { root: { kind: 'group', id: createId(), operator: 'and', conditions: [] }, implicitRoot: true };
  }
  if (!isFilterGroup(filter)) {
    const root: GroupNode = {
      kind: 'group',
      id: createId(),
      operator: 'and',
      conditions: [conditionFromWire(filter, createId)],
    };
    return { root, implicitRoot: true };
  }
  const root = conditionFromWire(filter, createId);
  return { root: root.kind === 'group' ? root : emptyGroup(createId), implicitRoot: false };
}

function emptyGroup(createId: CreateId): GroupNode {
  return { kind: 'group', id: createId(), operator: 'and', conditions: [] };
}

/** The wire form of one node, ids stripped. */
export function nodeToWire(node: FilterNode): Filter {
  if (node.kind === 'group') {
    return { operator: node.operator, conditions: node.conditions.map(nodeToWire) };
  }
  return { field: node.field, op: node.op, value: node.value };
}

/** The wire filter of a tree: ids stripped, an empty tree is null, a lone implicit child stands alone. Total. */
export function toWire(tree: FilterTree): Filter | null {
  const { root, implicitRoot } = tree;
  if (implicitRoot) {
    if (root.conditions.length === 0) return null;
    const [only] = root.conditions;
    if (root.conditions.length === 1 && only) return nodeToWire(only);
  }
  return nodeToWire(root);
}

/** Where a node sits: its parent (null for the root), its index there and its group level (root = 1). */
export interface NodeLocation {
  readonly node: FilterNode;
  readonly parent: GroupNode | null;
  readonly index: number;
  /** Groups enclosing the node, the root included; a group's own level is `depth + 1`… for the root, 1. */
  readonly depth: number;
}

/** Finds a node by id, or null. Total. */
export function findLocation(tree: FilterTree, id: string): NodeLocation | null {
  if (tree.root.id === id) return { node: tree.root, parent: null, index: 0, depth: 0 };
  const visit = (group: GroupNode, depth: number): NodeLocation | null => {
    for (let index = 0; index < group.conditions.length; index += 1) {
      const child = group.conditions[index];
      if (!child) continue;
      if (child.id === id) return { node: child, parent: group, index, depth };
      if (child.kind === 'group') {
        const found = visit(child, depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(tree.root, 1);
}

export function findNode(tree: FilterTree, id: string): FilterNode | null {
  return findLocation(tree, id)?.node ?? null;
}

/** Whether `id` is `ancestorId` or lies inside it. */
export function isWithin(tree: FilterTree, id: string, ancestorId: string): boolean {
  const ancestor = findNode(tree, ancestorId);
  if (!ancestor) return false;
  const search = (node: FilterNode): boolean =>
    node.id === id || (node.kind === 'group' && node.conditions.some(search));
  return search(ancestor);
}

/** Number of nested groups on the deepest path from this node (a condition is 0, a flat group 1). */
export function groupDepth(node: FilterNode): number {
  if (node.kind === 'condition') return 0;
  return 1 + node.conditions.reduce((max, child) => Math.max(max, groupDepth(child)), 0);
}

/** Number of leaf conditions in a subtree. */
export function countConditions(node: FilterNode): number {
  if (node.kind === 'condition') return 1;
  return node.conditions.reduce((sum, child) => sum + countConditions(child), 0);
}

/**
 * The node a D8 error path (condition indices from the wire root) points at, or null. The wire root
 * is the tree root, except for an implicit root with one child, which is not on the wire. Total.
 */
export function nodeIdAtWirePath(tree: FilterTree, path: readonly number[]): string | null {
  const { root, implicitRoot } = tree;
  let node: FilterNode | undefined = implicitRoot && root.conditions.length === 1 ? root.conditions[0] : root;
  if (implicitRoot && root.conditions.length === 0) return null;
  for (const index of path) {
    if (!node || node.kind !== 'group') return null;
    node = node.conditions[index];
  }
  return node?.id ?? null;
}

// ---- immutable updates -------------------------------------------------------------------------

/** Applies `update` to the group with `groupId`, rebuilding only the path to it; same tree when unchanged. */
function updateGroup(tree: FilterTree, groupId: string, update: (group: GroupNode) => GroupNode): FilterTree {
  const rebuild = (group: GroupNode): GroupNode => {
    if (group.id === groupId) return update(group);
    let changed = false;
    const conditions = group.conditions.map((child) => {
      if (child.kind !== 'group') return child;
      const next = rebuild(child);
      if (next !== child) changed = true;
      return next;
    });
    return changed ? { ...group, conditions } : group;
  };
  return withRoot(tree, rebuild(tree.root));
}

/** An emptied root goes back to implicit, so clearing every condition writes `null`. */
function withRoot(tree: FilterTree, root: GroupNode): FilterTree {
  if (root === tree.root) return tree;
  return { root, implicitRoot: root.conditions.length === 0 ? true : tree.implicitRoot };
}

function setChildren(group: GroupNode, conditions: readonly FilterNode[]): GroupNode {
  return { ...group, conditions };
}

function insertAt<T>(items: readonly T[], index: number, ...added: T[]): T[] {
  const at = Math.max(0, Math.min(items.length, Math.trunc(index)));
  return [...items.slice(0, at), ...added, ...items.slice(at)];
}

function removeAt<T>(items: readonly T[], index: number): T[] {
  return [...items.slice(0, index), ...items.slice(index + 1)];
}

function replaceAt<T>(items: readonly T[], index: number, ...replacement: T[]): T[] {
  return [...items.slice(0, index), ...replacement, ...items.slice(index + 1)];
}

// ---- operations --------------------------------------------------------------------------------

export interface AddOptions {
  /** Position in the parent; appended when absent or past the end. */
  readonly index?: number;
  /** Id of the new node (the component picks it to move focus there). */
  readonly id?: string;
  readonly createId?: CreateId;
}

/** Adds a condition (empty unless given) to a group. Unknown or non-group parent: same tree. */
export function addCondition(
  tree: FilterTree,
  parentId: string,
  condition: ConditionInput = EMPTY_CONDITION,
  options: AddOptions = {},
): FilterTree {
  const parent = findNode(tree, parentId);
  if (!parent || parent.kind !== 'group') return tree;
  const node: ConditionNode = {
    kind: 'condition',
    id: options.id ?? (options.createId ?? createNodeId)(),
    field: condition.field,
    op: condition.op,
    value: condition.value,
  };
  return updateGroup(tree, parentId, (group) =>
    setChildren(group, insertAt(group.conditions, options.index ?? group.conditions.length, node)),
  );
}

/** Adds a group holding one empty condition (a group with nothing in it has nothing to edit). */
export function addGroup(
  tree: FilterTree,
  parentId: string,
  operator: GroupOperator = 'and',
  options: AddOptions & { readonly conditionId?: string } = {},
): FilterTree {
  const parent = findNode(tree, parentId);
  if (!parent || parent.kind !== 'group') return tree;
  const createId = options.createId ?? createNodeId;
  const group: GroupNode = {
    kind: 'group',
    id: options.id ?? createId(),
    operator,
    conditions: [{ kind: 'condition', id: options.conditionId ?? createId(), ...EMPTY_CONDITION }],
  };
  return updateGroup(tree, parentId, (target) =>
    setChildren(target, insertAt(target.conditions, options.index ?? target.conditions.length, group)),
  );
}

/** Removes a node and its subtree. The root cannot be removed; unknown id: same tree. */
export function removeNode(tree: FilterTree, id: string): FilterTree {
  const location = findLocation(tree, id);
  if (!location?.parent) return tree;
  const { parent, index } = location;
  return updateGroup(tree, parent.id, (group) => setChildren(group, removeAt(group.conditions, index)));
}

/** Replaces a condition's field, op and/or value as given. No change or not a condition: same tree. */
export function updateCondition(tree: FilterTree, id: string, patch: Partial<ConditionInput>): FilterTree {
  const location = findLocation(tree, id);
  if (!location?.parent || location.node.kind !== 'condition') return tree;
  const current = location.node;
  const next: ConditionNode = {
    ...current,
    field: patch.field ?? current.field,
    op: patch.op ?? current.op,
    value: 'value' in patch ? patch.value : current.value,
  };
  if (next.field === current.field && next.op === current.op && Object.is(next.value, current.value)) {
    return tree;
  }
  const { parent, index } = location;
  return updateGroup(tree, parent.id, (group) =>
    setChildren(group, replaceAt(group.conditions, index, next)),
  );
}

/** Sets a group's combinator. Same combinator, unknown id or a condition: same tree. */
export function setCombinator(tree: FilterTree, groupId: string, operator: GroupOperator): FilterTree {
  const node = findNode(tree, groupId);
  if (!node || node.kind !== 'group' || node.operator === operator) return tree;
  return updateGroup(tree, groupId, (group) => ({ ...group, operator }));
}

function cloneWithNewIds(node: FilterNode, createId: CreateId): FilterNode {
  if (node.kind === 'condition') return { ...node, id: createId() };
  return {
    ...node,
    id: createId(),
    conditions: node.conditions.map((child) => cloneWithNewIds(child, createId)),
  };
}

/** Inserts a copy (fresh ids throughout) right after the node. The root cannot be duplicated. */
export function duplicateNode(tree: FilterTree, id: string, createId: CreateId = createNodeId): FilterTree {
  const location = findLocation(tree, id);
  if (!location?.parent) return tree;
  const { parent, index, node } = location;
  const copy = cloneWithNewIds(node, createId);
  return updateGroup(tree, parent.id, (group) =>
    setChildren(group, insertAt(group.conditions, index + 1, copy)),
  );
}

export type MoveTarget = 'up' | 'down' | { readonly parentId: string; readonly index: number };

/**
 * Moves a node: one place up or down among its siblings, or into any group at an index counted
 * after the node has been taken out of its old place. Moving the root, into the node itself or one
 * of its descendants, past the ends with up/down, or to where it already is: same tree.
 */
export function moveNode(tree: FilterTree, id: string, target: MoveTarget): FilterTree {
  const location = findLocation(tree, id);
  if (!location?.parent) return tree;
  const { parent, index, node } = location;
  const destination =
    target === 'up'
      ? { parentId: parent.id, index: index - 1 }
      : target === 'down'
        ? { parentId: parent.id, index: index + 1 }
        : target;
  if (
    (target === 'up' || target === 'down') &&
    (destination.index < 0 || destination.index >= parent.conditions.length)
  ) {
    return tree;
  }
  const targetGroup = findNode(tree, destination.parentId);
  if (!targetGroup || targetGroup.kind !== 'group' || isWithin(tree, destination.parentId, id)) return tree;
  const remainingLength =
    targetGroup.id === parent.id ? parent.conditions.length - 1 : targetGroup.conditions.length;
  const finalIndex = Math.max(0, Math.min(remainingLength, Math.trunc(destination.index)));
  if (targetGroup.id === parent.id && finalIndex === index) return tree;
  const removed = updateGroup(tree, parent.id, (group) =>
    setChildren(group, removeAt(group.conditions, index)),
  );
  const inserted = updateGroup(removed, destination.parentId, (group) =>
    setChildren(group, insertAt(group.conditions, finalIndex, node)),
  );
  // Taking the last child out of the root and putting it back into a subgroup never empties the
  // root, but `withRoot` may have marked it implicit on the way; the final root decides.
  return { root: inserted.root, implicitRoot: inserted.root.conditions.length === 0 || tree.implicitRoot };
}

/** Replaces a node by a new group holding just it ("indent"). The root cannot be wrapped. */
export function wrapInGroup(
  tree: FilterTree,
  id: string,
  operator: GroupOperator = 'and',
  options: { readonly id?: string; readonly createId?: CreateId } = {},
): FilterTree {
  const location = findLocation(tree, id);
  if (!location?.parent) return tree;
  const { parent, index, node } = location;
  const group: GroupNode = {
    kind: 'group',
    id: options.id ?? (options.createId ?? createNodeId)(),
    operator,
    conditions: [node],
  };
  return updateGroup(tree, parent.id, (target) =>
    setChildren(target, replaceAt(target.conditions, index, group)),
  );
}

/**
 * Replaces a group by its children, in place. The root can only be unwrapped when its one child is
 * a group, which becomes the root. Conditions, unknown ids and other roots: same tree.
 */
export function unwrapGroup(tree: FilterTree, groupId: string): FilterTree {
  const location = findLocation(tree, groupId);
  if (!location || location.node.kind !== 'group') return tree;
  const group = location.node;
  if (!location.parent) {
    const [only] = group.conditions;
    if (group.conditions.length !== 1 || !only || only.kind !== 'group') return tree;
    return { root: only, implicitRoot: false };
  }
  const { parent, index } = location;
  return updateGroup(tree, parent.id, (target) =>
    setChildren(target, replaceAt(target.conditions, index, ...group.conditions)),
  );
}

/**
 * Moves a node out of its group to just after that group ("outdent"); a group left empty by this goes
 * too (outdenting the only condition of a group is ungrouping it). Children of the root: same tree.
 */
export function outdentNode(tree: FilterTree, id: string): FilterTree {
  const location = findLocation(tree, id);
  if (!location?.parent) return tree;
  const parentLocation = findLocation(tree, location.parent.id);
  if (!parentLocation?.parent) return tree;
  if (location.parent.conditions.length === 1) return unwrapGroup(tree, location.parent.id);
  return moveNode(tree, id, { parentId: parentLocation.parent.id, index: parentLocation.index + 1 });
}
