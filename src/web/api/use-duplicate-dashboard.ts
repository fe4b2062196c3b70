import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import { dashboardPath } from './dashboard-queries.ts';
import { queryKeys } from './query-keys.ts';

export interface DuplicateDashboardVariables {
  dashboardId: number;
  /** Without a name the server calls the copy "Copy of <name>". */
  name?: string;
}

/** POST `…/{id}/duplicate/`: the server copies the dashboard with every widget. */
export function useDuplicateDashboard() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ dashboardId, name }: DuplicateDashboardVariables) => {
      const response = await api.post(dashboardPath(dashboardId, 'duplicate/'), {
        body: name ? { name } : {},
        schema: DashboardSchema,
      });
      return { ...response.data, etag: response.etag };
    },
    onSuccess: async (dashboard) => {
      queryClient.setQueryData(queryKeys.dashboards.detail(dashboard.id), dashboard);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() });
    },
  });
}
