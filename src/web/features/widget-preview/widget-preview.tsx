import { memo, useId, useMemo, type ReactNode } from 'react';
import type { ChartType } from '../../../contract/enums.ts';
import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import type { WidgetDisplay } from '../../../contract/widget-display.ts';
import type { Threshold } from '../../../contract/widget-insights.ts';
import { MAX_TWINS } from './compared-twins.ts';
import { describeChartInsights } from './describe-chart.ts';
import type { ChartSelection } from './chart-model.ts';
import { ChartView } from './chart-view.tsx';
import { prepareChartShapeCached } from './prepare-chart-shape-cached.ts';
import { styleChartModel } from './style-chart-model.ts';
import { TableView } from './table-view.tsx';
import type { ChartOrTable } from '../../ui/view-toggle.tsx';
import { useElementSize } from './use-element-size.ts';
import { usePrefersReducedMotion } from './use-prefers-reduced-motion.ts';

export type { ChartSelection } from './chart-model.ts';
export { EMPTY_MESSAGE } from './chart-model.ts';
export { readChartData } from './read-chart-data.ts';
export { roundChartValue, roundTo, type ValueFormat } from './format-chart-value.ts';
export { valueFormatOf } from './prepare-chart-shape.ts';
export { chartDataToCsv, exportFileName } from './widget-csv.ts';

export type WidgetPreviewStatus = 'loading' | 'error' | 'ready' | 'idle';

export interface WidgetPreviewProps {
  response?: WidgetDataResponse | undefined;
  chartType: ChartType;
  display: WidgetDisplay;
  status: WidgetPreviewStatus;
  /** Shown in the error state. */
  error?: string | undefined;
  /** Replaces the default text of the idle and empty states (e.g. "Pick a field to see a preview"). */
  guidance?: string | undefined;
  /** Fades the chart while newer data loads, instead of blanking it. */
  dimmed?: boolean | undefined;
  /** Height in px; without it the preview fills its parent, which must have a real height. */
  height?: number | undefined;
  /** A click on a point, bar or slice. */
  onSelect?: ((selection: ChartSelection) => void) | undefined;
  /** A second response drawn for comparison (dashed line or faded bars, "was" figures for stat). */
  comparison?: WidgetDataResponse | undefined;
  /** Legend name of the comparison series (default "Comparison"). */
  comparisonLabel?: string | undefined;
  /** An earlier window (stat: "was …", the default) or another cohort (stat: "vs Agent B …"). */
  comparisonKind?: 'earlier' | 'cohort' | undefined;
  /** Accessible name of the chart, e.g. the widget name. */
  label?: string | undefined;
  /** The chart, or the same data as a sortable table (its accessible alternative). Default chart. */
  view?: WidgetView | undefined;
  /** The table view's CSV file name; without it the table has no export button. */
  exportName?: string | undefined;
  /** Threshold lines and bands (line, bar) or figure colours (stat); display-only, no request. */
  thresholds?: readonly Threshold[] | undefined;
  /** Moments (epoch ms) an alert would have fired, marked on line and bar charts. */
  markers?: readonly number[] | undefined;
  /** Shown under the chart, e.g. the compared dates in words or why no comparison is drawn. */
  note?: string | undefined;
}

export type WidgetView = ChartOrTable;

/**
 * The one chart component of Widget Studio, used by dashboard cards and the editor's live preview:
 * loading, error, idle, empty and invalid states, or the chart drawn from a prepared model. Memoised
 * (display compared by value) so that dragging a grid or typing elsewhere never redraws a chart.
 */
