import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from './api-client-context.tsx';
import { queryKeys } from './query-keys.ts';
import { forgetWidget } from './widget-cache.ts';
import { widgetPath } from './widget-queries.ts';

export interface DeleteWidgetVariables {
  widgetId: number;
  dashboardId: number | null;
  /** The ETag the user saw; a 412 means someone changed the widget meanwhile (D21). */
  ifMatch?: string | null;
}

/** DELETE a widget; it leaves the widget and dashboard caches without a refetch. */
export function useDeleteWidget() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ widgetId, ifMatch }: DeleteWidgetVariables) => {
      await api.delete(widgetPath(widgetId), { headers: ifMatch ? { 'If-Match': ifMatch } : undefined });
    },
    onSuccess: async (_result, { widgetId, dashboardId }) => {
      forgetWidget(queryClient, widgetId, dashboardId);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() });
    },
  });
}
