import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import { classNames } from '../../lib/class-names.ts';
import { focusKey } from './builder-context.ts';
import { GripIcon } from '../../ui/icons.tsx';
import { TOOLBAR_BUTTON_CLASS } from './node-toolbar.tsx';

export interface DragHandleProps {
  readonly nodeId: string;
  readonly label: string;
  readonly attributes: DraggableAttributes;
  readonly listeners: DraggableSyntheticListeners;
  readonly setActivatorNodeRef: (element: HTMLElement | null) => void;
  readonly disabled: boolean;
}

/**
 * The only drag activator of a node (so text inputs stay selectable). dnd-kit's keyboard sensor makes
 * it work without a mouse: Space to pick up, arrows to move, Space to drop, Escape to cancel.
 */
export function DragHandle({
  nodeId,
  label,
  attributes,
  listeners,
  setActivatorNodeRef,
  disabled,
}: DragHandleProps) {
  return (
    <button
      type="button"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={label}
      disabled={disabled}
      data-focus-key={focusKey(nodeId, 'handle')}
      className={classNames(TOOLBAR_BUTTON_CLASS, 'cursor-grab touch-none active:cursor-grabbing')}
    >
      <GripIcon />
    </button>
  );
}
