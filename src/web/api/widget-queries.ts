import { queryOptions } from '@tanstack/react-query';
import { WidgetSchema } from '../../contract/widget-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

export const WIDGETS_PATH = '/dashboards/widgets/';

/** `/dashboards/widgets/{id}/` (and `…/{id}/data/` with `suffix`). */
export function widgetPath(widgetId: number, suffix = ''): string {
  return `${WIDGETS_PATH}${widgetId}/${suffix}`;
}

/** Query factories for widgets. */
export const widgetQueries = {
  /** One widget; `etag` is kept for `If-Match` on writes (D21). */
  detail: (api: ApiClient, widgetId: number) =>
    queryOptions({
      queryKey: queryKeys.widgets.detail(widgetId),
      queryFn: async ({ signal }) => {
        const response = await api.get(widgetPath(widgetId), { schema: WidgetSchema, signal });
        return { ...response.data, etag: response.etag };
      },
    }),
  /** Every widget of a dashboard (all pages). */
  list: (api: ApiClient, params: { dashboardId?: number | null } = {}) =>
    queryOptions({
      queryKey: queryKeys.widgets.list(params),
      queryFn: ({ signal }) =>
        api.getAllPages(WIDGETS_PATH, WidgetSchema, { dashboard_id: params.dashboardId ?? null }, { signal }),
    }),
};
