import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { classNames } from '../lib/class-names.ts';
import { matchSuggestions, type Suggestion } from '../lib/match-suggestions.ts';
import { CONTROL_CLASS_NAME } from './text-input.tsx';

export interface SuggestInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'list' | 'role'
> {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Known values, in the order to offer them (e.g. most frequent first). May arrive after focus. */
  readonly suggestions: readonly Suggestion[];
  /** Names the list of suggestions for screen readers, e.g. "Known values". */
  readonly listLabel: string;
}

/**
 * A free text input that offers known values as it is typed into (ARIA 1.2 combobox, list
 * autocomplete): the matching values drop down with their detail ("812 calls"), arrows move, Enter or
 * a click picks one, Escape closes the list without closing a surrounding dialog. Anything else can
 * still be typed: the suggestions never restrict the value. Without suggestions it is a plain input.
 */
export function SuggestInput({
  value,
  onChange,
  suggestions,
  listLabel,
  className,
  onFocus,
  onBlur,
  onKeyDown,
  ...rest
}: SuggestInputProps) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = open ? matchSuggestions(suggestions, value) : [];
  // The value itself, exactly, is no suggestion: nothing to pick when it is all that matches.
  const shown = matches.length === 1 && matches[0]?.value === value ? [] : matches;
  const expanded = open && shown.length > 0;
  const activeId = expanded && active >= 0 && active < shown.length ? `${baseId}-opt-${active}` : undefined;

  // A list opening at the bottom of a scrolling dialog body scrolls it into view.
  useEffect(() => {
    if (!expanded) return;
    const list = document.getElementById(listId);
    if (list && typeof list.scrollIntoView === 'function') list.scrollIntoView({ block: 'nearest' });
  }, [expanded, listId]);

  useEffect(() => {
    if (activeId === undefined) return;
    const element = document.getElementById(activeId);
    if (element && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const choose = (suggestion: Suggestion) => {
    setOpen(false);
    setActive(-1);
    onChange(suggestion.value);
  };

  return (
    <div className="relative w-full min-w-0">
      <input
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        value={value}
        className={classNames(CONTROL_CLASS_NAME, 'h-9', className)}
        {...rest}
        onFocus={(event) => {
          setOpen(true);
          onFocus?.(event);
        }}
        onBlur={(event) => {
          setOpen(false);
          setActive(-1);
          onBlur?.(event);
        }}
        onChange={(event) => {
          setOpen(true);
          setActive(-1);
          onChange(event.target.value);
        }}
        onKeyDown={(event) => {
          if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.altKey) {
            event.preventDefault();
            if (!open) setOpen(true);
            else if (shown.length > 0) {
              const delta = event.key === 'ArrowDown' ? 1 : -1;
              // -1 is the typed text itself: the arrows go round through it.
              setActive((current) => {
                const next = current + delta;
                return next >= shown.length ? -1 : next < -1 ? shown.length - 1 : next;
              });
            }
          } else if (event.key === 'Enter' && expanded && activeId !== undefined) {
            const picked = shown[active];
            if (picked) {
              event.preventDefault();
              choose(picked);
            }
          } else if (event.key === 'Escape' && expanded) {
            // Keep Escape from also closing a surrounding dialog.
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
            setActive(-1);
          }
          onKeyDown?.(event);
        }}
      />
      {expanded ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={listLabel}
          className="absolute z-30 mt-1 max-h-64 w-full min-w-56 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {shown.map((suggestion, index) => (
            <li
              key={suggestion.value}
              id={`${baseId}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={classNames(
                'flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5',
                index === active
                  ? 'bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
                  : 'text-slate-800 dark:text-slate-200',
              )}
              // Keep the focus in the input: the list closes on blur.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(suggestion)}
            >
              <span className="truncate">{suggestion.value}</span>
              {suggestion.detail ? (
                <span
                  className={classNames(
                    'shrink-0 text-xs tabular-nums',
                    // Readable on the highlight too (slate-500 on indigo-50 is under 4.5:1).
                    index === active
                      ? 'text-indigo-800 dark:text-indigo-200'
                      : 'text-slate-500 dark:text-slate-400',
                  )}
                >
                  {suggestion.detail}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
