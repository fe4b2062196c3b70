import { queryOptions } from '@tanstack/react-query';
import { WidgetDataResponseSchema, type WidgetDataResponse } from '../../contract/widget-data-schema.ts';
import type { PreviewWidgetRequest } from '../../contract/widget-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import { WIDGETS_PATH, widgetPath } from './widget-queries.ts';

export const PREVIEW_DATA_PATH = `${WIDGETS_PATH}preview_data/`;

/** One `POST /dashboards/widgets/preview_data/` (D6), optionally on one project. */
export async function postPreview(
  api: ApiClient,
  body: PreviewWidgetRequest,
  signal: AbortSignal | undefined,
  projectId: number | null = null,
): Promise<WidgetDataResponse> {
  const response = await api.post(PREVIEW_DATA_PATH, {
    // Our extension: a widget of no dashboard yet (an import, a template) drawn on one project.
    query: projectId === null ? undefined : { project_id: projectId },
    body,
    schema: WidgetDataResponseSchema,
    signal,
    // preview_data changes nothing, so a lost answer may be asked for again.
    idempotent: true,
  });
  return response.data;
}

/**
 * Query factories for widget data seen from the editor. The preview is keyed by the exact request body,
 * so an answer can only ever be shown for the draft that asked for it (never a stale one), and a body
 * the user returns to is served from the cache. The query function hands React Query's signal to the
 * request: when the draft moves on, the superseded request loses its observer and is aborted.
 */
export const previewQueries = {
  /** `POST /dashboards/widgets/preview_data/` for an unsaved draft (D6), optionally on one project. */
  draft: (api: ApiClient, body: PreviewWidgetRequest, projectId: number | null = null) =>
    // The client is not part of the key (as in every factory here): it changes only with the connection.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: queryKeys.widgets.preview(projectId === null ? body : { body, projectId }),
      queryFn: ({ signal }) => postPreview(api, body, signal, projectId),
      staleTime: 30_000,
      retry: false,
    }),
  /** `GET /dashboards/widgets/{id}/data/` of the saved widget, for the saved-vs-draft comparison. */
  saved: (api: ApiClient, widgetId: number) =>
    queryOptions({
      queryKey: queryKeys.widgets.data(widgetId),
      queryFn: async ({ signal }) => {
        const response = await api.get(widgetPath(widgetId, 'data/'), {
          schema: WidgetDataResponseSchema,
          signal,
        });
        return response.data;
      },
      staleTime: 30_000,
      retry: false,
    }),
};
