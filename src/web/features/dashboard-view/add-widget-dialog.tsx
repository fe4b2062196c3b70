import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CHART_TYPE_LABELS } from '../../../contract/enums.ts';
import type { WidgetInput } from '../../../contract/widget-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { metricQueries } from '../../api/metric-queries.ts';
import { predefinedWidgetQueries } from '../../api/predefined-widget-queries.ts';
import { Button, buttonClassName } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
import { quickAddsForProject } from './quick-adds-for-project.ts';

/**
 * "Add widget": a blank widget in the editor, or one of the server's predefined widgets
 * (`predefined_widgets`, D16) added at once in the first free slot. The predefined widgets are those
 * of the dashboard's project, and one naming a metric the project does not have is not offered.
 */
export function AddWidgetDialog({
  open,
  dashboardId,
  projectId,
  adding,
  onClose,
  onQuickAdd,
}: {
  open: boolean;
  dashboardId: number;
  projectId: number | null;
  /** The name of the widget being added, if any. */
  adding: string | null;
  onClose: () => void;
  onQuickAdd: (input: WidgetInput) => void;
}) {
  const api = useApiClient();
  const predefined = useQuery({ ...predefinedWidgetQueries.list(api, { projectId }), enabled: open });
  const needsMetrics = predefined.data?.some((input) => input.metric != null) ?? false;
  const metrics = useQuery({ ...metricQueries.list(api, { projectId }), enabled: open && needsMetrics });
  const waitingForMetrics = needsMetrics && metrics.isPending;
  const offered = predefined.data
    ? quickAddsForProject(predefined.data, metrics.isError ? null : (metrics.data ?? []))
    : [];
  return (
    <Dialog open={open} onClose={onClose} title="Add a widget" className="max-w-xl">
      <div className="space-y-5">
        <Link
          to={`/dashboards/${dashboardId}/widgets/new`}
          className={buttonClassName('primary')}
          data-autofocus
        >
          <PlusIcon /> Blank widget
        </Link>
        <section aria-labelledby="quick-add-heading">
          <h3 id="quick-add-heading" className="text-sm font-semibold">
            Quick add
          </h3>
          <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">
            Ready-made widgets, placed in the first free slot.
          </p>
          {predefined.isPending || waitingForMetrics ? (
            <div className="mt-3 space-y-2">
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
            </div>
          ) : predefined.isError ? (
            <p role="alert" className="mt-3 text-sm text-rose-600 dark:text-rose-400">
              {describeError(predefined.error)}
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {offered.map((input, index) => {
                const name = input.name ?? `${CHART_TYPE_LABELS[input.chart_type]} widget`;
                return (
                  <li key={`${name}-${index}`} className="flex items-center gap-3 px-3 py-2">
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-medium">{name}</p>
                      <p className="text-xs text-slate-500 dark:text-slate-400">
                        {CHART_TYPE_LABELS[input.chart_type]}
                      </p>
                    </div>
                    <Button
                      size="sm"
                      aria-label={`Add ${name}`}
                      loading={adding === name}
                      disabled={adding !== null}
                      onClick={() => onQuickAdd(input)}
                    >
                      Add
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </Dialog>
  );
}
