import { useId } from 'react';
import { classNames } from '../../lib/class-names.ts';
import { Button } from '../../ui/button.tsx';
import { AlertIcon } from '../../ui/icons.tsx';
import { CONTROL_CLASS_NAME } from '../../ui/text-input.tsx';

export interface FilterJsonEditorProps {
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  /** Why the text cannot go back to the visual view (not JSON, not a filter, keys it would drop). */
  readonly problem: string | null;
  /** Contract validation of the JSON, path-prefixed as the API words it (D8). */
  readonly messages: readonly string[];
  /** The user asked to switch back while `problem` holds. */
  readonly switchBlocked: boolean;
  readonly onDiscard: () => void;
  readonly disabled: boolean;
}

/**
 * "Edit as JSON": the wire filter as text. Every edit that the visual view can show without loss is
 * applied at once (so saving from here works too); anything else stays a draft with its problem
 * shown, and switching back is refused until it is fixed or discarded.
 */
export function FilterJsonEditor({
  text,
  onTextChange,
  problem,
  messages,
  switchBlocked,
  onDiscard,
  disabled,
}: FilterJsonEditorProps) {
  const id = useId();
  const describedBy = [
    `${id}-hint`,
    problem ? `${id}-problem` : null,
    messages.length > 0 ? `${id}-messages` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        Filter JSON
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={Math.min(26, Math.max(8, text.split('\n').length + 2))}
        spellCheck={false}
        disabled={disabled}
        aria-invalid={problem !== null || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onTextChange(event.target.value)}
        className={classNames(CONTROL_CLASS_NAME, 'py-2 font-mono text-xs leading-5')}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        The filter exactly as the API stores it. Empty text or <code>null</code> means no filter.
      </p>
      {problem ? (
        <div
          id={`${id}-problem`}
          role={switchBlocked ? 'alert' : undefined}
          className="flex flex-wrap items-center gap-2 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/40 dark:text-rose-300"
        >
          <AlertIcon className="size-4 shrink-0" />
          <span className="flex-1">
            {problem}
            {switchBlocked
              ? ' Fix it to switch back to the visual view, or go back to the last valid filter.'
              : null}
          </span>
          {switchBlocked ? (
            <Button size="sm" variant="secondary" onClick={onDiscard}>
              Discard JSON edits
            </Button>
          ) : null}
        </div>
      ) : null}
      {messages.length > 0 ? (
        <ul
          id={`${id}-messages`}
          aria-label="Validation"
          className="space-y-1 text-sm text-rose-700 dark:text-rose-400"
        >
          {messages.map((message) => (
            <li key={message} className="flex items-start gap-1.5">
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              <code className="break-all text-xs">{message}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
