import { Link } from 'react-router';
import type { DashboardList } from '../../../contract/dashboard-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { formatDateTime, formatRelativeTime } from '../../lib/format.ts';
import { Button } from '../../ui/button.tsx';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { CopyIcon, PencilIcon, TrashIcon } from '../../ui/icons.tsx';
import { dashboardName, projectLabel } from './dashboard-list-model.ts';

export interface DashboardTableProps {
  dashboards: readonly DashboardList[];
  now: Date;
  /** Id of the dashboard being duplicated (its button shows a spinner). */
  duplicatingId: number | null;
  onRename: (dashboard: DashboardList) => void;
  onDuplicate: (dashboard: DashboardList) => void;
  onDelete: (dashboard: DashboardList) => void;
}

const TH =
  'px-4 py-2.5 text-left text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400';

/** The dashboards as a table: name (link), project, widget count, last updated, row actions. */
export function DashboardTable({
  dashboards,
  now,
  duplicatingId,
  onRename,
  onDuplicate,
  onDelete,
}: DashboardTableProps) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm">
        <caption className="sr-only">Dashboards</caption>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
          <tr>
            <th scope="col" className={TH}>
              Name
            </th>
            <th scope="col" className={TH}>
              Project
            </th>
            <th scope="col" className={classNames(TH, 'text-right')}>
              Widgets
            </th>
            <th scope="col" className={TH}>
              Last updated
            </th>
            <th scope="col" className={classNames(TH, 'text-right')}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {dashboards.map((dashboard) => {
            const name = dashboardName(dashboard);
            return (
              <tr key={dashboard.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
                <td className="px-4 py-3">
                  <Link
                    to={`/dashboards/${dashboard.id}`}
                    dir="auto"
                    className={classNames(
                      'rounded font-medium text-indigo-600 hover:underline dark:text-indigo-400',
                      FOCUS_RING,
                    )}
                  >
                    {name}
                  </Link>
                </td>
                <td className="px-4 py-3 text-slate-600 dark:text-slate-400">
                  {projectLabel(dashboard.project)}
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{dashboard.widget_count}</td>
                <td className="px-4 py-3 text-slate-600 dark:text-slate-400">
                  {dashboard.updated_at ? (
                    <time dateTime={dashboard.updated_at} title={formatDateTime(dashboard.updated_at)}>
                      {formatRelativeTime(dashboard.updated_at, now)}
                    </time>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-4 py-2">
                  <div className="flex justify-end gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Rename ${name}`}
                      title="Rename"
                      onClick={() => onRename(dashboard)}
                    >
                      <PencilIcon />
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Duplicate ${name}`}
                      title="Duplicate"
                      loading={duplicatingId === dashboard.id}
                      onClick={() => onDuplicate(dashboard)}
                    >
                      {duplicatingId === dashboard.id ? null : <CopyIcon />}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Delete ${name}`}
                      title="Delete"
                      className="hover:text-rose-600 dark:hover:text-rose-400"
                      onClick={() => onDelete(dashboard)}
                    >
                      <TrashIcon />
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
