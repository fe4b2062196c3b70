import type { ComponentType } from 'react';
import { classNames } from '../../lib/class-names.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { MenuButton } from '../../ui/menu-button.tsx';
import { ArrowDownIcon, ArrowUpIcon, CopyIcon, IndentIcon, OutdentIcon, TrashIcon } from '../../ui/icons.tsx';
import { focusKey, type FocusControl } from './builder-context.ts';

export type NodeCommand = 'move-up' | 'move-down' | 'indent' | 'outdent' | 'duplicate' | 'remove';

interface ToolbarButton {
  readonly command: NodeCommand;
  readonly label: string;
  readonly shortcut?: string;
  readonly Icon: ComponentType<{ className?: string }>;
}

const BUTTONS: readonly ToolbarButton[] = [
  { command: 'move-up', label: 'Move up', shortcut: 'Alt+ArrowUp', Icon: ArrowUpIcon },
  { command: 'move-down', label: 'Move down', shortcut: 'Alt+ArrowDown', Icon: ArrowDownIcon },
  { command: 'indent', label: 'Indent into a new group', shortcut: 'Alt+ArrowRight', Icon: IndentIcon },
  { command: 'outdent', label: 'Outdent out of this group', shortcut: 'Alt+ArrowLeft', Icon: OutdentIcon },
  { command: 'duplicate', label: 'Duplicate', Icon: CopyIcon },
  { command: 'remove', label: 'Remove', shortcut: 'Delete', Icon: TrashIcon },
];

export const TOOLBAR_BUTTON_CLASS = classNames(
  'inline-flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900',
  'disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent',
  'dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100',
  FOCUS_RING,
);

export interface NodeToolbarProps {
  readonly nodeId: string;
  /** "condition" or "group", for the accessible names ("Remove condition"). */
  readonly noun: string;
  /** Why each command is unavailable; absent commands are available. */
  readonly unavailable: Partial<Record<NodeCommand, string>>;
  readonly disabled: boolean;
  readonly onCommand: (command: NodeCommand) => void;
  /**
   * For a narrow row: Remove stays a button and the other commands go into a "More actions" menu
   * (their Alt+arrow shortcuts work as before).
   */
  readonly compact?: boolean;
}

/**
 * The per-node buttons: move up/down, indent, outdent, duplicate, remove. A disabled button keeps its
 * reason as a tooltip and in its accessible description, so "why can't I" is always answerable.
 */
export function NodeToolbar({
  nodeId,
  noun,
  unavailable,
  disabled,
  onCommand,
  compact = false,
}: NodeToolbarProps) {
  const folded = compact ? BUTTONS.filter(({ command }) => command !== 'remove') : [];
  return (
    <div role="toolbar" aria-label={`${noun} actions`} className="flex shrink-0 items-center">
      {compact && !disabled ? (
        <MenuButton
          label={`More actions (${noun})`}
          glyph="⋮"
          buttonClassName={classNames(TOOLBAR_BUTTON_CLASS, 'text-lg leading-none')}
          buttonData={{ 'data-focus-key': focusKey(nodeId, 'more') }}
          items={folded.map(({ command, label, Icon }) => ({
            label: itemLabel(label),
            Icon,
            disabledReason: unavailable[command],
            onSelect: () => onCommand(command),
          }))}
        />
      ) : null}
      {BUTTONS.filter(({ command }) => !folded.some((item) => item.command === command)).map(
        ({ command, label, shortcut, Icon }) => {
          const reason = unavailable[command] ?? undefined;
          const name = `${itemLabel(label)} (${noun})`;
          return (
            <button
              key={command}
              type="button"
              className={classNames(
                TOOLBAR_BUTTON_CLASS,
                command === 'remove' && 'hover:text-rose-600 dark:hover:text-rose-400',
              )}
              aria-label={name}
              aria-keyshortcuts={shortcut}
              aria-description={reason}
              title={
                reason
                  ? `${label}: ${reason}`
                  : shortcut
                    ? `${label} (${shortcut.replace('Arrow', '')})`
                    : label
              }
              disabled={disabled || reason !== undefined}
              data-focus-key={focusKey(nodeId, command satisfies FocusControl)}
              onClick={() => onCommand(command)}
            >
              <Icon />
            </button>
          );
        },
      )}
    </div>
  );
}

/** "Outdent out of this group" reads "…its group" where the node is named after it. */
function itemLabel(label: string): string {
  return label.replace('this group', 'its group');
}
