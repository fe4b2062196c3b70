import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { WidgetDataResponseSchema, type WidgetDataResponse } from '../../contract/widget-data-schema.ts';
import type { ApiClient } from './api-client.ts';
import { isApiError, summariseFieldErrors } from './api-error.ts';
import { queryKeys } from './query-keys.ts';
import { bulkDataBodies, type BulkDataBody, type ViewFilters } from './view-filters.ts';
import { WIDGETS_PATH, widgetPath } from './widget-queries.ts';

export const BULK_DATA_PATH = `${WIDGETS_PATH}bulk_data/`;
/**
 * Upper bound of points per line series asked of the server (`max_points`, an extension of the
 * embedded server; other servers ignore it). Cards downsample again to their pixel width.
 */
export const MAX_POINTS = 1000;

/** One widget's data, or why it has none: a card shows its own error without blanking the others. */
export type WidgetDataResult =
  { ok: true; response: WidgetDataResponse } | { ok: false; message: string; status: number | null };

export interface DashboardData {
  results: Record<number, WidgetDataResult>;
  /** How the data was fetched: `bulk` (one bulk_data request, following pages) or `per-widget`. */
  mode: 'bulk' | 'per-widget';
}

const MISSING: WidgetDataResult = { ok: false, message: 'No data came back for this widget.', status: null };

/**
 * Data of every widget of a dashboard in one `POST /dashboards/widgets/bulk_data/` (following `next`
 * pages), or, when a view's variables travel as per-widget `filters` (the real API, ADR 0021), one per
 * distinct widget override. A 400 fails a whole bulk request when one widget's data is invalid (e.g.
 * its own time filter starts more than 30 days ago), so on a 400 each widget of that request is asked
 * alone: only the widgets that really fail show an error. Other failures (network, 401) fail the
 * query: they concern the page.
 */
export async function fetchDashboardData(
  api: ApiClient,
  widgetIds: readonly number[],
  signal?: AbortSignal,
  view?: ViewFilters,
): Promise<DashboardData> {
  if (widgetIds.length === 0) return { results: {}, mode: 'bulk' };
  const answers = await Promise.all(
    bulkDataBodies(widgetIds, view).map((body) => fetchBulk(api, body, signal, view !== undefined)),
  );
  const results: Record<number, WidgetDataResult> = {};
  for (const answer of answers) Object.assign(results, answer.results);
  return { results, mode: answers.every((a) => a.mode === 'bulk') ? 'bulk' : 'per-widget' };
}

async function fetchBulk(
  api: ApiClient,
  body: BulkDataBody,
  signal: AbortSignal | undefined,
  overridden: boolean,
): Promise<DashboardData> {
  const widgetIds = body.widget_ids;
  try {
    const items = await api.getAllPages(
      BULK_DATA_PATH,
      WidgetDataResponseSchema,
      { max_points: MAX_POINTS },
      { method: 'POST', body, signal },
    );
    const byId = new Map(items.map((item) => [item.widget_id, item]));
    const results: Record<number, WidgetDataResult> = {};
    for (const id of widgetIds) {
      const response = byId.get(id);
      results[id] = response ? { ok: true, response } : MISSING;
    }
    return { results, mode: 'bulk' };
  } catch (error: unknown) {
    if (!isApiError(error) || error.kind !== 'http' || error.status !== 400) throw error;
  }
  const settled = await Promise.all(
    widgetIds.map(async (id): Promise<[number, WidgetDataResult]> => {
      try {
        if (overridden) {
          // `…/data/` knows only the stored filters: one widget's bulk_data keeps the view's filters.
          const [item] = await api.getAllPages(
            BULK_DATA_PATH,
            WidgetDataResponseSchema,
            { max_points: MAX_POINTS },
            { method: 'POST', body: { ...body, widget_ids: [id] }, signal },
          );
          return [id, item ? { ok: true, response: item } : MISSING];
        }
        const { data } = await api.get(widgetPath(id, 'data/'), {
          schema: WidgetDataResponseSchema,
          query: { max_points: MAX_POINTS },
          signal,
        });
        return [id, { ok: true, response: data }];
      } catch (error: unknown) {
        if (isApiError(error) && error.kind === 'aborted') throw error;
        const message = !isApiError(error)
          ? 'The data request failed.'
          : (error.detail ??
            (Object.keys(error.fieldErrors).length > 0
              ? summariseFieldErrors(error.fieldErrors)
              : error.message));
        return [id, { ok: false, message, status: isApiError(error) ? error.status : null }];
      }
    }),
  );
  return { results: Object.fromEntries(settled), mode: 'per-widget' };
}

export const widgetDataQueries = {
  /** All widget data of a dashboard; the dashboard's stored filters apply on the server. */
  dashboard: (
    api: ApiClient,
    dashboardId: number,
    widgetIds: readonly number[],
    /** The view's variables as the server understands them; undefined: the stored filters. */
    viewFilters?: ViewFilters,
  ) =>
    // The client is not part of the key (as in every factory here): it changes only with the connection.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: queryKeys.widgets.bulkData({
        dashboardId,
        widgetIds,
        ...(viewFilters === undefined ? {} : { viewFilters }),
      }),
      queryFn: ({ signal }) => fetchDashboardData(api, widgetIds, signal, viewFilters),
      // Keep drawing the previous answer while a refresh or a new widget list loads.
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};
