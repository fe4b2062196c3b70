import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { variableLabel } from './variable-field-options.ts';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { valueCountQueries } from '../../api/value-count-queries.ts';
import { classNames } from '../../lib/class-names.ts';
import { formatNumber } from '../../lib/format.ts';
import { useOutsidePointer } from '../../lib/use-outside-pointer.ts';
import { Button } from '../../ui/button.tsx';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { ChevronDownIcon } from '../../ui/icons.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { describeChoice, variableChoices } from './variable-choices.ts';

/**
 * One dashboard variable: a button with its field and choice that opens a searchable checklist of the
 * field's values with their call counts over the dashboard's window ("(none)" for calls without one).
 * Apply hands the choice up (the URL keeps it); Remove drops the variable. Against an API without value
 * counts, values are typed instead.
 */
export function VariableControl({
  variable,
  projectId,
  from,
  onChange,
  onRemove,
}: {
  variable: ViewVariable;
  projectId: number | null;
  /** The dashboard range's lower bound, so that counts cover what the cards show. */
  from: string | null;
  onChange: (values: (string | null)[]) => void;
  onRemove: () => void;
}) {
  const api = useApiClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<(string | null)[]>([]);
  const [search, setSearch] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useOutsidePointer(open, [panelRef, buttonRef], close);
  const counts = useQuery({
    ...valueCountQueries.variable(api, { projectId, field: variable.field, from }),
    enabled: open,
  });
  const counted = counts.data?.counted ? counts.data : null;
  const choices = useMemo(() => variableChoices(counted, draft, search), [counted, draft, search]);
  const label = variableLabel(variable.field);

  const finish = (values: (string | null)[] | null) => {
    setOpen(false);
    buttonRef.current?.focus();
    if (values) onChange(values);
  };
  const toggle = (value: string | null, checked: boolean) =>
    setDraft((values) => (checked ? [...values, value] : values.filter((v) => v !== value)));

  return (
    <div className="relative flex items-center" data-variable={variable.field}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        aria-label={`${label}: ${describeChoice(variable.values)}`}
        onClick={() => {
          setDraft([...variable.values]);
          setSearch('');
          setOpen((value) => !value);
        }}
        className={classNames(
          'inline-flex h-8 max-w-72 items-center gap-1.5 rounded-full border border-indigo-200 bg-indigo-50 px-3 text-sm text-indigo-900 hover:bg-indigo-100 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100 dark:hover:bg-indigo-900',
          FOCUS_RING,
        )}
      >
        <span className="font-medium">{label}</span>
        <span aria-hidden="true">:</span>
        <span dir="auto" className="truncate">
          {describeChoice(variable.values)}
        </span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={`${id}-panel`}
          role="dialog"
          aria-label={`Values of ${label}`}
          className="absolute top-full left-0 z-30 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          onKeyDown={(event) => {
            if (event.key === 'Escape') finish(null);
          }}
        >
          <TextInput
            aria-label={
              counted || counts.isPending ? `Search values of ${label}` : `Type a value of ${label}`
            }
            placeholder={counted || counts.isPending ? 'Search values' : 'Type a value, then Enter'}
            value={search}
            autoFocus
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              // Without counts (another API), a typed value is added as a choice.
              if (event.key !== 'Enter' || counted || search.trim() === '') return;
              event.preventDefault();
              toggle(search.trim(), true);
              setSearch('');
            }}
          />
          <fieldset className="mt-2">
            <legend className="sr-only">Values of {label}</legend>
            {counts.isPending ? (
              <p role="status" className="py-2 text-sm text-slate-500 dark:text-slate-400">
                Counting values…
              </p>
            ) : choices.length === 0 ? (
              <p className="py-2 text-sm text-slate-500 dark:text-slate-400">
                {counted
                  ? search
                    ? 'No value matches.'
                    : 'No calls in this range.'
                  : 'This API lists no values: type one above.'}
              </p>
            ) : (
              <ul className="max-h-64 space-y-0.5 overflow-auto" data-testid="variable-choices">
                {choices.map((choice) => (
                  <li key={choice.value ?? '\u0000none'}>
                    <label className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
                      <input
                        type="checkbox"
                        className="size-4 accent-indigo-600"
                        checked={draft.includes(choice.value)}
                        onChange={(event) => toggle(choice.value, event.target.checked)}
                      />
                      <span
                        dir="auto"
                        className={classNames('min-w-0 flex-1 truncate', choice.value === null && 'italic')}
                      >
                        {choice.label}
                      </span>
                      {choice.count !== null ? (
                        <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
                          {formatNumber(choice.count)}
                          <span className="sr-only"> calls</span>
                        </span>
                      ) : null}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          {counted ? (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              Calls in the dashboard's date range.
            </p>
          ) : null}
          <div className="mt-3 flex items-center justify-between gap-2">
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setOpen(false);
                onRemove();
              }}
            >
              Remove variable
            </Button>
            <div className="flex gap-2">
              <Button size="sm" variant="ghost" onClick={() => setDraft([])}>
                All
              </Button>
              <Button size="sm" variant="primary" onClick={() => finish(draft)}>
                Apply
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
