import { useQuery } from '@tanstack/react-query';
import type { DashboardList } from '../../../contract/dashboard-schema.ts';
import { TRASH_KEEP_DAYS } from '../../../contract/trash-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { dashboardQueries } from '../../api/dashboard-queries.ts';
import { useDeleteDashboard } from '../../api/use-delete-dashboard.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
import { useToast } from '../../ui/toast.tsx';
import { dashboardName } from './dashboard-list-model.ts';

/** Confirms a delete, naming the widgets that go with the dashboard and where they go. */
export function DeleteDashboardDialog({
  dashboard,
  onClose,
  onDeleted,
}: {
  dashboard: DashboardList | null;
  onClose: () => void;
  /** After the delete succeeded (the dashboard's own page leaves for the list). */
  onDeleted?: (() => void) | undefined;
}) {
  const name = dashboard ? dashboardName(dashboard) : '';
  return (
    <Dialog open={dashboard !== null} onClose={onClose} role="alertdialog" title={`Delete “${name}”?`}>
      {dashboard ? (
        <DeleteConfirmation
          key={dashboard.id}
          dashboard={dashboard}
          onClose={onClose}
          onDeleted={onDeleted}
        />
      ) : null}
    </Dialog>
  );
}

function DeleteConfirmation({
  dashboard,
  onClose,
  onDeleted,
}: {
  dashboard: DashboardList;
  onClose: () => void;
  onDeleted?: (() => void) | undefined;
}) {
  const api = useApiClient();
  const detail = useQuery(dashboardQueries.detail(api, dashboard.id));
  const deleteDashboard = useDeleteDashboard();
  const toast = useToast();
  const name = dashboardName(dashboard);
  const widgets = detail.data?.widgets ?? [];
  // Only the embedded server keeps a trash; another Cekura API (also through forwarding) deletes for good.
  const afterwards =
    api.embedded && !api.forwarding
      ? `It goes to the Trash, where it can be restored for ${TRASH_KEEP_DAYS} days.`
      : 'This cannot be undone.';

  function confirm() {
    deleteDashboard.mutate(dashboard.id, {
      onSuccess: () => {
        toast.show({ tone: 'success', title: `Deleted “${name}”` });
        onClose();
        onDeleted?.();
      },
      onError: (error) =>
        toast.show({ tone: 'error', title: `“${name}” was not deleted`, description: error.message }),
    });
  }

  return (
    <div className="space-y-4 text-sm">
      {detail.isPending ? (
        <div className="space-y-2" aria-label="Loading the widgets of this dashboard">
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : detail.isError ? (
        <p>
          This deletes the dashboard and its {dashboard.widget_count}{' '}
          {dashboard.widget_count === 1 ? 'widget' : 'widgets'}. {afterwards}
        </p>
      ) : widgets.length === 0 ? (
        <p>This dashboard has no widgets. {afterwards}</p>
      ) : (
        <>
          <p>
            This also deletes its {widgets.length} {widgets.length === 1 ? 'widget' : 'widgets'}. {afterwards}
          </p>
          <ul
            aria-label="Widgets that will be deleted"
            className="max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5 text-slate-700 dark:text-slate-300"
          >
            {widgets.map((widget) => (
              <li key={widget.id}>
                {widget.name?.trim() ? widget.name : `Untitled ${widget.chart_type} widget`}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="flex justify-end gap-2 pt-2">
        <Button onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          onClick={confirm}
          loading={deleteDashboard.isPending}
          disabled={detail.isPending}
        >
          Delete dashboard
        </Button>
      </div>
    </div>
  );
}
