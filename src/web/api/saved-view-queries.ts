import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  SavedViewListSchema,
  SavedViewSchema,
  savedViewsPath,
  type SavedView,
  type ViewState,
} from '../../contract/saved-view-schema.ts';
import { readStorage, writeStorage } from '../lib/storage.ts';
import { useApiClient } from './api-client-context.tsx';
import type { ApiClient } from './api-client.ts';
import { ApiError, isApiError } from './api-error.ts';
import { addLocalView, localViewsKey, parseLocalViews, removeLocalView } from './local-saved-views.ts';
import { queryKeys } from './query-keys.ts';

/** Where a dashboard's views live: on the embedded server, or in this browser for any other API. */
export interface SavedViews {
  storage: 'server' | 'local';
  views: readonly SavedView[];
}

function readLocal(api: ApiClient, dashboardId: number): SavedView[] {
  return parseLocalViews(readStorage('local', localViewsKey(api.baseUrl, dashboardId)));
}

/**
 * The saved views of a dashboard: from `/studio/dashboards/{id}/views/` on the embedded server; from
 * the browser when the API is another one or the embedded server forwards (its `/studio/` routes answer
 * 404 then), so views work against the real Cekura API too.
 */
export const savedViewQueries = {
  list: (api: ApiClient, dashboardId: number) =>
    // The client is not part of the key (as in every factory here): it changes only with the connection.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: queryKeys.savedViews.list(dashboardId),
      queryFn: async ({ signal }): Promise<SavedViews> => {
        if (!api.embedded) return { storage: 'local', views: readLocal(api, dashboardId) };
        try {
          const response = await api.get(savedViewsPath(dashboardId), {
            schema: SavedViewListSchema,
            signal,
          });
          return { storage: 'server', views: response.data.results };
        } catch (error: unknown) {
          if (isApiError(error) && error.status === 404 && !signal.aborted)
            return { storage: 'local', views: readLocal(api, dashboardId) };
          throw error;
        }
      },
      staleTime: 60_000,
    }),
};

/** A local failure in the shape of the server's 400, so the form shows both the same way. */
function localError(errors: Record<string, string[]>, dashboardId: number): ApiError {
  return new ApiError({
    kind: 'http',
    method: 'POST',
    path: `local:${savedViewsPath(dashboardId)}`,
    status: 400,
    message: errors.detail?.[0] ?? Object.values(errors)[0]?.[0] ?? 'Invalid view.',
    detail: errors.detail?.[0] ?? null,
    fieldErrors: Object.fromEntries(Object.entries(errors).filter(([key]) => key !== 'detail')),
  });
}

/** Saves the current view under a name, where the dashboard's views live. */
export function useSaveView(dashboardId: number, storage: SavedViews['storage']) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, state }: { name: string; state: ViewState }): Promise<SavedView> => {
      if (storage === 'server') {
        const response = await api.post(savedViewsPath(dashboardId), {
          body: { name, state },
          schema: SavedViewSchema,
        });
        return response.data;
      }
      const outcome = addLocalView(readLocal(api, dashboardId), {
        dashboardId,
        name,
        state,
        now: new Date(),
      });
      if (!outcome.ok) throw localError(outcome.errors, dashboardId);
      if (!writeStorage('local', localViewsKey(api.baseUrl, dashboardId), JSON.stringify(outcome.views)))
        throw localError(
          { detail: ['This browser would not store the view (storage full or disabled).'] },
          dashboardId,
        );
      return outcome.view;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.savedViews.list(dashboardId) }),
  });
}

/** Deletes a saved view. */
export function useDeleteView(dashboardId: number, storage: SavedViews['storage']) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (viewId: number) => {
      if (storage === 'server') {
        await api.delete(`${savedViewsPath(dashboardId)}${viewId}/`);
        return;
      }
      const key = localViewsKey(api.baseUrl, dashboardId);
      writeStorage('local', key, JSON.stringify(removeLocalView(readLocal(api, dashboardId), viewId)));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.savedViews.list(dashboardId) }),
  });
}
