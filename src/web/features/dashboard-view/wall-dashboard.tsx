import { useEffect } from 'react';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import type { DashboardUrlState } from './dashboard-url-state.ts';
import { DashboardWidgets } from './dashboard-widgets.tsx';
import { useChangedWidgets } from './use-changed-widgets.ts';
import { useDashboardData } from './use-dashboard-data.ts';
import { useLayoutDraft } from './use-layout-draft.ts';
import { WALL_MAX_BACKOFF_MS } from './wall-params.ts';

const ignore = () => undefined;

/** One dashboard on the wall: its cards, read-only, refreshing on their own and never given up. */
export function WallDashboard({
  dashboard,
  view,
  refreshMs,
  onStatus,
}: {
  dashboard: Dashboard;
  view: DashboardUrlState;
  refreshMs: number;
  onStatus: (status: { reconnecting: boolean; updatedAt: number }) => void;
}) {
  const data = useDashboardData(dashboard.widgets, {
    storedFilters: dashboard.filters,
    variables: view.variables,
    groupBy: view.group_by,
    refreshMs,
    maxBackoffMs: WALL_MAX_BACKOFF_MS,
  });
  const { layout } = useLayoutDraft(dashboard.widgets);
  const changed = useChangedWidgets(data.results, dashboard.id.toString());
  const updatedAt = data.query.dataUpdatedAt;
  useEffect(
    () => onStatus({ reconnecting: data.reconnecting, updatedAt }),
    [data.reconnecting, updatedAt, onStatus],
  );
  return (
    <DashboardWidgets
      dashboardId={dashboard.id}
      dashboardFilters={data.effectiveFilters}
      groupBy={view.group_by}
      widgets={dashboard.widgets}
      layout={layout}
      results={data.results}
      refreshing={false}
      editing={false}
      onLayoutCommit={ignore}
      onSelect={ignore}
      onDuplicate={ignore}
      onDelete={ignore}
      onAdd={ignore}
      changed={changed}
      readOnly
    />
  );
}
