import { classNames } from '../../lib/class-names.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';

export interface BooleanSwitchProps {
  readonly value: unknown;
  readonly onChange: (value: boolean) => void;
  readonly label: string;
  readonly disabled?: boolean;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly focusKey?: string;
}

/** A true/false switch (`role="switch"`); a non-boolean value shows as unset until clicked. */
export function BooleanSwitch({
  value,
  onChange,
  label,
  disabled,
  invalid,
  describedBy,
  focusKey,
}: BooleanSwitchProps) {
  const on = value === true;
  const text = typeof value === 'boolean' ? String(value) : 'choose';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
      data-focus-key={focusKey}
      onClick={() => onChange(!on)}
      className={classNames(
        'inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm text-slate-800 dark:text-slate-100',
        'disabled:cursor-not-allowed disabled:opacity-60',
        FOCUS_RING,
      )}
    >
      <span
        aria-hidden="true"
        className={classNames(
          'relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors',
          on ? 'bg-indigo-600 dark:bg-indigo-500' : 'bg-slate-300 dark:bg-slate-700',
          invalid && 'ring-2 ring-rose-500',
        )}
      >
        <span
          className={classNames(
            'absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform',
            on ? 'translate-x-4.5' : 'translate-x-0.5',
          )}
        />
      </span>
      <span className="font-mono">{text}</span>
    </button>
  );
}
