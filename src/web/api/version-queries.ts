import { queryOptions } from '@tanstack/react-query';
import {
  DashboardVersionListSchema,
  DashboardVersionSchema,
} from '../../contract/dashboard-version-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

/** `/studio/dashboards/{id}/…`: Widget Studio's history extension (the real Cekura API has none). */
export function studioDashboardPath(dashboardId: number, suffix: string): string {
  return `/studio/dashboards/${dashboardId}/${suffix}`;
}

/** Query factories for a dashboard's version history. */
export const versionQueries = {
  list: (api: ApiClient, dashboardId: number, widgetId: number | null = null) =>
    queryOptions({
      queryKey: queryKeys.versions.list(dashboardId, widgetId),
      queryFn: async ({ signal }) =>
        (
          await api.get(studioDashboardPath(dashboardId, 'versions/'), {
            schema: DashboardVersionListSchema,
            query: { widget: widgetId },
            signal,
          })
        ).data,
    }),
  detail: (api: ApiClient, dashboardId: number, versionId: number) =>
    queryOptions({
      queryKey: queryKeys.versions.detail(dashboardId, versionId),
      queryFn: async ({ signal }) =>
        (
          await api.get(studioDashboardPath(dashboardId, `versions/${versionId}/`), {
            schema: DashboardVersionSchema,
            signal,
          })
        ).data,
      // A version never changes.
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
