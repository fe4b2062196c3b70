import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import { describeError, isApiError } from '../../api/api-error.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useUpdateDashboard } from '../../api/use-update-dashboard.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { ArrowLeftIcon, PlusIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/toast.tsx';
import type { ChartSelection } from '../widget-preview/widget-preview.tsx';
import { Button } from '../../ui/button.tsx';
import { AddWidgetDialog } from './add-widget-dialog.tsx';
import { HistoryPanel } from '../version-history/version-history.tsx';
import { agentOptions } from '../../lib/agent-options.ts';
import { CallsPanel } from './calls-panel.tsx';
import { ControlBar } from './control-bar.tsx';
import { readUrlState, writeUrlState, type DashboardUrlState } from './dashboard-url-state.ts';
import { refreshMs } from './refresh-schedule.ts';
import { useChangedWidgets } from './use-changed-widgets.ts';
import { useDashboardData } from './use-dashboard-data.ts';
import { useVariableNotices } from './use-variable-notices.ts';
import { withGroupByNotes } from '../../lib/group-by-effect.ts';
import { VariablesBar } from './variables-bar.tsx';
import {
  rangeStart,
  restAsFilter,
  restFromFilter,
  splitDashboardFilters,
  updateDashboardFilters,
  type DashboardFilterChange,
} from './dashboard-filters.ts';
import { DashboardMenu } from './dashboard-menu.tsx';
import { DashboardWidgets } from './dashboard-widgets.tsx';
import { LayoutToolbar } from './layout-toolbar.tsx';
import { needsMetricNames } from './needs-metric-names.ts';
import { selectionFilter } from './selection-filter.ts';
import { useDashboardMetrics } from './use-dashboard-metrics.ts';
import { useExportAction } from './use-export-action.ts';
import { useLayoutDraft } from './use-layout-draft.ts';
import { useSaveLayoutAction } from './use-save-layout-action.ts';
import { useWidgetActions } from './use-widget-actions.ts';
import { widgetTitle } from '../../lib/widget-title.ts';

type CachedDashboard = Dashboard & { etag: string | null };

// The filter builder (with drag and drop) loads only when the dialog is first opened.
const EditFiltersDialog = lazy(async () => ({
  default: (await import('./edit-filters-dialog.tsx')).EditFiltersDialog,
}));

/** The loaded dashboard: control bar, layout toolbar, the grid of widget cards, panels and dialogs. */
export function DashboardScreen({ dashboard }: { dashboard: CachedDashboard }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [searchParams, setSearchParams] = useSearchParams();
  const editing = searchParams.get('mode') === 'edit';
  const widgets = dashboard.widgets;

  // The view of the link: variables, group-by and auto-refresh (a shared link opens the same view).
  const viewKey = writeUrlState(new URLSearchParams(), readUrlState(searchParams)).toString();
  const view = useMemo(() => readUrlState(new URLSearchParams(viewKey)), [viewKey]);
  const setView = useCallback(
    (next: Partial<DashboardUrlState>, replace = false) =>
      setSearchParams((params) => writeUrlState(params, { ...readUrlState(params), ...next }), { replace }),
    [setSearchParams],
  );

  // ALL widget data in one bulk_data request (following pages), keyed by the widget ids and the variables.
  const dashboardData = useDashboardData(widgets, {
    storedFilters: dashboard.filters,
    variables: view.variables,
    groupBy: view.group_by,
    refreshMs: refreshMs(view.refresh),
  });
  const data = dashboardData.query;
  const results = dashboardData.results;
  const changed = useChangedWidgets(results, viewKey, !data.isPlaceholderData);
  const variableNotices = useVariableNotices(widgets, view.variables);
  const notices = useMemo(
    () => withGroupByNotes(variableNotices, widgets, view.group_by),
    [variableNotices, widgets, view.group_by],
  );
  // Only a refresh the analyst asked for, or a new view, fades the cards: automatic ticks redraw
  // in place (and only the cards whose data changed).
  const [manualRefresh, setManualRefresh] = useState(false);
  const refreshing = manualRefresh || (data.isPlaceholderData && data.isFetching);
  const refresh = useCallback(() => {
    setManualRefresh(true);
    void data.refetch().finally(() => setManualRefresh(false));
  }, [data]);

  const parts = useMemo(() => splitDashboardFilters(dashboard.filters), [dashboard.filters]);
  // Not part of the load: fetched when the control bar shows a name only they know, or on request.
  const metrics = useDashboardMetrics(dashboard.project, needsMetricNames(parts));
  const agents = useMemo(
    () => agentOptions(metrics.metrics ?? [], parts.agentIds ?? []),
    [metrics.metrics, parts.agentIds],
  );

  const update = useUpdateDashboard();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [filterErrors, setFilterErrors] = useState<string[]>([]);
  const saveFilters = useCallback(
    (change: DashboardFilterChange, onDone?: () => void) => {
      update.mutate(
        {
          dashboardId: dashboard.id,
          // Only the part the analyst changed is rewritten: the stored range stays as stored.
          patch: { filters: updateDashboardFilters(dashboard.filters, change) },
          ifMatch: dashboard.etag,
        },
        {
          onSuccess: () => {
            setFilterErrors([]);
            onDone?.();
            toast.show({ tone: 'success', title: 'Dashboard filters saved' });
            void queryClient.invalidateQueries({
              queryKey: queryKeys.widgets.bulkData({ dashboardId: dashboard.id, widgetIds: [] }),
            });
          },
          onError: (error) => {
            const messages = isApiError(error) ? (error.fieldErrors.filters ?? []) : [];
            setFilterErrors(messages);
            toast.show({
              tone: 'error',
              title: 'Could not save the dashboard filters',
              description: describeError(error),
            });
            if (isApiError(error) && error.status === 412)
              void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.detail(dashboard.id) });
          },
        },
      );
    },
    [dashboard.etag, dashboard.filters, dashboard.id, queryClient, toast, update],
  );

  const draft = useLayoutDraft(widgets);
  const actions = useWidgetActions(dashboard.id, draft.layout);
  const setMode = useCallback(
    (edit: boolean) =>
      setSearchParams(
        (params) => {
          const next = new URLSearchParams(params);
          if (edit) next.set('mode', 'edit');
          else next.delete('mode');
          return next;
        },
        { replace: false },
      ),
    [setSearchParams],
  );
  const saveLayout = useSaveLayoutAction(dashboard.id, draft, () => setMode(false));
  const [addOpen, setAddOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const exporting = useExportAction(dashboard);

  const [selected, setSelected] = useState<{ widget: Widget; selection: ChartSelection } | null>(null);
  const onSelect = useCallback(
    (widget: Widget, selection: ChartSelection) => setSelected({ widget, selection }),
    [],
  );
  const selectedFilter: Filter | null = useMemo(
    () => (selected ? selectionFilter(selected.widget, selected.selection) : null),
    [selected],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link
          to="/dashboards"
          className="inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-400 dark:hover:text-slate-100"
        >
          <ArrowLeftIcon /> Dashboards
        </Link>
        <h1 dir="auto" className="min-w-0 truncate text-2xl font-semibold">
          {dashboard.name || `Dashboard ${dashboard.id}`}
        </h1>
        <span className="text-sm text-slate-500 dark:text-slate-400">
          {widgets.length === 1 ? '1 widget' : `${widgets.length} widgets`}
        </span>
        {editing ? null : (
          <Button
            className="ml-auto"
            onClick={() => {
              setMode(true);
              setAddOpen(true);
            }}
          >
            <PlusIcon /> Add widget
          </Button>
        )}
        <LayoutToolbar
          editing={editing}
          changeCount={draft.changes.length}
          changeSummary={draft.summary}
          saving={saveLayout.isPending}
          onEdit={() => setMode(true)}
          onAdd={() => setAddOpen(true)}
          onCancel={() => {
            draft.reset();
            setMode(false);
          }}
          onSave={saveLayout.save}
        />
        <Button onClick={() => setHistoryOpen(true)}>History</Button>
        <Button onClick={exporting.run} loading={exporting.isPending}>
          Export
        </Button>
        <DashboardMenu dashboard={dashboard} />
      </div>
      <HistoryPanel dashboard={dashboard} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      <ControlBar
        range={parts.range}
        agents={agents}
        agentsStatus={metrics.status}
        agentIds={parts.agentIds}
        otherFilters={parts.rest}
        metricName={metrics.metricName}
        saving={update.isPending}
        updatedAt={data.dataUpdatedAt}
        refreshing={manualRefresh}
        onRangeChange={(range) => saveFilters({ part: 'range', range })}
        onAgentsChange={(agentIds) => saveFilters({ part: 'agents', agentIds })}
        onAgentsWanted={metrics.request}
        onEditFilters={() => {
          metrics.request();
          setFiltersOpen(true);
        }}
        onRefresh={refresh}
        refreshChoice={view.refresh}
        onRefreshChoiceChange={(refresh) => setView({ refresh }, true)}
        wallHref={`/wall?${writeUrlState(new URLSearchParams({ d: String(dashboard.id) }), {
          ...view,
          refresh: view.refresh === 'off' ? '1m' : view.refresh,
        }).toString()}`}
      />
      <VariablesBar
        dashboardId={dashboard.id}
        projectId={dashboard.project}
        widgets={widgets}
        storedFilters={dashboard.filters}
        from={rangeStart(parts.range)}
        state={view}
        onChange={(next) => setView({ variables: next.variables, group_by: next.group_by })}
      />
      {data.isError && !data.data ? (
        <ErrorState
          title="Could not load the widget data"
          message={describeError(data.error)}
          onRetry={() => void data.refetch()}
          retrying={data.isFetching}
        />
      ) : null}
      <DashboardWidgets
        dashboardId={dashboard.id}
        dashboardFilters={dashboardData.effectiveFilters}
        groupBy={view.group_by}
        widgets={widgets}
        layout={draft.layout}
        results={results}
        refreshing={refreshing}
        changed={changed}
        notices={notices}
        editing={editing}
        onLayoutCommit={draft.commit}
        onSelect={onSelect}
        onDuplicate={actions.duplicate}
        onDelete={actions.deleteWidget}
        onAdd={() => {
          setMode(true);
          setAddOpen(true);
        }}
      />
      {selected ? (
        <CallsPanel
          key={JSON.stringify(selectedFilter)}
          title={widgetTitle(selected.widget)}
          selection={selected.selection}
          filter={selectedFilter}
          projectId={dashboard.project}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {filtersOpen ? (
        <Suspense fallback={null}>
          <EditFiltersDialog
            open={filtersOpen}
            projectId={dashboard.project}
            initial={restAsFilter(parts.rest)}
            metrics={metrics.status === 'error' ? [] : metrics.metrics}
            saving={update.isPending}
            serverErrors={filterErrors}
            onClose={() => setFiltersOpen(false)}
            onSave={(filter) =>
              saveFilters({ part: 'rest', rest: restFromFilter(filter) }, () => setFiltersOpen(false))
            }
          />
        </Suspense>
      ) : null}
      <AddWidgetDialog
        open={addOpen}
        dashboardId={dashboard.id}
        projectId={dashboard.project}
        adding={actions.adding}
        onClose={() => setAddOpen(false)}
        onQuickAdd={(input) =>
          actions.quickAdd(input, () => {
            setAddOpen(false);
            // The widget is saved with its place; with no other moved card there is nothing to save.
            if (draft.changes.length === 0) setMode(false);
          })
        }
      />
    </div>
  );
}
