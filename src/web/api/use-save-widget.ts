import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WidgetSchema, type PatchedWidget } from '../../contract/widget-schema.ts';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-client-context.tsx';
import { isApiError } from './api-error.ts';
import { storeWrittenWidget, type CachedWidget } from './widget-cache.ts';
import { widgetPath } from './widget-queries.ts';

/** Someone else changed the widget since it was loaded; `theirs` is the current server copy. */
export class WidgetConflictError extends Error {
  override readonly name = 'WidgetConflictError';
  readonly theirs: CachedWidget;
  constructor(theirs: CachedWidget) {
    super('The widget was changed by someone else.');
    this.theirs = theirs;
  }
}

export function isWidgetConflict(error: unknown): error is WidgetConflictError {
  return error instanceof WidgetConflictError;
}

export interface SaveWidgetVariables {
  widgetId: number;
  /** Only the changed fields (see `diffWidget`). */
  patch: PatchedWidget;
  /** `updated_at` of the copy the edit is based on: the loaded one, or theirs on Overwrite. */
  expectedUpdatedAt: string | null;
  /** The ETag of that copy, when the server sent one. */
  ifMatch: string | null;
}

async function fetchCurrent(api: ApiClient, widgetId: number): Promise<CachedWidget> {
  const response = await api.get(widgetPath(widgetId), { schema: WidgetSchema });
  return { ...response.data, etag: response.etag };
}

/**
 * Writes a widget with optimistic concurrency that works against any server (D21): first it reads the
 * current copy and compares `updated_at` with the one the edit is based on (the real Cekura API may not
 * honour `If-Match`), then it PATCHes with `If-Match` when an ETag is known, and a 412 (someone wrote
 * in between) becomes the same `WidgetConflictError`. Never retried (a write). On success the answer is
 * put into the widget and dashboard caches without a refetch.
 */
export async function saveWidget(api: ApiClient, variables: SaveWidgetVariables): Promise<CachedWidget> {
  const current = await fetchCurrent(api, variables.widgetId);
  if (current.updated_at !== variables.expectedUpdatedAt) throw new WidgetConflictError(current);
  try {
    const response = await api.patch(widgetPath(variables.widgetId), {
      body: variables.patch,
      schema: WidgetSchema,
      headers: variables.ifMatch ? { 'If-Match': variables.ifMatch } : undefined,
    });
    return { ...response.data, etag: response.etag };
  } catch (error: unknown) {
    if (isApiError(error) && error.kind === 'http' && error.status === 412) {
      throw new WidgetConflictError(await fetchCurrent(api, variables.widgetId));
    }
    throw error;
  }
}

/** PATCH a widget (see `saveWidget`). */
export function useSaveWidget() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: SaveWidgetVariables) => saveWidget(api, variables),
    onSuccess: (widget) => storeWrittenWidget(queryClient, widget),
  });
}
