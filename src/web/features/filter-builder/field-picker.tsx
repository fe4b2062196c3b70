import { useEffect, useId, useMemo, useState } from 'react';
import { isMetadataField, METADATA_PREFIX } from '../../../contract/field-catalogue.ts';
import { classNames } from '../../lib/class-names.ts';
import { ChevronDownIcon } from '../../ui/icons.tsx';
import { CONTROL_CLASS_NAME } from '../../ui/text-input.tsx';
import { fieldSpecFor } from './condition-values.ts';
import { DATA_TYPE_LABELS } from '../../../contract/enums.ts';
import { bestFieldOption, buildFieldOptions, type FieldOption } from './field-options.ts';

export interface FieldPickerProps {
  readonly value: string;
  readonly onChange: (field: string) => void;
  readonly metadataKeys: readonly string[];
  readonly disabled: boolean;
  readonly invalid: boolean;
  readonly describedBy: string | undefined;
  readonly focusKey: string;
}

/** What the closed picker shows for a field. */
export function fieldDisplayName(field: string): string {
  if (field === '') return '';
  if (isMetadataField(field)) {
    const key = field.slice(METADATA_PREFIX.length);
    return key === '' ? 'Metadata' : `Metadata: ${key}`;
  }
  return fieldSpecFor(field)?.label ?? field;
}

/**
 * A searchable, grouped field list (ARIA 1.2 combobox with a listbox popup): type to filter (label,
 * wire name, group or type), arrows to move, Enter to choose, Escape to close without choosing.
 * Groups are Call, Agent, Metadata, Metric evaluation; every option shows its data type.
 */
export function FieldPicker({
  value,
  onChange,
  metadataKeys,
  disabled,
  invalid,
  describedBy,
  focusKey,
}: FieldPickerProps) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const groups = useMemo(
    () => (open ? buildFieldOptions(query ?? '', metadataKeys) : []),
    [open, query, metadataKeys],
  );
  const flat = useMemo(() => groups.flatMap((group) => group.options), [groups]);
  const optionId = (option: FieldOption) => `${baseId}-opt-${flat.indexOf(option)}`;
  const activeOption = flat.find((option) => option.value === active) ?? null;
  const spec = fieldSpecFor(value);

  useEffect(() => {
    if (!open || !activeOption) return;
    const element = document.getElementById(`${baseId}-opt-${flat.indexOf(activeOption)}`);
    if (element && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
  }, [open, activeOption, flat, baseId]);

  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (option: FieldOption) => {
    close();
    onChange(option.value);
  };
  const openWith = (text: string | null) => {
    const options = buildFieldOptions(text ?? '', metadataKeys);
    setOpen(true);
    setActive(text === null ? value || null : (bestFieldOption(options)?.value ?? null));
  };
  const step = (delta: number) => {
    if (flat.length === 0) return;
    const index = activeOption ? flat.indexOf(activeOption) : -1;
    const next = flat[(index + delta + flat.length) % flat.length];
    if (next) setActive(next.value);
  };

  return (
    <div className="relative w-56 shrink-0">
      <input
        type="text"
        role="combobox"
        aria-label="Field"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeOption ? optionId(activeOption) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-focus-key={focusKey}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        placeholder="Choose a field…"
        value={query ?? fieldDisplayName(value)}
        className={classNames(CONTROL_CLASS_NAME, 'h-9 pr-16')}
        onFocus={(event) => event.target.select()}
        onChange={(event) => {
          setQuery(event.target.value);
          openWith(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            if (event.altKey) return;
            event.preventDefault();
            if (!open) openWith(null);
            else step(event.key === 'ArrowDown' ? 1 : -1);
          } else if (event.key === 'Enter') {
            if (open && activeOption) {
              event.preventDefault();
              choose(activeOption);
            }
          } else if (event.key === 'Escape') {
            if (open || query !== null) {
              // Keep Escape from also closing a surrounding dialog.
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }
        }}
        onBlur={close}
        onClick={() => {
          if (!open) openWith(null);
        }}
      />
      <span className="pointer-events-none absolute inset-y-0 right-2 flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
        {spec && query === null ? DATA_TYPE_LABELS[spec.dataType] : null}
        <ChevronDownIcon className="size-4" />
      </span>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Fields"
          className="absolute z-30 mt-1 max-h-72 w-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {groups.length === 0 ? (
            <li role="presentation" className="px-3 py-2 text-slate-500 dark:text-slate-400">
              No field matches “{query}”. Metadata keys use letters, digits and underscores.
            </li>
          ) : null}
          {groups.map((group) => (
            <li key={group.kind} role="presentation">
              <div
                id={`${baseId}-group-${group.kind}`}
                role="presentation"
                className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400"
              >
                {group.label}
              </div>
              <ul role="group" aria-labelledby={`${baseId}-group-${group.kind}`}>
                {group.options.map((option) => (
                  <li
                    key={option.value}
                    id={optionId(option)}
                    role="option"
                    aria-selected={option.value === active}
                    className={classNames(
                      'flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5',
                      option.value === active
                        ? 'bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
                        : 'text-slate-800 dark:text-slate-200',
                      option.value === value && 'font-medium',
                    )}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setActive(option.value)}
                    onClick={() => choose(option)}
                  >
                    <span className="truncate">{option.label}</span>
                    <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
                      {option.typeLabel}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
