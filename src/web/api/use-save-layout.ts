import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  BulkWidgetOperationResponseSchema,
  type BulkWidgetOperationResponse,
} from '../../contract/bulk-widgets-schema.ts';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import type { WidgetLayout } from '../../contract/widget-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import { dashboardPath } from './dashboard-queries.ts';
import { queryKeys } from './query-keys.ts';

export interface SaveLayoutVariables {
  dashboardId: number;
  /** Only the widgets whose position or size changed. */
  changes: readonly { widgetId: number; layout: WidgetLayout }[];
  /** Builds the metadata to write from the widget's current metadata (keeps every other key, D14). */
  withLayout: (metadata: unknown, layout: WidgetLayout) => Record<string, unknown>;
}

/** Thrown when a server applies part of a bulk request (D15 tolerate): the draft must stay. */
export class PartialSaveError extends Error {
  constructor(readonly response: BulkWidgetOperationResponse) {
    super(`${response.errors?.length ?? 0} widget(s) could not be saved.`);
  }
}

type CachedDashboard = Dashboard & { etag?: string | null };

/**
 * Saves a layout: the dashboard is read fresh first, so that metadata keys another client wrote since
 * this page loaded survive, then ONE `bulk_widgets` request updates only the changed widgets' metadata
 * (D15). The answer's widgets replace their copies in the dashboard cache; chart data is not refetched
 * because a position change does not change data.
 */
export function useSaveLayout() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ dashboardId, changes, withLayout }: SaveLayoutVariables) => {
      if (changes.length === 0) return { created: [], updated: [], deleted: [] };
      const fresh = await api.get(dashboardPath(dashboardId), { schema: DashboardSchema });
      const metadataById = new Map(fresh.data.widgets.map((w) => [w.id, w.metadata]));
      const update = changes
        .filter((change) => metadataById.has(change.widgetId))
        .map((change) => ({
          id: change.widgetId,
          metadata: withLayout(metadataById.get(change.widgetId), change.layout),
        }));
      const response = await api.post(dashboardPath(dashboardId, 'bulk_widgets/'), {
        body: { update },
        schema: BulkWidgetOperationResponseSchema,
      });
      if ((response.data.errors?.length ?? 0) > 0) throw new PartialSaveError(response.data);
      return response.data;
    },
    onSettled: (result, error, { dashboardId }) => {
      const updated = result?.updated ?? (error instanceof PartialSaveError ? error.response.updated : []);
      if (updated.length === 0) return;
      const byId = new Map(updated.map((w) => [w.id, w]));
      queryClient.setQueryData<CachedDashboard>(queryKeys.dashboards.detail(dashboardId), (dashboard) =>
        dashboard ? { ...dashboard, widgets: dashboard.widgets.map((w) => byId.get(w.id) ?? w) } : dashboard,
      );
      for (const widget of updated)
        queryClient.removeQueries({ queryKey: queryKeys.widgets.detail(widget.id), exact: true });
    },
  });
}
