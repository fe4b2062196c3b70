import type { QueryClient } from '@tanstack/react-query';
import type { Dashboard } from '../../contract/dashboard-schema.ts';
import type { Widget } from '../../contract/widget-schema.ts';
import { queryKeys } from './query-keys.ts';

/** A widget as the detail query caches it: with the ETag of the answer, for `If-Match` (D21). */
export type CachedWidget = Widget & { etag: string | null };
type CachedDashboard = Dashboard & { etag?: string | null };

/**
 * Puts a written widget into every cache that shows it, without refetching: its own detail, and the
 * nested `widgets` of its dashboard (replaced in place, appended when new). The widget's data is
 * invalidated because its definition changed; the dashboard itself is not refetched.
 */
export async function storeWrittenWidget(queryClient: QueryClient, widget: CachedWidget): Promise<void> {
  queryClient.setQueryData(queryKeys.widgets.detail(widget.id), widget);
  if (widget.dashboard !== null) {
    queryClient.setQueryData<CachedDashboard>(queryKeys.dashboards.detail(widget.dashboard), (dashboard) => {
      if (!dashboard) return dashboard;
      const { etag: _etag, ...plain } = widget;
      const exists = dashboard.widgets.some((w) => w.id === widget.id);
      const widgets = exists
        ? dashboard.widgets.map((w) => (w.id === widget.id ? plain : w))
        : [...dashboard.widgets, plain];
      return { ...dashboard, widgets, widget_count: widgets.length };
    });
  }
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.widgets.data(widget.id) }),
    // Query keys match partially: an empty `widgetIds` matches every bulk_data query of the dashboard.
    ...(widget.dashboard === null
      ? []
      : [
          queryClient.invalidateQueries({
            queryKey: queryKeys.widgets.bulkData({ dashboardId: widget.dashboard, widgetIds: [] }),
          }),
        ]),
    queryClient.invalidateQueries({ queryKey: queryKeys.widgets.list({ dashboardId: widget.dashboard }) }),
  ]);
}

/**
 * The copy of a widget to cache: `incoming`, unless the cache already holds a newer one (by
 * `updated_at`), such as the answer of a later write or a refetch that landed first. A copy without a
 * time never replaces one with a time. Total.
 */
export function newerWidget(current: CachedWidget | undefined, incoming: CachedWidget): CachedWidget {
  if (!current || current.id !== incoming.id) return incoming;
  const held = current.updated_at === null ? Number.NaN : Date.parse(current.updated_at);
  const coming = incoming.updated_at === null ? Number.NaN : Date.parse(incoming.updated_at);
  if (Number.isNaN(coming)) return Number.isNaN(held) ? incoming : current;
  return held > coming ? current : incoming;
}

/** Removes a deleted widget from its detail cache and from its dashboard's nested widgets. */
export function forgetWidget(queryClient: QueryClient, widgetId: number, dashboardId: number | null): void {
  queryClient.removeQueries({ queryKey: queryKeys.widgets.detail(widgetId), exact: true });
  queryClient.removeQueries({ queryKey: queryKeys.widgets.data(widgetId) });
  if (dashboardId === null) return;
  queryClient.setQueryData<CachedDashboard>(queryKeys.dashboards.detail(dashboardId), (dashboard) => {
    if (!dashboard) return dashboard;
    const widgets = dashboard.widgets.filter((w) => w.id !== widgetId);
    return widgets.length === dashboard.widgets.length
      ? dashboard
      : { ...dashboard, widgets, widget_count: widgets.length };
  });
}
