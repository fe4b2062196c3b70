import { useEffect, useId, useMemo, useState } from 'react';
import {
  ComboboxListbox,
  comboboxOptionId,
  scrollComboboxOptionIntoView,
  stepComboboxOption,
  type ComboboxGroup,
} from '../../ui/combobox-listbox.tsx';
import { isMetadataField, METADATA_PREFIX } from '../../../contract/field-catalogue.ts';
import { classNames } from '../../lib/class-names.ts';
import { ChevronDownIcon } from '../../ui/icons.tsx';
import { CONTROL_CLASS_NAME } from '../../ui/text-input.tsx';
import { fieldSpecFor } from './condition-values.ts';
import { DATA_TYPE_LABELS } from '../../../contract/enums.ts';
import { bestFieldOption, buildFieldOptions } from './field-options.ts';

export interface FieldPickerProps {
  readonly value: string;
  readonly onChange: (field: string) => void;
  readonly metadataKeys: readonly string[];
  readonly disabled: boolean;
  readonly invalid: boolean;
  readonly describedBy: string | undefined;
  readonly focusKey: string;
  /** Width classes of the picker (default `w-56 shrink-0`): the condition row sizes it for its layout. */
  readonly className?: string;
  /** Show the field's data type inside the box (a narrow row leaves the room to the name). */
  readonly showType?: boolean;
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
  className,
  showType = true,
}: FieldPickerProps) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const groups = useMemo<ComboboxGroup[]>(
    () =>
      (open ? buildFieldOptions(query ?? '', metadataKeys) : []).map((group) => ({
        id: group.kind,
        label: group.label,
        options: group.options.map((option) => ({
          value: option.value,
          label: option.label,
          detail: option.typeLabel,
        })),
      })),
    [open, query, metadataKeys],
  );
  const isListed = groups.some((group) => group.options.some((option) => option.value === active));
  const activeValue = isListed ? active : null;
  const spec = fieldSpecFor(value);

  useEffect(() => {
    if (open && activeValue !== null) scrollComboboxOptionIntoView(baseId, activeValue);
  }, [open, activeValue, baseId]);

  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (field: string) => {
    close();
    onChange(field);
  };
  const openWith = (text: string | null) => {
    const options = buildFieldOptions(text ?? '', metadataKeys);
    setOpen(true);
    setActive(text === null ? value || null : (bestFieldOption(options)?.value ?? null));
  };
  const step = (delta: 1 | -1) => {
    const next = stepComboboxOption(groups, activeValue, delta);
    if (next) setActive(next.value);
  };

  return (
    <div className={classNames('relative', className ?? 'w-56 shrink-0')}>
      <input
        type="text"
        role="combobox"
        aria-label="Field"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={
          open && activeValue !== null ? comboboxOptionId(baseId, activeValue) : undefined
        }
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-focus-key={focusKey}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        placeholder="Choose a field…"
        value={query ?? fieldDisplayName(value)}
        className={classNames(CONTROL_CLASS_NAME, 'h-9', showType ? 'pr-16' : 'pr-8')}
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
            if (open && activeValue !== null) {
              event.preventDefault();
              choose(activeValue);
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
        {spec && query === null && showType ? DATA_TYPE_LABELS[spec.dataType] : null}
        <ChevronDownIcon className="size-4" />
      </span>
      {open ? (
        <ComboboxListbox
          baseId={baseId}
          id={listId}
          label="Fields"
          groups={groups}
          active={activeValue}
          value={value}
          emptyText={`No field matches “${query ?? ''}”. Metadata keys use letters, digits and underscores.`}
          className="absolute z-30 mt-1 max-h-72 w-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          onActivate={setActive}
          onChoose={(option) => choose(option.value)}
        />
      ) : null}
    </div>
  );
}
