import { useMemo } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import { readCompareSetting } from '../../../contract/widget-insights.ts';
import { NO_COMPARISON } from '../../api/assemble-comparison.ts';
import { useComparisons, type ComparedWidget } from '../../api/use-comparison.ts';
import type { WidgetDataResult } from '../../api/widget-data-queries.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { DashboardIcon, PlusIcon } from '../../ui/icons.tsx';
import { DashboardGrid, type GridCard, type GridItem } from '../dashboard-grid/dashboard-grid.tsx';
import type { ChartSelection } from '../widget-preview/widget-preview.tsx';
import { widgetTitle } from '../../lib/widget-title.ts';
import { WidgetCard } from './widget-card.tsx';
import { asGroupedBy } from '../../lib/group-by-effect.ts';

/**
 * The cards on the grid. Card elements are memoised on their own inputs (widget, its data, edit mode),
 * so a layout change re-renders the grid items but not the charts.
 */
export function DashboardWidgets({
  dashboardId,
  dashboardFilters,
  widgets,
  layout,
  results,
  refreshing,
  editing,
  onLayoutCommit,
  onSelect,
  onDuplicate,
  onDelete,
  onAdd,
  changed,
  notices,
  readOnly = false,
  groupBy = null,
}: {
  dashboardId: number;
  /** The dashboard's filters with its active variables: compared windows and cohorts use them too. */
  dashboardFilters: Filter | null;
  widgets: readonly Widget[];
  layout: readonly GridItem[];
  results: Record<number, WidgetDataResult> | undefined;
  refreshing: boolean;
  editing: boolean;
  onLayoutCommit: (layout: GridItem[]) => void;
  onSelect: (widget: Widget, selection: ChartSelection) => void;
  onDuplicate: (widget: Widget) => void;
  onDelete: (widget: Widget) => void;
  onAdd: () => void;
  /** Widgets whose data changed on the last refresh (highlighted briefly). */
  changed?: ReadonlySet<number>;
  /** Per widget: why the variables leave it empty. */
  notices?: Readonly<Record<number, string>>;
  /** Wall mode: no card menu. */
  readOnly?: boolean;
  /** The dashboard's exploratory group-by (a field), or null. */
  groupBy?: string | null;
}) {
  const compared = useMemo(
    () =>
      widgets.flatMap((widget): ComparedWidget[] => {
        const setting = readCompareSetting(widget.metadata);
        // Under the group-by, a previous-period twin is grouped like the bars it stands behind.
        return setting ? [{ id: widget.id, widget: asGroupedBy(widget, groupBy), setting }] : [];
      }),
    [widgets, groupBy],
  );
  const dashboard = useMemo(
    () => ({ id: dashboardId, filters: dashboardFilters }),
    [dashboardId, dashboardFilters],
  );
  // Every compared card's twins and cohorts in one request (ADR 0018).
  const comparisons = useComparisons(compared, dashboard);
  const cards = useMemo<GridCard[]>(
    () =>
      widgets.map((widget) => ({
        id: String(widget.id),
        name: widgetTitle(widget),
        content: (
          <WidgetCard
            widget={widget}
            dashboardId={dashboardId}
            comparison={comparisons.get(widget.id) ?? NO_COMPARISON}
            result={results?.[widget.id]}
            refreshing={refreshing}
            editing={editing}
            onSelect={onSelect}
            onDuplicate={onDuplicate}
            onDelete={onDelete}
            highlighted={changed?.has(widget.id) ?? false}
            notice={notices?.[widget.id] ?? null}
            readOnly={readOnly}
          />
        ),
      })),
    [
      widgets,
      dashboardId,
      comparisons,
      results,
      refreshing,
      editing,
      onSelect,
      onDuplicate,
      onDelete,
      changed,
      notices,
      readOnly,
    ],
  );

  if (widgets.length === 0) {
    return (
      <EmptyState
        icon={<DashboardIcon className="size-8" />}
        title="This dashboard has no widgets yet"
        description="Add a ready-made widget, or build one from a field, a chart type and filters."
        action={
          <Button variant="primary" onClick={onAdd}>
            <PlusIcon /> Add widget
          </Button>
        }
      />
    );
  }
  return <DashboardGrid cards={cards} layout={layout} editing={editing} onLayoutCommit={onLayoutCommit} />;
}
