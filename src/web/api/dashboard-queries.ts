import { queryOptions } from '@tanstack/react-query';
import { DashboardListSchema, DashboardSchema } from '../../contract/dashboard-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

export const DASHBOARDS_PATH = '/dashboards/dashboards/';

/** `/dashboards/dashboards/{id}/` (and `…/{id}/duplicate/` etc. with `suffix`). */
export function dashboardPath(dashboardId: number, suffix = ''): string {
  return `${DASHBOARDS_PATH}${dashboardId}/${suffix}`;
}

/** Query factories for dashboards; the client is passed in because it depends on the connection. */
export const dashboardQueries = {
  /** Every dashboard the key can see (all pages), optionally of one project. */
  list: (api: ApiClient, params: { projectId?: number | null } = {}) =>
    queryOptions({
      queryKey: queryKeys.dashboards.list(params),
      queryFn: ({ signal }) =>
        api.getAllPages(
          DASHBOARDS_PATH,
          DashboardListSchema,
          { project_id: params.projectId ?? null },
          { signal },
        ),
    }),
  /** One dashboard with its widgets; `etag` is kept for `If-Match` on writes (D21). */
  detail: (api: ApiClient, dashboardId: number) =>
    // The client is not part of the key (as in every factory here): it changes only with the connection.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: queryKeys.dashboards.detail(dashboardId),
      queryFn: ({ signal }) => fetchDashboard(api, dashboardId, signal),
    }),
};

/** One dashboard with its widgets and its `etag` (what `dashboardQueries.detail` caches). */
export async function fetchDashboard(api: ApiClient, dashboardId: number, signal?: AbortSignal) {
  const response = await api.get(dashboardPath(dashboardId), { schema: DashboardSchema, signal });
  return { ...response.data, etag: response.etag };
}
