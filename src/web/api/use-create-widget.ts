import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WidgetSchema, type WidgetInput } from '../../contract/widget-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import { queryKeys } from './query-keys.ts';
import { storeWrittenWidget, type CachedWidget } from './widget-cache.ts';
import { WIDGETS_PATH } from './widget-queries.ts';

/** POST a new widget (also used to duplicate one); the answer joins its dashboard's cache. */
export function useCreateWidget() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: WidgetInput): Promise<CachedWidget> => {
      const response = await api.post(WIDGETS_PATH, { body: input, schema: WidgetSchema });
      return { ...response.data, etag: response.etag };
    },
    onSuccess: async (widget) => {
      await storeWrittenWidget(queryClient, widget);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() });
    },
  });
}
