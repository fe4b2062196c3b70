import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { WidgetDataResponseSchema } from '../../contract/widget-data-schema.ts';
import type { PreviewWidgetRequest } from '../../contract/widget-schema.ts';
import type { ApiClient } from './api-client.ts';
import { describeError, isApiError } from './api-error.ts';
import { postPreview } from './preview-queries.ts';
import { queryKeys } from './query-keys.ts';
import { BULK_DATA_PATH, MAX_POINTS, type WidgetDataResult } from './widget-data-queries.ts';

/**
 * Many `preview_data` bodies (a dashboard's compared twins and cohorts) in one request: `bulk_data`
 * with `previews`, our extension (docs/contract.md §12). A server that does not know it (Cekura's API,
 * a forwarding server) ignores the key and answers fewer items, and a 400 names one bad body: then each
 * body is asked alone with `preview_data`, so it still works everywhere and only a bad body shows an
 * error. Results come back in the order of the bodies.
 */
export async function fetchPreviewBatch(
  api: ApiClient,
  bodies: readonly PreviewWidgetRequest[],
  signal?: AbortSignal,
): Promise<WidgetDataResult[]> {
  if (bodies.length === 0) return [];
  try {
    const items = await api.getAllPages(
      BULK_DATA_PATH,
      WidgetDataResponseSchema,
      { max_points: MAX_POINTS },
      { method: 'POST', body: { widget_ids: [], previews: bodies }, signal },
    );
    if (items.length === bodies.length) return items.map((response) => ({ ok: true, response }));
  } catch (error: unknown) {
    if (!isApiError(error) || error.kind !== 'http' || error.status !== 400) throw error;
  }
  return Promise.all(
    bodies.map(async (body): Promise<WidgetDataResult> => {
      try {
        return { ok: true, response: await postPreview(api, body, signal) };
      } catch (error: unknown) {
        if (isApiError(error) && error.kind === 'aborted') throw error;
        return { ok: false, message: describeError(error), status: isApiError(error) ? error.status : null };
      }
    }),
  );
}

/** The key of a body's answer in a batch (the body itself, serialised). */
export function previewBodyKey(body: PreviewWidgetRequest): string {
  return JSON.stringify(body);
}

export const previewBatchQueries = {
  batch: (api: ApiClient, bodies: readonly PreviewWidgetRequest[]) =>
    // The client is not part of the key (as in every factory here): it changes only with the connection.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: queryKeys.widgets.previewBatch(bodies),
      queryFn: async ({ signal }) => {
        const results = await fetchPreviewBatch(api, bodies, signal);
        return Object.fromEntries(bodies.map((body, i) => [previewBodyKey(body), results[i]]));
      },
      // A new window or variable keeps the older comparisons drawn until the new ones arrive: answers
      // are keyed by their body, so an older answer is only ever drawn for the body that asked for it.
      placeholderData: keepPreviousData,
      staleTime: 30_000,
      retry: false,
    }),
};
