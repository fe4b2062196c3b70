import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { TrashListSchema, TrashRestoreResponseSchema } from '../../contract/trash-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

/** `/studio/trash/`: Widget Studio's trash extension (the real Cekura API has none). */
export const trashQueries = {
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: queryKeys.trash.list(),
      queryFn: async ({ signal }) =>
        (await api.get('/studio/trash/', { schema: TrashListSchema, signal })).data,
    }),
};

/** Puts a trash entry back; the trash, the dashboards and their widgets are read again. */
export function useRestoreFromTrash() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (entryId: number) =>
      (await api.post(`/studio/trash/${entryId}/restore/`, { body: {}, schema: TrashRestoreResponseSchema }))
        .data,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.trash.list() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.widgets.all }),
      ]);
    },
  });
}
