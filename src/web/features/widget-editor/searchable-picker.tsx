import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { classNames } from '../../lib/class-names.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { ChevronDownIcon } from '../../ui/icons.tsx';
import { CONTROL_CLASS_NAME } from '../../ui/text-input.tsx';

export interface PickerOption {
  value: string;
  label: string;
  /** Secondary text, e.g. the data type or eval type. */
  detail?: string;
  /** Extra words the search matches (wire name, kind). */
  keywords?: string;
  disabled?: boolean;
  /** Why the option is disabled, shown under it. */
  reason?: string;
}

export interface PickerGroup {
  id: string;
  label: string;
  options: readonly PickerOption[];
}

export interface SearchablePickerProps {
  label: string;
  value: string;
  groups: readonly PickerGroup[];
  onChange: (value: string) => void;
  /** Text on the button when nothing is chosen. */
  placeholder: string;
  searchLabel: string;
  /** Extra options computed from the search text (e.g. "Metadata: <typed key>"). */
  optionsForQuery?: (query: string) => PickerGroup | null;
  error?: string | undefined;
  hint?: string | undefined;
  emptyText?: string;
}

function matches(option: PickerOption, query: string): boolean {
  if (query === '') return true;
  const haystack =
    `${option.label} ${option.detail ?? ''} ${option.keywords ?? ''} ${option.value}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/**
 * A button that opens a searchable, grouped list (an ARIA combobox with a listbox): type to filter,
 * arrow keys to move, Enter to choose, Escape to close. Disabled options stay visible with their
 * reason, so the user learns why instead of wondering where an option went.
 */
export function SearchablePicker(props: SearchablePickerProps) {
  const { label, value, groups, onChange, placeholder, searchLabel, optionsForQuery, error, hint } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const visible = useMemo(() => {
    const extra = optionsForQuery?.(query.trim());
    const all = extra ? [extra, ...groups] : groups;
    return all
      .map((group) => ({ ...group, options: group.options.filter((o) => matches(o, query.trim())) }))
      .filter((group) => group.options.length > 0);
  }, [groups, optionsForQuery, query]);
  const enabled = useMemo(() => visible.flatMap((g) => g.options).filter((o) => !o.disabled), [visible]);
  const selected = groups.flatMap((g) => g.options).find((o) => o.value === value);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const optionId = (optionValue: string) => `${id}-opt-${encodeURIComponent(optionValue)}`;
  const activeOption = enabled.find((o) => o.value === active) ?? enabled[0];

  const choose = (option: PickerOption) => {
    if (option.disabled) return;
    onChange(option.value);
    setOpen(false);
    setQuery('');
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const index = activeOption ? enabled.indexOf(activeOption) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = enabled[(index + step + enabled.length) % Math.max(enabled.length, 1)];
      if (next) {
        setActive(next.value);
        const element = document.getElementById(optionId(next.value));
        // Not every DOM has it (jsdom); scrolling is a nicety.
        if (element && typeof element.scrollIntoView === 'function')
          element.scrollIntoView({ block: 'nearest' });
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeOption) choose(activeOption);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  const labelId = `${id}-label`;
  const valueId = `${id}-value`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div
      ref={rootRef}
      className="relative space-y-1.5"
      onBlur={(event) => {
        // Tabbing out of the open list closes it, as leaving any popup should.
        if (
          open &&
          !(event.relatedTarget instanceof Node && rootRef.current?.contains(event.relatedTarget))
        ) {
          setOpen(false);
        }
      }}
    >
      <span id={labelId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-labelledby={`${labelId} ${valueId}`}
        aria-describedby={
          [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={error ? true : undefined}
        onClick={() => {
          setOpen((o) => !o);
          setActive(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className={classNames(CONTROL_CLASS_NAME, 'flex h-9 items-center justify-between gap-2 text-left')}
      >
        <span id={valueId} className={classNames('truncate', !selected && value === '' && 'text-slate-400')}>
          {selected ? selected.label : value === '' ? placeholder : value}
          {selected?.detail ? (
            <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{selected.detail}</span>
          ) : null}
        </span>
        <ChevronDownIcon className="size-4 shrink-0 text-slate-400" />
      </button>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
      {open ? (
        <div className="absolute z-30 mt-1 w-full rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <input
            // The list opens to be searched: focus belongs in the search box.
            autoFocus
            role="combobox"
            aria-label={searchLabel}
            aria-expanded="true"
            aria-controls={`${id}-listbox`}
            aria-autocomplete="list"
            aria-activedescendant={activeOption ? optionId(activeOption.value) : undefined}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(null);
            }}
            onKeyDown={onKeyDown}
            placeholder="Search…"
            className={classNames(CONTROL_CLASS_NAME, 'h-8')}
          />
          <div
            id={`${id}-listbox`}
            role="listbox"
            aria-label={label}
            className="mt-2 max-h-72 overflow-y-auto"
          >
            {visible.length === 0 ? (
              <p className="px-2 py-3 text-sm text-slate-500 dark:text-slate-400">
                {props.emptyText ?? 'Nothing matches.'}
              </p>
            ) : null}
            {visible.map((group) => (
              <div key={group.id} role="group" aria-labelledby={`${id}-g-${group.id}`} className="py-1">
                <div
                  id={`${id}-g-${group.id}`}
                  className="px-2 py-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
                >
                  {group.label}
                </div>
                {group.options.map((option) => {
                  const isActive = activeOption?.value === option.value;
                  return (
                    <div
                      key={option.value}
                      id={optionId(option.value)}
                      role="option"
                      aria-selected={option.value === value}
                      aria-disabled={option.disabled || undefined}
                      onPointerDown={(event) => event.preventDefault()}
                      onClick={() => choose(option)}
                      onPointerEnter={() => !option.disabled && setActive(option.value)}
                      className={classNames(
                        'cursor-pointer rounded-md px-2 py-1.5 text-sm',
                        option.disabled && 'cursor-not-allowed opacity-60',
                        isActive && 'bg-indigo-50 dark:bg-slate-800',
                        option.value === value && 'font-medium text-indigo-700 dark:text-indigo-300',
                        FOCUS_RING,
                      )}
                    >
                      <div className="flex items-center justify-between gap-2">
                        <span>{option.label}</span>
                        {option.detail ? (
                          <span className="text-xs text-slate-500 dark:text-slate-400">{option.detail}</span>
                        ) : null}
                      </div>
                      {option.reason ? (
                        <p className="text-xs text-slate-500 dark:text-slate-400">{option.reason}</p>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
