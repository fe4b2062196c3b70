import { useCallback } from 'react';
import { useBuilderActions, type BuilderActions, type FocusControl } from './builder-context.ts';
import {
  createNodeId,
  duplicateNode,
  findLocation,
  moveNode,
  outdentNode,
  removeNode,
  wrapInGroup,
} from './filter-tree.ts';
import type { NodeCommand } from './node-toolbar.tsx';

/**
 * Runs a toolbar command on a node and keeps focus sensible: on the same control of the moved node
 * (or its nearest working neighbour), on the copy after a duplicate, and on the next, previous or
 * parent's "Add condition" after a remove.
 */
export function runNodeCommand(
  actions: BuilderActions,
  id: string,
  command: NodeCommand,
  from?: FocusControl,
): void {
  const stay = (control: FocusControl) => ({ id, control: from ?? control });
  switch (command) {
    case 'move-up':
      actions.apply((tree) => moveNode(tree, id, 'up'), stay('move-up'));
      return;
    case 'move-down':
      actions.apply((tree) => moveNode(tree, id, 'down'), stay('move-down'));
      return;
    case 'indent':
      actions.apply((tree) => wrapInGroup(tree, id), stay('indent'));
      return;
    case 'outdent':
      actions.apply((tree) => outdentNode(tree, id), stay('outdent'));
      return;
    case 'duplicate': {
      let copyId: string | null = null;
      const createId = () => {
        const next = createNodeId();
        copyId ??= next;
        return next;
      };
      const next = duplicateNode(actions.getTree(), id, createId);
      if (copyId !== null) actions.apply(() => next, { id: copyId, control: 'first' });
      return;
    }
    case 'remove': {
      const location = findLocation(actions.getTree(), id);
      if (!location?.parent) return;
      const { parent, index } = location;
      const neighbour = parent.conditions[index + 1] ?? parent.conditions[index - 1];
      actions.apply(
        (tree) => removeNode(tree, id),
        neighbour ? { id: neighbour.id, control: 'first' } : { id: parent.id, control: 'add-condition' },
      );
      return;
    }
  }
}

/** The keyboard shortcuts of a node row (Alt+arrows, Delete is left to the Remove button). */
export function commandForKey(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): NodeCommand | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowUp':
      return 'move-up';
    case 'ArrowDown':
      return 'move-down';
    case 'ArrowRight':
      return 'indent';
    case 'ArrowLeft':
      return 'outdent';
    default:
      return null;
  }
}

/** The control a keyboard event came from, read from its `data-focus-key`, so focus can return there. */
export function focusControlOf(target: EventTarget, id: string): FocusControl | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  const key = target.closest('[data-focus-key]')?.getAttribute('data-focus-key');
  if (!key?.startsWith(`${id}:`)) return undefined;
  const control = key.slice(id.length + 1);
  return FOCUS_CONTROLS.find((candidate) => candidate === control);
}

const FOCUS_CONTROLS: readonly FocusControl[] = [
  'field',
  'metadata-key',
  'operator',
  'value',
  'combinator',
  'handle',
  'add-condition',
  'move-up',
  'move-down',
  'indent',
  'outdent',
  'duplicate',
  'remove',
  'more',
  'first',
];

/** A stable handler for a node's commands and shortcuts. */
export function useNodeCommand(id: string) {
  const actions = useBuilderActions();
  const run = useCallback(
    (command: NodeCommand, from?: FocusControl) => runNodeCommand(actions, id, command, from),
    [actions, id],
  );
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (event.target instanceof HTMLSelectElement) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      run(command, focusControlOf(event.target, id));
    },
    [run, id],
  );
  return { run, onKeyDown };
}
