import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { TrashEntry } from '../../../contract/trash-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError, isApiError } from '../../api/api-error.ts';
import { trashQueries, useRestoreFromTrash } from '../../api/trash-queries.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { useToast } from '../../ui/toast.tsx';

function entryTitle(entry: TrashEntry): string {
  const name = entry.name?.trim()
    ? entry.name
    : `${entry.kind === 'dashboard' ? 'Dashboard' : 'Widget'} ${entry.object_id}`;
  return entry.kind === 'dashboard' ? name : `${name} (widget of dashboard ${entry.dashboard})`;
}

/**
 * Deleted dashboards and widgets of the last 30 days (embedded server only), each restorable with its
 * widgets, layout and id.
 */
export function TrashPage() {
  useDocumentTitle('Trash');
  const api = useApiClient();
  const toast = useToast();
  const navigate = useNavigate();
  const list = useQuery(trashQueries.list(api));
  const restore = useRestoreFromTrash();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Trash</h1>
      {list.isPending ? (
        <Spinner label="Loading the trash" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the trash"
          message={
            isApiError(list.error) && list.error.status === 404
              ? 'This API keeps no trash (it is a Widget Studio server extension).'
              : describeError(list.error)
          }
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Deleted dashboards and widgets are kept here for {list.data.keep_days} days, then removed for
            good.
          </p>
          {list.data.results.length === 0 ? (
            <p className="text-sm">The trash is empty.</p>
          ) : (
            <ul
              aria-label="Deleted items"
              className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
            >
              {list.data.results.map((entry) => {
                const title = entryTitle(entry);
                return (
                  <li
                    key={entry.id}
                    aria-label={title}
                    className="flex flex-wrap items-center gap-3 px-4 py-3"
                  >
                    <div className="min-w-0 flex-1">
                      <p dir="auto" className="font-medium">
                        {title}
                      </p>
                      <p className="text-xs text-slate-600 dark:text-slate-400">
                        {entry.kind === 'dashboard'
                          ? `${entry.widget_count} ${entry.widget_count === 1 ? 'widget' : 'widgets'} · `
                          : ''}
                        Deleted {formatDateTime(entry.deleted_at)}
                        {entry.deleted_by ? ` by ${entry.deleted_by}` : ''}
                      </p>
                    </div>
                    <Button
                      size="sm"
                      aria-label={`Restore ${title}`}
                      loading={restore.isPending && restore.variables === entry.id}
                      disabled={restore.isPending}
                      onClick={() =>
                        restore.mutate(entry.id, {
                          onSuccess: (answer) =>
                            toast.show({
                              tone: 'success',
                              title: `Restored “${title}”`,
                              action: {
                                label: 'Open',
                                onClick: () => void navigate(`/dashboards/${answer.dashboard}`),
                              },
                            }),
                          onError: (error) =>
                            toast.show({
                              tone: 'error',
                              title: `“${title}” was not restored`,
                              description: describeError(error),
                            }),
                        })
                      }
                    >
                      Restore
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
          <Link to="/dashboards" className="text-sm text-indigo-700 underline dark:text-indigo-300">
            Back to dashboards
          </Link>
        </>
      )}
    </div>
  );
}
