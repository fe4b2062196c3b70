import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from './api-client-context.tsx';
import { dashboardPath } from './dashboard-queries.ts';
import { queryKeys } from './query-keys.ts';

/** DELETE a dashboard (and, server-side, all its widgets); its cache entries go, the lists refresh. */
export function useDeleteDashboard() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (dashboardId: number) => {
      await api.delete(dashboardPath(dashboardId));
      return dashboardId;
    },
    onSuccess: async (dashboardId) => {
      queryClient.removeQueries({ queryKey: queryKeys.dashboards.detail(dashboardId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() });
    },
  });
}
