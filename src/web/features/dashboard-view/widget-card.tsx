import { memo, useCallback, useId, useState } from 'react';
import { CHART_TYPE_LABELS } from '../../../contract/enums.ts';
import { fieldLabel } from '../../../contract/field-catalogue.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import { METRIC_VALUE_FIELD } from '../../../contract/widget-rules.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import type { WidgetDataResult } from '../../api/widget-data-queries.ts';
import { DRAG_HANDLE_CLASS } from '../dashboard-grid/dashboard-grid.tsx';
import type { ChartSelection } from '../widget-preview/widget-preview.tsx';
import { AlertBacktestDrawer } from './alert-backtest-drawer.tsx';
import { CardMenu } from './card-menu.tsx';
import { WidgetCardBody } from './widget-card-body.tsx';

export interface WidgetCardProps {
  widget: Widget;
  dashboardId: number;
  /** The dashboard's stored filters (a compared window moves them back too). */
  dashboardFilters: Filter | null;
  /** Undefined while the dashboard's data loads for the first time. */
  result: WidgetDataResult | undefined;
  /** Whether newer data is on its way (the chart is faded, not blanked). */
  refreshing: boolean;
  editing: boolean;
  onSelect: (widget: Widget, selection: ChartSelection) => void;
  onDuplicate: (widget: Widget) => void;
  onDelete: (widget: Widget) => void;
}

/** The title a card shows: its name, or what it plots ("Line of Duration"). */
export function widgetTitle(widget: Pick<Widget, 'name' | 'chart_type' | 'field'>): string {
  if (widget.name) return widget.name;
  return widget.chart_type === 'stat'
    ? 'Call summary'
    : `${CHART_TYPE_LABELS[widget.chart_type]} of ${fieldLabel(widget.field)}`;
}

/**
 * One widget on the dashboard: title, drag handle in edit mode, action menu, and the chart
 * (WidgetCardBody, memoised apart on the widget and its data). Memoised, with stable callbacks from
 * the screen: moving cards on the grid re-renders neither.
 */
export const WidgetCard = memo(function WidgetCard({
  widget,
  dashboardId,
  dashboardFilters,
  result,
  refreshing,
  editing,
  onSelect,
  onDuplicate,
  onDelete,
}: WidgetCardProps) {
  const titleId = useId();
  const title = widgetTitle(widget);
  const select = useCallback((selection: ChartSelection) => onSelect(widget, selection), [onSelect, widget]);
  const status = result === undefined ? 'loading' : result.ok ? 'ready' : 'error';
  const [alertOpen, setAlertOpen] = useState(false);
  const plotsMetric = widget.field === METRIC_VALUE_FIELD && widget.metric !== null;

  return (
    <article
      aria-labelledby={titleId}
      data-widget-id={widget.id}
      data-status={status}
      className="flex h-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-center gap-2 px-3 pt-2.5 pb-1">
        {editing ? (
          <span
            className={`${DRAG_HANDLE_CLASS} -ml-1 cursor-grab rounded px-1 text-slate-400 select-none hover:bg-slate-100 active:cursor-grabbing dark:hover:bg-slate-800`}
            title="Drag to move"
            aria-hidden="true"
            data-testid="drag-handle"
          >
            ⠿
          </span>
        ) : null}
        <h2
          id={titleId}
          dir="auto"
          className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-800 dark:text-slate-100"
        >
          {title}
        </h2>
        <CardMenu
          widgetName={title}
          editHref={`/dashboards/${dashboardId}/widgets/${widget.id}/edit`}
          onDuplicate={() => onDuplicate(widget)}
          onDelete={() => onDelete(widget)}
          onCreateAlert={plotsMetric ? () => setAlertOpen(true) : undefined}
        />
      </header>
      {alertOpen ? (
        <AlertBacktestDrawer
          widget={widget}
          title={title}
          response={result?.ok ? result.response : undefined}
          onClose={() => setAlertOpen(false)}
        />
      ) : null}
      <WidgetCardBody
        widget={widget}
        dashboardId={dashboardId}
        dashboardFilters={dashboardFilters}
        title={title}
        result={result}
        refreshing={refreshing}
        onSelect={editing ? undefined : select}
      />
    </article>
  );
});
