import { useQueries, useQuery, type Query, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError, isApiError } from '../../api/api-error.ts';
import { previewQueries } from '../../api/preview-queries.ts';
import { widgetDataQueries, type WidgetDataResult } from '../../api/widget-data-queries.ts';
import { nextRefreshDelay } from './refresh-schedule.ts';
import { applyVariables, viewFiltersFor } from './variable-filters.ts';
import { regroupedBody } from '../../lib/widget-preview-body.ts';

export interface DashboardDataOptions {
  /** The dashboard's stored filters; the variables are added to them. */
  storedFilters: Filter | null;
  variables: readonly ViewVariable[];
  /** The exploratory group-by of line and bar widgets; null: each widget's own. */
  groupBy: string | null;
  /** Auto-refresh interval (0: off). */
  refreshMs: number;
  /** Longest wait between refreshes after failures (wall mode keeps trying every minute). */
  maxBackoffMs?: number;
}

/**
 * The one bulk query of a dashboard's widgets in a view: what `useDashboardData` subscribes to, and
 * what the route starts as soon as the dashboard arrives (`startDashboardData`).
 */
export function dashboardDataQuery(
  api: ApiClient,
  widgets: readonly Widget[],
  storedFilters: Filter | null,
  variables: readonly ViewVariable[],
) {
  // Without a variable the stored filters apply on the server: the request stays Cekura's own.
  const viewFilters = viewFiltersFor(widgets, storedFilters, variables, api.computesData);
  const widgetIds = widgets.map((w) => w.id);
  return widgetDataQueries.dashboard(api, widgets[0]?.dashboard ?? 0, widgetIds, viewFilters);
}

/**
 * Starts a dashboard's widget data the moment the dashboard itself arrives, before its grid of cards
 * renders (about 250 ms on a 50-card dashboard): the screen's `useDashboardData` then finds the request
 * on its way. Only the first time: a dashboard read again (after a rename, a layout save) leaves the
 * data to the screen's own schedule, so no request is added.
 */
export function startDashboardData(
  queryClient: QueryClient,
  api: ApiClient,
  dashboard: Pick<Dashboard, 'widgets' | 'filters'>,
  variables: readonly ViewVariable[],
): void {
  const query = dashboardDataQuery(api, dashboard.widgets, dashboard.filters, variables);
  if (queryClient.getQueryState(query.queryKey) !== undefined) return;
  void queryClient.prefetchQuery(query);
}

/**
 * The data of every widget of a dashboard: one `bulk_data` (the variables as `dashboard_filters`, or
 * against the real API one per distinct widget filter, `viewFiltersFor`),
 * refreshed every `refreshMs` while the tab is visible and online (React Query skips interval fetches
 * of a hidden tab and pauses offline), the wait doubling after each failed refresh. With a group-by,
 * line and bar widgets are drawn from `preview_data` with that grouping instead (nothing is saved).
 */
export function useDashboardData(widgets: readonly Widget[], options: DashboardDataOptions) {
  const api = useApiClient();
  const { storedFilters, variables, groupBy, refreshMs, maxBackoffMs } = options;
  const widgetIds = useMemo(() => widgets.map((w) => w.id), [widgets]);
  const effective = useMemo(() => applyVariables(storedFilters, variables), [storedFilters, variables]);
  const dataQuery = useMemo(
    () => dashboardDataQuery(api, widgets, storedFilters, variables),
    [api, widgets, storedFilters, variables],
  );

  // Consecutive failed fetches, counted from the query's own timestamps (one per settled fetch).
  const failures = useRef({ count: 0, errorAt: 0, dataAt: 0 });
  const refetchInterval = useCallback(
    (query: { state: Pick<Query['state'], 'dataUpdatedAt' | 'errorUpdatedAt'> }) => {
      const seen = failures.current;
      const { dataUpdatedAt, errorUpdatedAt } = query.state;
      if (dataUpdatedAt > seen.dataAt)
        failures.current = { count: 0, errorAt: errorUpdatedAt, dataAt: dataUpdatedAt };
      else if (errorUpdatedAt > seen.errorAt)
        failures.current = { count: seen.count + 1, errorAt: errorUpdatedAt, dataAt: dataUpdatedAt };
      return nextRefreshDelay(refreshMs, failures.current.count, maxBackoffMs);
    },
    [refreshMs, maxBackoffMs],
  );
  const data = useQuery({ ...dataQuery, refetchInterval });

  const regroupBodies = useMemo(
    () =>
      groupBy === null
        ? []
        : widgets.flatMap((widget) => {
            const body = regroupedBody(widget, groupBy, effective);
            return body ? [{ id: widget.id, body }] : [];
          }),
    [widgets, groupBy, effective],
  );
  const regrouped = useQueries({
    queries: regroupBodies.map(({ body }) => ({
      ...previewQueries.draft(api, body),
      refetchInterval: refreshMs > 0 ? refreshMs : (false as const),
    })),
  });

  const results = useMemo<Record<number, WidgetDataResult> | undefined>(() => {
    let base: Record<number, WidgetDataResult> | undefined;
    if (data.data) base = data.data.results;
    else if (data.isError) {
      const failure: WidgetDataResult = {
        ok: false,
        message: describeError(data.error),
        status: isApiError(data.error) ? data.error.status : null,
      };
      base = Object.fromEntries(widgetIds.map((id) => [id, failure]));
    }
    if (!base || regroupBodies.length === 0) return base;
    const next = { ...base };
    regroupBodies.forEach(({ id }, index) => {
      const query = regrouped[index];
      if (query?.data) next[id] = { ok: true, response: query.data };
      else if (query?.isError)
        next[id] = {
          ok: false,
          message: describeError(query.error),
          status: isApiError(query.error) ? query.error.status : null,
        };
      else delete next[id];
    });
    return next;
  }, [data.data, data.isError, data.error, widgetIds, regroupBodies, regrouped]);

  return {
    query: data,
    results,
    effectiveFilters: effective,
    /** The last refresh failed while older data is still shown (wall mode says "Reconnecting"). */
    reconnecting: data.isError || (data.failureCount > 0 && data.isFetching),
  };
}
