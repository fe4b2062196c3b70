import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import type { PatchedDashboard } from '../../contract/dashboard-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import { dashboardPath } from './dashboard-queries.ts';
import { queryKeys } from './query-keys.ts';

export interface UpdateDashboardVariables {
  dashboardId: number;
  /** Only the fields to change (PATCH). */
  patch: PatchedDashboard;
  /** The ETag the edit was based on; the server answers 412 if someone changed it since (D21). */
  ifMatch?: string | null;
}

/** PATCH a dashboard; the answer replaces the cached detail and the lists refresh. */
export function useUpdateDashboard() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ dashboardId, patch, ifMatch }: UpdateDashboardVariables) => {
      const response = await api.patch(dashboardPath(dashboardId), {
        body: patch,
        schema: DashboardSchema,
        headers: ifMatch ? { 'If-Match': ifMatch } : undefined,
      });
      return { ...response.data, etag: response.etag };
    },
    onSuccess: async (dashboard) => {
      queryClient.setQueryData(queryKeys.dashboards.detail(dashboard.id), dashboard);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() });
    },
  });
}