function WidgetPreviewComponent(props: WidgetPreviewProps) {
  const {
    response,
    chartType,
    display,
    status,
    error,
    guidance,
    dimmed,
    height,
    onSelect,
    comparison,
    label,
    comparisonLabel,
    comparisonKind = 'earlier',
    view = 'chart',
    exportName,
    thresholds,
    markers,
    note,
  } = props;
  const insightsId = useId();
  const { ref, width, size } = useElementSize<HTMLDivElement>();
  const measured = size !== null;
  const { color, showLegend, unit, showPoints } = display;
  const reducedMotion = usePrefersReducedMotion();
  const ready = response !== undefined && status === 'ready';
  // Two steps memoised apart: the data's shape (the costly part: parsing, downsampling) only when the
  // data or the width change, its style on every display change. The shape waits for the first
  // measure (a layout effect, before paint) so a chart is not prepared for a guessed width and again
  // for the real one.
  const shape = useMemo(
    () =>
      ready && measured
        ? prepareChartShapeCached(response, {
            chartType,
            // Without layout (jsdom) draw about a card's worth of points.
            widthPx: width > 0 ? width : 400,
            comparison,
            comparisonLabel,
          })
        : null,
    [ready, measured, response, chartType, width, comparison, comparisonLabel],
  );
  const model = useMemo(
    () =>
      shape
        ? styleChartModel(shape, { color, showLegend, unit, showPoints }, { animate: !reducedMotion })
        : null,
    [shape, color, showLegend, unit, showPoints, reducedMotion],
  );

  let body: ReactNode;
  let insights = '';
  if (status === 'loading') {
    body = (
      <div className="flex h-full min-h-16 flex-col justify-end gap-2 p-2" aria-busy="true">
        <span className="sr-only">Loading chart</span>
        <div className="h-3/5 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
        <div className="h-3 w-2/3 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      </div>
    );
  } else if (status === 'error') {
    body = (
      <Message tone="error" title="Could not load this chart">
        {error ?? 'The data request failed.'}
      </Message>
    );
  } else if (ready && !measured) {
    // Only until the layout effect measures the width, which happens before the first paint.
    body = null;
  } else if (!model) {
    body = <Message tone="muted">{guidance ?? 'Nothing to show yet.'}</Message>;
  } else if (model.kind === 'empty') {
    body = <Message tone="muted">{guidance ?? model.message}</Message>;
  } else if (model.kind === 'invalid') {
    body = (
      <Message tone="error" title="Cannot draw this chart">
        {model.message}
      </Message>
    );
  } else if (view === 'table' && response !== undefined) {
    body = (
      <TableView response={response} unit={unit} label={label ?? 'Chart data'} exportName={exportName} />
    );
  } else {
    const cartesian = model.kind === 'line' || model.kind === 'bar';
    const hidden = cartesian ? model.hiddenSeriesCount : 0;
    const uncompared = cartesian ? model.uncomparedSeriesCount : 0;
    const axisUnit = cartesian ? model.axisUnit : '';
    insights =
      model.kind === 'pie'
        ? ''
        : describeChartInsights(model, { thresholds: thresholds ?? [], comparisonLabel, comparisonKind });
    body = (
      <div className="flex h-full flex-col">
        {axisUnit !== '' ? (
          <p className="px-1 text-[11px] leading-tight" data-testid="axis-unit">
            <span className="sr-only">Values in </span>
            {axisUnit}
          </p>
        ) : null}
        <div className="min-h-0 flex-1" data-chart-kind={model.kind}>
          <ChartView
            model={model}
            onSelect={onSelect}
            size={size}
            thresholds={thresholds}
            markers={markers}
            cohortLabel={comparisonKind === 'cohort' ? comparisonLabel : undefined}
          />
        </div>
        {insights ? (
          <p id={insightsId} className="sr-only" data-testid="chart-insights">
            {insights}
          </p>
        ) : null}
        {hidden > 0 ? (
          <p className="px-1 text-xs text-slate-500 dark:text-slate-400">
            {hidden} more {hidden === 1 ? 'group is' : 'groups are'} not shown.
          </p>
        ) : null}
        {uncompared > 0 ? (
          <p className="px-1 text-xs text-slate-500 dark:text-slate-400" data-testid="uncompared-groups">
            Compared for the first {MAX_TWINS} groups; {uncompared} more {uncompared === 1 ? 'is' : 'are'}{' '}
            drawn without the earlier window.
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <figure
      ref={ref}
      aria-label={label}
      aria-describedby={insights ? insightsId : undefined}
      data-state={status === 'ready' ? (model?.kind ?? 'idle') : status}
      data-view={view}
      className={`relative m-0 w-full text-slate-500 ${note ? 'flex flex-col' : ''} transition-opacity dark:text-slate-400 ${dimmed ? 'opacity-50' : ''} ${height === undefined ? 'h-full' : ''}`}
      style={height === undefined ? undefined : { height }}
    >
      {note ? <div className="min-h-0 flex-1">{body}</div> : body}
      {note ? (
        <figcaption className="shrink-0 truncate px-1 text-[11px] text-slate-500 dark:text-slate-400">
          {note}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Message({
  tone,
  title,
  children,
}: {
  tone: 'muted' | 'error';
  title?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex h-full items-center justify-center p-3 text-center">
      <div className="max-w-xs text-sm">
        {title ? (
          <p className={tone === 'error' ? 'font-medium text-rose-600 dark:text-rose-400' : 'font-medium'}>
            {title}
          </p>
        ) : null}
        <p
          className={
            tone === 'error'
              ? 'mt-1 text-slate-600 dark:text-slate-300'
              : 'text-slate-500 dark:text-slate-400'
          }
        >
          {children}
        </p>
      </div>
    </div>
  );
}

function sameProps(a: WidgetPreviewProps, b: WidgetPreviewProps): boolean {
  return (
    a.response === b.response &&
    a.chartType === b.chartType &&
    a.status === b.status &&
    a.error === b.error &&
    a.guidance === b.guidance &&
    a.dimmed === b.dimmed &&
    a.height === b.height &&
    a.onSelect === b.onSelect &&
    a.comparison === b.comparison &&
    a.comparisonLabel === b.comparisonLabel &&
    a.comparisonKind === b.comparisonKind &&
    a.label === b.label &&
    a.view === b.view &&
    a.exportName === b.exportName &&
    a.thresholds === b.thresholds &&
    a.markers === b.markers &&
    a.note === b.note &&
    a.display.color === b.display.color &&
    a.display.showLegend === b.display.showLegend &&
    a.display.unit === b.display.unit &&
    a.display.showPoints === b.display.showPoints
  );
}

export const WidgetPreview = memo(WidgetPreviewComponent, sameProps);
