import { useContext, useId, useState } from 'react';
import type { FilterOp } from '../../../contract/filter-schema.ts';
import { resolveTimeValue } from '../../../contract/relative-time.ts';
import { Select } from '../../ui/select.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { NowContext } from './builder-context.ts';
import {
  TIME_MODE_LABELS,
  TIME_MODES,
  formatResolvedTime,
  fromDateTimeLocal,
  partsToTimeValue,
  timeValueToParts,
  toDateTimeLocal,
  type TimeMode,
  type TimeParts,
} from './time-value-parts.ts';

export interface TimeValueEditorProps {
  readonly value: unknown;
  readonly op: FilterOp;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly focusKey?: string;
}

function isTimeMode(value: string): value is TimeMode {
  return TIME_MODES.some((mode) => mode === value);
}

/**
 * A `timestamp` value: Now, Today, "N minutes/hours/days/weeks/months ago" (`now-7d`, or `today-7d`
 * with "Whole days") or an exact date and time, with the instant it resolves to shown in the user's
 * time zone (resolved as the server will, D10: `today…` snaps to the start or end of the UTC day).
 */
export function TimeValueEditor({
  value,
  op,
  onChange,
  disabled,
  invalid,
  describedBy,
  focusKey,
}: TimeValueEditorProps) {
  const now = useContext(NowContext);
  const parts = timeValueToParts(value);
  const resolvedId = useId();
  const [amountDraft, setAmountDraft] = useState<string | null>(null);
  const resolved = resolveTimeValue(value, op, now);
  const isRelativeUnit = parts.mode !== 'now' && parts.mode !== 'today' && parts.mode !== 'absolute';
  const emit = (next: TimeParts) => {
    const text = partsToTimeValue(next);
    if (text !== '') onChange(text);
  };
  const describe = [resolvedId, describedBy].filter(Boolean).join(' ');
  const modes = TIME_MODES.filter((mode) => (mode !== 's' && mode !== 'y') || mode === parts.mode);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="w-44 min-w-0 max-w-full">
        <Select
          aria-label="When"
          aria-invalid={invalid || undefined}
          aria-describedby={describe}
          value={parts.mode}
          disabled={disabled}
          data-focus-key={focusKey}
          onChange={(event) => {
            const mode = event.target.value;
            if (!isTimeMode(mode)) return;
            setAmountDraft(null);
            if (mode === 'absolute') {
              emit({ ...parts, mode, date: resolved ?? now });
            } else
              emit({
                ...parts,
                mode,
                wholeDays: mode === 'today' ? true : parts.wholeDays && mode !== 'now',
              });
          }}
        >
          {modes.map((mode) => (
            <option key={mode} value={mode}>
              {TIME_MODE_LABELS[mode]}
            </option>
          ))}
        </Select>
      </div>
      {isRelativeUnit ? (
        <>
          <div className="w-20">
            <TextInput
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              aria-label="Amount"
              aria-describedby={describe}
              aria-invalid={invalid || undefined}
              disabled={disabled}
              value={amountDraft ?? String(parts.amount)}
              onChange={(event) => {
                const text = event.target.value;
                setAmountDraft(text);
                const amount = Number(text);
                if (text !== '' && Number.isInteger(amount) && amount >= 1) emit({ ...parts, amount });
              }}
              onBlur={() => setAmountDraft(null)}
            />
          </div>
          <label className="inline-flex items-center gap-1.5 text-sm text-slate-700 dark:text-slate-300">
            <input
              type="checkbox"
              className="size-4 accent-indigo-600"
              checked={parts.wholeDays}
              disabled={disabled}
              onChange={(event) => emit({ ...parts, wholeDays: event.target.checked })}
            />
            Whole days
          </label>
        </>
      ) : null}
      {parts.mode === 'absolute' ? (
        <div className="w-60 min-w-0 max-w-full">
          <TextInput
            type="datetime-local"
            aria-label="Date and time"
            aria-describedby={describe}
            aria-invalid={invalid || undefined}
            disabled={disabled}
            value={toDateTimeLocal(parts.date)}
            onChange={(event) => {
              const date = fromDateTimeLocal(event.target.value);
              if (date) emit({ ...parts, date });
            }}
          />
        </div>
      ) : null}
      <span id={resolvedId} className="text-xs text-slate-500 dark:text-slate-400">
        {resolved ? `= ${formatResolvedTime(resolved)}` : 'Choose a time'}
      </span>
    </div>
  );
}
