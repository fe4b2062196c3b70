import { memo, useMemo } from 'react';
import { readWidgetDisplay } from '../../../contract/widget-display.ts';
import { readThresholds } from '../../../contract/widget-insights.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import type { Comparison } from '../../api/assemble-comparison.ts';
import type { WidgetDataResult } from '../../api/widget-data-queries.ts';
import { useRenderCount } from '../../lib/use-render-count.ts';
import { useShownSoon } from '../../lib/use-shown-soon.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { WidgetPreview, type ChartSelection, type WidgetView } from '../widget-preview/widget-preview.tsx';

export interface WidgetCardBodyProps {
  widget: Widget;
  /** Its comparison, asked for with every other card's in one request (ADR 0018). */
  comparison: Comparison;
  /** The card's title, the chart's accessible name. */
  title: string;
  /** Undefined while the dashboard's data loads for the first time. */
  result: WidgetDataResult | undefined;
  /** Whether newer data is on its way (the chart is faded, not blanked). */
  refreshing: boolean;
  /** The chart or its data as a table. */
  view: WidgetView;
  /** A click on a point, bar or slice; undefined in edit mode. Must be stable across renders. */
  onSelect: ((selection: ChartSelection) => void) | undefined;
}

/**
 * The chart of a card inside its own error boundary. Memoised on its own inputs (the widget, its data
 * and whether it refreshes): layout state never reaches it, so moving or dragging cards redraws no
 * chart. Its renders are counted in `data-render-count` (bench/web-bench.ts reads it during a drag).
 * Off-screen cards draw when they come near the viewport or the browser is idle (useShownSoon).
 */
export const WidgetCardBody = memo(function WidgetCardBody({
  widget,
  comparison,
  title,
  result,
  refreshing,
  view,
  onSelect,
}: WidgetCardBodyProps) {
  const ref = useRenderCount<HTMLDivElement>();
  // A card far below the fold shows its skeleton until it scrolls near or the browser is idle: on a
  // 50-widget dashboard, drawing every chart at once delayed the ones in view by seconds.
  const shown = useShownSoon(ref, result !== undefined);
  const display = useMemo(() => readWidgetDisplay(widget.metadata), [widget.metadata]);
  const thresholds = useMemo(() => readThresholds(widget.metadata), [widget.metadata]);
  // Cohorts replace the widget's own data; the card waits for them rather than flash the uncompared chart.
  const status =
    result === undefined || !shown || comparison.pending ? 'loading' : result.ok ? 'ready' : 'error';
  const response = shown && result?.ok ? (comparison.primary ?? result.response) : undefined;
  return (
    <div ref={ref} className="min-h-0 flex-1 px-2 pb-2">
      <ErrorBoundary
        resetKeys={[result]}
        fallback={(error) => (
          <p role="alert" className="p-3 text-sm text-rose-600 dark:text-rose-400">
            This chart crashed: {error instanceof Error ? error.message : 'unknown error'}
          </p>
        )}
      >
        <WidgetPreview
          label={title}
          chartType={widget.chart_type}
          display={display}
          status={status}
          response={response}
          error={shown && result && !result.ok ? result.message : undefined}
          dimmed={refreshing}
          onSelect={onSelect}
          view={view}
          exportName={title}
          thresholds={thresholds}
          comparison={comparison.response}
          comparisonLabel={comparison.label}
          comparisonKind={comparison.kind}
          note={comparison.note}
        />
      </ErrorBoundary>
    </div>
  );
});
