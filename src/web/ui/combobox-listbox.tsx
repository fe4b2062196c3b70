import { classNames } from '../lib/class-names.ts';

export interface ComboboxOption {
  value: string;
  label: string;
  /** Secondary text, e.g. the data type or eval type. */
  detail?: string;
  /** Extra words a search matches (wire name, kind). */
  keywords?: string;
  disabled?: boolean;
  /** Why the option is disabled, shown under it. */
  reason?: string;
}

export interface ComboboxGroup {
  id: string;
  label: string;
  options: readonly ComboboxOption[];
}

/** The DOM id of an option of the combobox whose ids start with `baseId` (for aria-activedescendant). */
export function comboboxOptionId(baseId: string, value: string): string {
  return `${baseId}-opt-${encodeURIComponent(value)}`;
}

/**
 * The option `delta` steps from `active` among the enabled ones, wrapping around; the first (or last)
 * when none is active; null when none is enabled. Total.
 */
export function stepComboboxOption(
  groups: readonly ComboboxGroup[],
  active: string | null,
  delta: 1 | -1,
): ComboboxOption | null {
  const enabled = groups.flatMap((group) => group.options).filter((option) => !option.disabled);
  if (enabled.length === 0) return null;
  const index = enabled.findIndex((option) => option.value === active);
  const from = index === -1 ? (delta === 1 ? -1 : 0) : index;
  return enabled[(from + delta + enabled.length) % enabled.length] ?? null;
}

/** Scrolls an option into view (not every DOM has `scrollIntoView`: jsdom; it is a nicety). */
export function scrollComboboxOptionIntoView(baseId: string, value: string): void {
  const element = document.getElementById(comboboxOptionId(baseId, value));
  if (element && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
}

export interface ComboboxListboxProps {
  /** The combobox's `useId()`: option and group ids derive from it. */
  baseId: string;
  /** The listbox's id (the combobox's `aria-controls`). */
  id: string;
  label: string;
  groups: readonly ComboboxGroup[];
  /** The option the keyboard is on (the combobox's `aria-activedescendant`), marked selected. */
  active: string | null;
  /** The current value of the control, shown in bold. */
  value: string;
  emptyText: string;
  className: string;
  onActivate: (value: string) => void;
  onChoose: (option: ComboboxOption) => void;
}

/**
 * The popup of every searchable picker (ARIA 1.2 combobox with a listbox popup): grouped options with
 * their detail, disabled options left visible with their reason (so the user learns why instead of
 * wondering where an option went), and the keyboard's option marked. Focus never moves into the
 * list: the combobox input keeps it, and a pointer press does not take it away.
 */
export function ComboboxListbox(props: ComboboxListboxProps) {
  const { baseId, groups, active, value, onActivate, onChoose } = props;
  return (
    <div id={props.id} role="listbox" aria-label={props.label} className={props.className}>
      {groups.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">{props.emptyText}</p>
      ) : null}
      {groups.map((group) => (
        <div key={group.id} role="group" aria-labelledby={`${baseId}-group-${group.id}`} className="py-1">
          <div
            id={`${baseId}-group-${group.id}`}
            className="px-3 pt-1 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
          >
            {group.label}
          </div>
          {group.options.map((option) => (
            <div
              key={option.value}
              id={comboboxOptionId(baseId, option.value)}
              role="option"
              aria-selected={option.value === active}
              aria-disabled={option.disabled || undefined}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => !option.disabled && onActivate(option.value)}
              onClick={() => !option.disabled && onChoose(option)}
              className={classNames(
                'cursor-pointer px-3 py-1.5 text-sm',
                option.disabled && 'cursor-not-allowed opacity-60',
                option.value === active
                  ? 'bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
                  : 'text-slate-800 dark:text-slate-200',
                option.value === value && 'font-medium',
              )}
            >
              <div className="flex items-center justify-between gap-3">
                <span className="truncate">{option.label}</span>
                {option.detail ? (
                  <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{option.detail}</span>
                ) : null}
              </div>
              {option.reason ? (
                <p className="text-xs text-slate-500 dark:text-slate-400">{option.reason}</p>
              ) : null}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
