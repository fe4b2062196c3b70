import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../api/api-client.ts';
import { dashboardQueries } from '../../api/dashboard-queries.ts';
import { metricQueries } from '../../api/metric-queries.ts';
import { widgetQueries } from '../../api/widget-queries.ts';

/**
 * Starts everything the editor needs at once instead of one after another: the dashboard and the
 * widget in parallel, and the project's metrics the moment the dashboard is known (at once when it is
 * already cached, as when the editor is opened from its dashboard). Cached, fresh data is not asked
 * again. Never rejects: the queries the editor renders report their own errors.
 */
export async function prefetchWidgetEditor(
  queryClient: QueryClient,
  api: ApiClient,
  dashboardId: number,
  widgetId: number | 'new',
): Promise<void> {
  const metrics = queryClient
    .ensureQueryData(dashboardQueries.detail(api, dashboardId))
    .then((dashboard) =>
      queryClient.prefetchQuery(metricQueries.list(api, { projectId: dashboard.project })),
    );
  const widget = widgetId === 'new' ? null : queryClient.prefetchQuery(widgetQueries.detail(api, widgetId));
  await Promise.allSettled([metrics, widget]);
}
