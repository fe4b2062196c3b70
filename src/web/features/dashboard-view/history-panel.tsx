import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import type { RestoreVersionRequest } from '../../../contract/dashboard-version-schema.ts';
import { describeDashboardChanges } from '../../../contract/describe-dashboard-changes.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError, isApiError } from '../../api/api-error.ts';
import { useRestoreVersion } from '../../api/use-restore-version.ts';
import { versionQueries } from '../../api/version-queries.ts';
import { classNames } from '../../lib/class-names.ts';
import { formatDateTime, formatRelativeTime } from '../../lib/format.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { Spinner } from '../../ui/spinner.tsx';
import { VersionPreview } from './version-preview.tsx';

/**
 * The dashboard's history: a timeline of versions (who, when, what), the selected one rendered on
 * today's data with its differences from now in words, and Restore of the whole dashboard or one
 * widget as a new version, undoable right there. A newer change than the history shown is a
 * conflict: nothing is written and the history is read again.
 */
export function HistoryPanel({
  dashboard,
  open,
  onClose,
}: {
  dashboard: Dashboard;
  open: boolean;
  onClose: () => void;
}) {
  const api = useApiClient();
  const list = useQuery({ ...versionQueries.list(api, dashboard.id), enabled: open });
  const versions = list.data?.results ?? [];
  const newest = versions[0];
  const [chosen, setChosen] = useState<number | null>(null);
  const selectedId = chosen ?? versions[1]?.id ?? newest?.id ?? null;
  const selected = useQuery({
    ...versionQueries.detail(api, dashboard.id, selectedId ?? 0),
    enabled: open && selectedId !== null,
  });
  const [conflict, setConflict] = useState<string | null>(null);
  const [done, setDone] = useState<{ message: string; undo: RestoreVersionRequest | null } | null>(null);
  const close = () => {
    setConflict(null);
    setDone(null);
    onClose();
  };
  const restore = useRestoreVersion(dashboard.id);

  const differences = useMemo(
    () => (selected.data ? describeDashboardChanges(dashboard, selected.data.snapshot) : []),
    [dashboard, selected.data],
  );

  const run = (request: RestoreVersionRequest, what: string) => {
    setConflict(null);
    setDone(null);
    restore.mutate(request, {
      onSuccess: (answer) => {
        setChosen(null);
        // The undo lives in the dialog: a toast outside a modal dialog cannot be reached until it closes.
        setDone({
          message: `Restored ${what}: ${answer.version.summary}`,
          undo: newest === undefined ? null : { version: newest.id, based_on: answer.version.id },
        });
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 412) {
          setConflict(
            'Someone changed this dashboard after you opened its history, so nothing was restored. The history now shows their change; look again before restoring.',
          );
          void list.refetch();
        } else setConflict(`Could not restore ${what}: ${describeError(error)}`);
      },
    });
  };

  const retention = list.data?.retention;
  return (
    <Dialog
      open={open}
      onClose={close}
      title="History"
      className="max-w-6xl"
      description={
        retention
          ? `Every change is kept for ${retention.keep_all_days} days, then one version a day for ${retention.keep_daily_days} days.`
          : undefined
      }
    >
      {list.isPending ? (
        <Spinner label="Loading the history" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the history"
          message={
            isApiError(list.error) && list.error.status === 404
              ? 'This API keeps no version history (it is a Widget Studio server extension).'
              : describeError(list.error)
          }
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : versions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No changes yet. Every save from now on is recorded here and can be restored.
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
          <ol aria-label="Versions" className="max-h-[70vh] space-y-1 overflow-y-auto pr-1">
            {versions.map((version, index) => (
              <li key={version.id}>
                <button
                  type="button"
                  aria-pressed={version.id === selectedId}
                  onClick={() => setChosen(version.id)}
                  className={classNames(
                    'w-full rounded-md border px-2 py-1.5 text-left text-sm',
                    version.id === selectedId
                      ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/50'
                      : 'border-transparent hover:bg-slate-100 dark:hover:bg-slate-800',
                    FOCUS_RING,
                  )}
                >
                  <span className="block font-medium">{version.summary}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {index === 0 ? 'Current · ' : ''}
                    <time dateTime={version.created_at} title={formatDateTime(version.created_at)}>
                      {formatRelativeTime(version.created_at, new Date())}
                    </time>
                    {version.author ? ` · ${version.author}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <section aria-label="Selected version" className="min-w-0 space-y-3">
            {done ? (
              <div
                role="status"
                className="flex flex-wrap items-center gap-2 rounded-md border border-emerald-400 bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100"
              >
                <span className="min-w-0 flex-1">{done.message}</span>
                {done.undo ? (
                  <Button
                    size="sm"
                    loading={restore.isPending}
                    onClick={() => done.undo && run(done.undo, 'the state before the restore')}
                  >
                    Undo restore
                  </Button>
                ) : null}
              </div>
            ) : null}
            {conflict ? (
              <p
                role="alert"
                className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
              >
                {conflict}
              </p>
            ) : null}
            {selected.isPending ? (
              <Spinner label="Loading the version" />
            ) : selected.isError ? (
              <ErrorState title="Could not load this version" message={describeError(selected.error)} />
            ) : (
              <>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-base font-semibold">
                    Version of {formatDateTime(selected.data.created_at)}
                  </h3>
                  <Button
                    className="ml-auto"
                    variant="primary"
                    size="sm"
                    loading={restore.isPending}
                    disabled={differences.length === 0 || newest === undefined}
                    onClick={() => run({ version: selected.data.id, based_on: newest?.id }, 'this version')}
                  >
                    Restore this version
                  </Button>
                </div>
                <div>
                  <h4 className="text-sm font-medium">Differences from the dashboard now</h4>
                  {differences.length === 0 ? (
                    <p className="text-sm text-slate-600 dark:text-slate-300">
                      This is the dashboard as it is now.
                    </p>
                  ) : (
                    <ul aria-label="Differences from now" className="list-disc pl-5 text-sm">
                      {differences.map((change) => (
                        <li key={change.text}>{change.text}</li>
                      ))}
                    </ul>
                  )}
                </div>
                <VersionPreview
                  snapshot={selected.data.snapshot}
                  current={dashboard}
                  restoring={restore.isPending}
                  onRestoreWidget={(widgetId) =>
                    run({ version: selected.data.id, widget: widgetId, based_on: newest?.id }, 'the widget')
                  }
                />
              </>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
