import { memo, useCallback, useId, useState } from 'react';
import { METRIC_VALUE_FIELD } from '../../../contract/widget-rules.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import type { Comparison } from '../../api/assemble-comparison.ts';
import type { WidgetDataResult } from '../../api/widget-data-queries.ts';
import { ViewToggle, type ChartOrTable } from '../../ui/view-toggle.tsx';
import { DRAG_HANDLE_CLASS } from '../dashboard-grid/dashboard-grid.tsx';
import type { ChartSelection } from '../widget-preview/widget-preview.tsx';
import { widgetTitle } from '../../lib/widget-title.ts';
import { AlertBacktestDrawer } from './alert-backtest-drawer.tsx';
import { CardMenu } from './card-menu.tsx';
import { WidgetCardBody } from './widget-card-body.tsx';

export interface WidgetCardProps {
  widget: Widget;
  dashboardId: number;
  /** Its previous-period or cohort comparison (NO_COMPARISON when off). */
  comparison: Comparison;
  /** Undefined while the dashboard's data loads for the first time. */
  result: WidgetDataResult | undefined;
  /** Whether newer data is on its way (the chart is faded, not blanked). */
  refreshing: boolean;
  editing: boolean;
  onSelect: (widget: Widget, selection: ChartSelection) => void;
  onDuplicate: (widget: Widget) => void;
  onDelete: (widget: Widget) => void;
  /** Its data changed on the last automatic refresh: a brief highlight. */
  highlighted?: boolean;
  /** Why the dashboard's variables leave it empty (they contradict its own filter). */
  notice?: string | null;
  /** Wall mode: the card shows its chart and nothing to act on. */
  readOnly?: boolean;
}

/**
 * One widget on the dashboard: title, drag handle in edit mode, action menu, and the chart
 * (WidgetCardBody, memoised apart on the widget and its data). Memoised, with stable callbacks from
 * the screen: moving cards on the grid re-renders neither.
 */
export const WidgetCard = memo(function WidgetCard({
  widget,
  dashboardId,
  comparison,
  result,
  refreshing,
  editing,
  onSelect,
  onDuplicate,
  onDelete,
  highlighted = false,
  notice = null,
  readOnly = false,
}: WidgetCardProps) {
  const titleId = useId();
  const title = widgetTitle(widget);
  const select = useCallback((selection: ChartSelection) => onSelect(widget, selection), [onSelect, widget]);
  const status = result === undefined ? 'loading' : result.ok ? 'ready' : 'error';
  const [view, setView] = useState<ChartOrTable>('chart');
  const [alertOpen, setAlertOpen] = useState(false);
  const plotsMetric = widget.field === METRIC_VALUE_FIELD && widget.metric !== null;

  return (
    <article
      aria-labelledby={titleId}
      data-widget-id={widget.id}
      data-status={status}
      data-changed={highlighted ? 'true' : undefined}
      className={`flex h-full flex-col overflow-hidden rounded-lg border bg-white shadow-sm transition-[border-color,box-shadow] duration-700 dark:bg-slate-900 ${
        highlighted
          ? 'border-amber-400 ring-2 ring-amber-300/70 dark:border-amber-500 dark:ring-amber-600/50'
          : 'border-slate-200 dark:border-slate-800'
      }`}
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
        {editing || readOnly ? null : (
          <ViewToggle value={view} onChange={setView} label={`View of ${title}`} />
        )}
        {readOnly ? null : (
          <CardMenu
            widgetName={title}
            editHref={`/dashboards/${dashboardId}/widgets/${widget.id}/edit`}
            onDuplicate={() => onDuplicate(widget)}
            onDelete={() => onDelete(widget)}
            onCreateAlert={plotsMetric ? () => setAlertOpen(true) : undefined}
          />
        )}
      </header>
      {notice ? (
        <p
          role="note"
          className="mx-3 mb-1 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {notice}
        </p>
      ) : null}
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
        comparison={comparison}
        title={title}
        result={result}
        refreshing={refreshing}
        view={editing || readOnly ? 'chart' : view}
        onSelect={editing || readOnly ? undefined : select}
      />
    </article>
  );
});
