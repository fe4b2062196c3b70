import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import type { ViewState } from '../../../contract/saved-view-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError, isApiError } from '../../api/api-error.ts';
import { savedViewQueries, useDeleteView, useSaveView } from '../../api/saved-view-queries.ts';
import { useOutsidePointer } from '../../lib/use-outside-pointer.ts';
import { Button } from '../../ui/button.tsx';
import { ChevronDownIcon, TrashIcon } from '../../ui/icons.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { useToast } from '../../ui/toast.tsx';

/**
 * The dashboard's saved views: apply one, delete one, or save the current variables and group-by under
 * a name. On the embedded server they are shared by everyone with the dashboard; against another API
 * they live in this browser (the panel says which).
 */
export function SavedViewsControl({
  dashboardId,
  state,
  onApply,
}: {
  dashboardId: number;
  state: ViewState;
  onApply: (state: ViewState) => void;
}) {
  const api = useApiClient();
  const toast = useToast();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useOutsidePointer(open, [panelRef, buttonRef], close);
  const list = useQuery({ ...savedViewQueries.list(api, dashboardId), enabled: open });
  const storage = list.data?.storage ?? (api.embedded ? 'server' : 'local');
  const save = useSaveView(dashboardId, storage);
  const remove = useDeleteView(dashboardId, storage);
  const views = list.data?.views ?? [];

  const finish = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="relative">
      <Button
        ref={buttonRef}
        size="sm"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => {
          setError(null);
          setOpen((value) => !value);
        }}
      >
        Saved views <ChevronDownIcon />
      </Button>
      {open ? (
        <div
          ref={panelRef}
          id={`${id}-panel`}
          role="dialog"
          aria-label="Saved views"
          className="absolute top-full right-0 z-30 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          onKeyDown={(event) => {
            if (event.key === 'Escape') finish();
          }}
        >
          {list.isPending ? (
            <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
              Loading views…
            </p>
          ) : list.isError ? (
            <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
              Could not load the views: {describeError(list.error)}
            </p>
          ) : views.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No saved views yet.</p>
          ) : (
            <ul className="max-h-60 space-y-1 overflow-auto" aria-label="Views of this dashboard">
              {views.map((view) => (
                <li key={view.id} className="flex items-center gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    className="min-w-0 flex-1 justify-start"
                    onClick={() => {
                      onApply(view.state);
                      finish();
                    }}
                  >
                    <span dir="auto" className="truncate">
                      {view.name}
                    </span>
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete view ${view.name}`}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(view.id)}
                  >
                    <TrashIcon />
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-700"
            onSubmit={(event) => {
              event.preventDefault();
              setError(null);
              save.mutate(
                { name, state },
                {
                  onSuccess: (view) => {
                    setName('');
                    toast.show({ tone: 'success', title: `View “${view.name}” saved` });
                  },
                  onError: (failure) =>
                    setError(
                      isApiError(failure)
                        ? (failure.fieldErrors.name?.[0] ??
                            failure.fieldErrors.state?.[0] ??
                            failure.detail ??
                            failure.message)
                        : describeError(failure),
                    ),
                },
              );
            }}
          >
            <label htmlFor={`${id}-name`} className="text-sm font-medium">
              Save this view as
            </label>
            <div className="mt-1 flex gap-2">
              <TextInput
                id={`${id}-name`}
                value={name}
                maxLength={100}
                aria-invalid={error !== null}
                aria-describedby={`${id}-where${error ? ` ${id}-error` : ''}`}
                onChange={(event) => setName(event.target.value)}
              />
              <Button type="submit" size="sm" variant="primary" loading={save.isPending}>
                Save
              </Button>
            </div>
            {error ? (
              <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-rose-700 dark:text-rose-400">
                {error}
              </p>
            ) : null}
            <p id={`${id}-where`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {storage === 'server'
                ? 'Views are kept with the dashboard, for everyone who opens it.'
                : 'This API keeps no views: they are kept in this browser.'}
            </p>
          </form>
        </div>
      ) : null}
    </div>
  );
}
