import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { classNames } from '../lib/class-names.ts';
import {
  ComboboxListbox,
  comboboxOptionId,
  scrollComboboxOptionIntoView,
  stepComboboxOption,
  type ComboboxGroup,
  type ComboboxOption,
} from './combobox-listbox.tsx';
import { ChevronDownIcon } from './icons.tsx';
import { CONTROL_CLASS_NAME } from './text-input.tsx';

export type PickerOption = ComboboxOption;
export type PickerGroup = ComboboxGroup;

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

  const activeOption = enabled.find((o) => o.value === active) ?? enabled[0];

  const choose = (option: PickerOption) => {
    if (option.disabled) return;
    onChange(option.value);
    setOpen(false);
    setQuery('');
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = stepComboboxOption(
        visible,
        activeOption?.value ?? null,
        event.key === 'ArrowDown' ? 1 : -1,
      );
      if (next) {
        setActive(next.value);
        scrollComboboxOptionIntoView(id, next.value);
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
            aria-activedescendant={activeOption ? comboboxOptionId(id, activeOption.value) : undefined}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(null);
            }}
            onKeyDown={onKeyDown}
            placeholder="Search…"
            className={classNames(CONTROL_CLASS_NAME, 'h-8')}
          />
          <ComboboxListbox
            baseId={id}
            id={`${id}-listbox`}
            label={label}
            groups={visible}
            active={activeOption?.value ?? null}
            value={value}
            emptyText={props.emptyText ?? 'Nothing matches.'}
            className="mt-2 max-h-72 overflow-y-auto"
            onActivate={setActive}
            onChoose={choose}
          />
        </div>
      ) : null}
    </div>
  );
}
