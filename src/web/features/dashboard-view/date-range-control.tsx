import { useId, useState } from 'react';
import { formatTimeRange } from '../../../contract/relative-time.ts';
import { QUICK_RANGES } from '../../lib/quick-ranges.ts';
import { Button } from '../../ui/button.tsx';
import { Select } from '../../ui/select.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import {
  checkCustomRange,
  parseLocalDateTime,
  RANGE_CAP_REASON,
  toLocalDateTimeValue,
} from './custom-range.ts';
import { describeDateRange, type DateRange } from './dashboard-filters.ts';

const CUSTOM = 'custom';
const OTHER = 'other';

/**
 * The dashboard's date range: the four quick ranges, or a custom absolute from/to checked against the
 * 30-day data window (D11) before it is saved, with the reason shown beside the inputs. A stored range
 * that is none of these (`today-7d`: from midnight UTC) is shown as what it is, never as the quick
 * range it resembles.
 */
export function DateRangeControl({
  range,
  onChange,
  saving,
}: {
  range: DateRange | null;
  onChange: (range: DateRange) => void;
  saving: boolean;
}) {
  const selectId = useId();
  const [editing, setEditing] = useState(false);
  const value =
    range === null ? OTHER : range.kind === 'quick' ? range.id : range.kind === 'absolute' ? CUSTOM : OTHER;

  return (
    <div className="relative flex items-center gap-2">
      <label
        htmlFor={selectId}
        className="text-sm font-medium whitespace-nowrap text-slate-700 dark:text-slate-300"
      >
        Date range
      </label>
      <Select
        id={selectId}
        value={value}
        disabled={saving}
        className="w-auto min-w-44"
        onChange={(event) => {
          const next = event.target.value;
          const quick = QUICK_RANGES.find((r) => r.id === next);
          if (next === CUSTOM) setEditing(true);
          else if (quick) {
            setEditing(false);
            onChange({ kind: 'quick', id: quick.id });
          }
        }}
      >
        {QUICK_RANGES.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
        <option value={CUSTOM}>{range?.kind === 'absolute' ? 'Custom range' : 'Custom range…'}</option>
        {value === OTHER ? (
          <option value={OTHER} disabled>
            {describeDateRange(range)}
          </option>
        ) : null}
      </Select>
      {range?.kind === 'absolute' ? (
        <button
          type="button"
          onClick={() => setEditing(true)}
          className="rounded text-sm text-indigo-600 underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-400"
        >
          {describeAbsolute(range.from, range.to)}
        </button>
      ) : null}
      {editing ? (
        <CustomRangeForm
          initial={range?.kind === 'absolute' ? range : null}
          onCancel={() => setEditing(false)}
          onApply={(from, to) => {
            setEditing(false);
            onChange({ kind: 'absolute', from, to });
          }}
        />
      ) : null}
    </div>
  );
}

function describeAbsolute(from: string, to: string | null): string {
  const start = new Date(from);
  const end = to === null ? new Date() : new Date(to);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${from} – ${to ?? 'now'}`;
  return formatTimeRange(start, end, Intl.DateTimeFormat().resolvedOptions().timeZone);
}

function CustomRangeForm({
  initial,
  onApply,
  onCancel,
}: {
  initial: { from: string; to: string | null } | null;
  onApply: (from: string, to: string) => void;
  onCancel: () => void;
}) {
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const [from, setFrom] = useState(() =>
    toLocalDateTimeValue(initial ? new Date(initial.from) : new Date(Date.now() - 7 * 86_400_000)),
  );
  const [to, setTo] = useState(() => toLocalDateTimeValue(initial?.to ? new Date(initial.to) : new Date()));
  const [touched, setTouched] = useState(false);
  const fromDate = parseLocalDateTime(from);
  const toDate = parseLocalDateTime(to);
  const error = checkCustomRange(fromDate, toDate, new Date());

  return (
    <form
      aria-label="Custom date range"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (error === null && fromDate && toDate) onApply(fromDate.toISOString(), toDate.toISOString());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      className="absolute top-full left-0 z-30 mt-2 w-96 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="grid grid-cols-2 gap-3">
        <div className="space-y-1">
          <label htmlFor={fromId} className="block text-sm font-medium">
            From
          </label>
          <TextInput
            id={fromId}
            type="datetime-local"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            aria-invalid={touched && error !== null ? true : undefined}
            aria-describedby={errorId}
            autoFocus
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={toId} className="block text-sm font-medium">
            To
          </label>
          <TextInput
            id={toId}
            type="datetime-local"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            aria-invalid={touched && error !== null ? true : undefined}
            aria-describedby={errorId}
          />
        </div>
      </div>
      <p
        id={errorId}
        className={
          error ? 'text-sm text-rose-600 dark:text-rose-400' : 'text-xs text-slate-500 dark:text-slate-400'
        }
      >
        {error ?? RANGE_CAP_REASON}
      </p>
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" disabled={error !== null}>
          Apply range
        </Button>
      </div>
    </form>
  );
}
