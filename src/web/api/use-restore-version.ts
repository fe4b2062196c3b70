import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  RestoreVersionResponseSchema,
  type RestoreVersionRequest,
} from '../../contract/dashboard-version-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import { queryKeys } from './query-keys.ts';
import { studioDashboardPath } from './version-queries.ts';

/**
 * Restores a version (or one widget of it) as a new version. `based_on` is the newest version the
 * user saw: a newer change answers 412 and nothing is written. The dashboard, its widgets' data and
 * its history are read again afterwards.
 */
export function useRestoreVersion(dashboardId: number) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: RestoreVersionRequest) =>
      (
        await api.post(studioDashboardPath(dashboardId, 'restore/'), {
          body: request,
          schema: RestoreVersionResponseSchema,
        })
      ).data,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.detail(dashboardId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.versions.all(dashboardId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.widgets.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() }),
      ]);
    },
  });
}
