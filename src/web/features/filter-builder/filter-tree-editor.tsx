import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useMemo, useState } from 'react';
import { countConditions, findNode, isWithin, moveNode, type FilterTree } from './filter-tree.ts';
import { FILTER_LIMITS } from '../../../contract/filter-validation.ts';
import { useBuilderActions, useBuilderEnvironment } from './builder-context.ts';
import { GripIcon } from '../../ui/icons.tsx';
import { COMBINATOR_LABELS } from './combinator.ts';
import { GROUP_DROP_PREFIX, resolveDrop } from './drop-target.ts';
import { GroupView } from './group-view.tsx';
import { describeCondition } from './summarize-filter.ts';

// Module constants on purpose: dnd-kit memoises sensors on the options object, and new sensors on
// every render would re-render every draggable row on every edit.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };

function nodeIdOf(droppableId: UniqueIdentifier): string {
  const id = String(droppableId);
  return id.startsWith(GROUP_DROP_PREFIX) ? id.slice(GROUP_DROP_PREFIX.length) : id;
}

/** How a node is named in drag announcements: the condition read aloud, or "group Any of". */
function describeNode(tree: FilterTree, id: string): string {
  const node = findNode(tree, id);
  if (!node) return 'item';
  if (node.kind === 'group') return `group ${COMBINATOR_LABELS[node.operator]}`;
  return node.field === ''
    ? 'empty condition'
    : `condition ${describeCondition({ field: node.field, op: node.op, value: node.value })}`;
}

function describeTarget(tree: FilterTree, overId: UniqueIdentifier): string {
  const id = String(overId);
  if (id.startsWith(GROUP_DROP_PREFIX)) return `the end of ${describeNode(tree, nodeIdOf(id))}`;
  return `the place of ${describeNode(tree, id)}`;
}

/**
 * The visual editor: the root group inside a dnd-kit context. Drops are resolved by the pure
 * `resolveDrop` (same group: sortable reorder; another group: before the row under the pointer, or
 * at the end of a group body) and refused beyond the depth limit or into the dragged group itself.
 * Pointer drops pick the innermost target under the pointer; keyboard drags use the closest centre.
 */
export function FilterTreeEditor({ tree }: { tree: FilterTree }) {
  const actions = useBuilderActions();
  const { disabled } = useBuilderEnvironment();
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );

  const collisionDetection: CollisionDetection = useCallback(
    (args) => {
      const dragged = String(args.active.id);
      const current = actions.getTree();
      // Never offer the dragged group's own inside as a target.
      const droppableContainers = args.droppableContainers.filter((container) => {
        const nodeId = nodeIdOf(container.id);
        if (String(container.id) === `${GROUP_DROP_PREFIX}${dragged}`) return false;
        return nodeId === dragged || !isWithin(current, nodeId, dragged);
      });
      const filtered = { ...args, droppableContainers };
      const within = pointerWithin(filtered);
      if (within.length > 0) {
        const area = (id: UniqueIdentifier) => {
          const rect = args.droppableRects.get(id);
          return rect ? rect.width * rect.height : Number.POSITIVE_INFINITY;
        };
        return [...within].sort((a, b) => area(a.id) - area(b.id)).slice(0, 1);
      }
      return closestCenter(filtered);
    },
    [actions],
  );

  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active }) =>
        `Picked up ${describeNode(actions.getTree(), String(active.id))}. Use the arrow keys to move, Space to drop, Escape to cancel.`,
      onDragOver: ({ active, over }) =>
        over
          ? `${describeNode(actions.getTree(), String(active.id))} is over ${describeTarget(actions.getTree(), over.id)}.`
          : 'Not over a place it can be dropped.',
      onDragEnd: ({ active, over }) =>
        over
          ? `Dropped ${describeNode(actions.getTree(), String(active.id))} at ${describeTarget(actions.getTree(), over.id)}.`
          : 'Dropped where it was.',
      onDragCancel: ({ active }) =>
        `Moving ${describeNode(actions.getTree(), String(active.id))} was cancelled.`,
    }),
    [actions],
  );

  const accessibility = useMemo(() => ({ announcements }), [announcements]);

  const onDragEnd = (event: DragEndEvent) => {
    setActiveId(null);
    const id = String(event.active.id);
    const target = resolveDrop(actions.getTree(), id, event.over ? String(event.over.id) : null);
    if (target) actions.apply((current) => moveNode(current, id, target), { id, control: 'handle' });
  };

  const active = activeId ? findNode(tree, activeId) : null;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={accessibility}
      onDragStart={(event) => setActiveId(String(event.active.id))}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
    >
      <GroupView
        group={tree.root}
        index={0}
        siblingCount={1}
        parentOperator={null}
        level={1}
        conditionRoom={FILTER_LIMITS.maxConditions - countConditions(tree.root)}
        isLast
      />
      <DragOverlay dropAnimation={null}>
        {active && !disabled ? (
          <div className="flex max-w-md items-center gap-2 rounded-md border border-indigo-300 bg-white px-3 py-2 text-sm text-slate-800 shadow-lg dark:border-indigo-700 dark:bg-slate-900 dark:text-slate-100">
            <GripIcon />
            <span className="truncate">
              {active.kind === 'group'
                ? `Group: ${COMBINATOR_LABELS[active.operator]} (${countConditions(active)} conditions)`
                : describeCondition({ field: active.field, op: active.op, value: active.value })}
            </span>
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
