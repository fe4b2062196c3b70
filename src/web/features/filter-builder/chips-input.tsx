import { useId, useRef, useState } from 'react';
import { classNames } from '../../lib/class-names.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { CloseIcon } from '../../ui/icons.tsx';
import { splitListText } from './parse-list.ts';
import { isJsonEqual } from '../../lib/is-json-equal.ts';

export interface ChipsInputProps {
  readonly values: readonly unknown[];
  readonly onChange: (values: unknown[]) => void;
  /** Reads one typed item as a value (numbers for number fields). */
  readonly parseItem: (text: string) => unknown;
  readonly suggestions?: readonly string[];
  /** Called when the input gets the focus (e.g. to fetch the suggestions). */
  readonly onFocus?: (() => void) | undefined;
  readonly label: string;
  readonly disabled?: boolean;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly focusKey?: string;
}

function itemText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A list value as chips, for `in`: Enter or a comma adds the typed item, pasting a comma- or
 * newline-separated list adds every item at once, Backspace in the empty input removes the last chip,
 * and every chip has its own remove button. Duplicates are added once.
 */
export function ChipsInput({
  values,
  onChange,
  parseItem,
  suggestions,
  onFocus,
  label,
  disabled,
  invalid,
  describedBy,
  focusKey,
}: ChipsInputProps) {
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hintId = useId();

  const add = (texts: readonly string[]) => {
    const next = [...values];
    for (const text of texts) {
      const item = parseItem(text);
      if (!next.some((existing) => isJsonEqual(existing, item))) next.push(item);
    }
    if (next.length !== values.length) onChange(next);
  };
  const commitDraft = () => {
    const items = splitListText(draft);
    setDraft('');
    if (items.length > 0) add(items);
  };

  return (
    <div
      role="group"
      aria-label={label}
      className={classNames(
        'flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border bg-white px-1.5 py-1 shadow-sm dark:bg-slate-900',
        invalid ? 'border-rose-500 dark:border-rose-400' : 'border-slate-300 dark:border-slate-700',
        'focus-within:ring-2 focus-within:ring-indigo-500',
      )}
    >
      {values.length > 0 ? (
        <ul
          aria-label={`${label}: ${values.length} ${values.length === 1 ? 'item' : 'items'}`}
          className="contents"
        >
          {values.map((value, index) => (
            <li
              key={`${index}-${itemText(value)}`}
              className="inline-flex max-w-48 items-center gap-0.5 rounded bg-indigo-50 py-0.5 pl-2 pr-0.5 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
            >
              <span className="truncate">{itemText(value)}</span>
              <button
                type="button"
                aria-label={`Remove ${itemText(value)}`}
                disabled={disabled}
                onClick={() => {
                  onChange(values.filter((_, other) => other !== index));
                  inputRef.current?.focus();
                }}
                className={classNames(
                  'rounded p-0.5 hover:bg-indigo-100 dark:hover:bg-indigo-900',
                  FOCUS_RING,
                )}
              >
                <CloseIcon className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        type="text"
        aria-label={`Add to ${label.toLowerCase()}`}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        list={suggestions && suggestions.length > 0 ? listId : undefined}
        placeholder={values.length === 0 ? 'Type and press Enter, or paste a list' : 'Add…'}
        value={draft}
        disabled={disabled}
        data-focus-key={focusKey}
        onChange={(event) => {
          const text = event.target.value;
          // A separator typed at the end commits what came before it.
          if (/[,;\n]$/.test(text)) {
            setDraft('');
            add(splitListText(text));
          } else setDraft(text);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commitDraft();
          } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
            onChange(values.slice(0, -1));
          }
        }}
        onPaste={(event) => {
          const text = event.clipboardData.getData('text');
          if (!/[,;\t\r\n]/.test(text)) return;
          event.preventDefault();
          add(splitListText(`${draft}${text}`));
          setDraft('');
        }}
        onBlur={commitDraft}
        onFocus={onFocus}
        className="min-w-16 flex-1 border-0 bg-transparent px-1 py-0.5 text-sm text-slate-900 outline-none placeholder:text-slate-400 dark:text-slate-100"
      />
      <span id={hintId} className="sr-only">
        Press Enter or type a comma to add a value; paste a comma- or newline-separated list to add several.
      </span>
      {suggestions && suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
