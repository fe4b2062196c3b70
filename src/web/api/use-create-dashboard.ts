import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import type { DashboardInput } from '../../contract/dashboard-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import { DASHBOARDS_PATH } from './dashboard-queries.ts';
import { queryKeys } from './query-keys.ts';

/** POST a new dashboard; the created one is put in the cache and the lists refresh. Never retried. */
export function useCreateDashboard() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: DashboardInput) => {
      const response = await api.post(DASHBOARDS_PATH, { body: input, schema: DashboardSchema });
      return { ...response.data, etag: response.etag };
    },
    onSuccess: async (dashboard) => {
      queryClient.setQueryData(queryKeys.dashboards.detail(dashboard.id), dashboard);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() });
    },
  });
}
