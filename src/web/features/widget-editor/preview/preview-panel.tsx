import { memo, useMemo, useRef, useState } from 'react';
import { ChartTypeSchema, type ChartType } from '../../../../contract/enums.ts';
import type { WidgetDataResponse } from '../../../../contract/widget-data-schema.ts';
import type { WidgetDisplay } from '../../../../contract/widget-display.ts';
import type { Threshold } from '../../../../contract/widget-insights.ts';
import type { Comparison } from '../../../api/use-comparison.ts';
import { Button } from '../../../ui/button.tsx';
import { Checkbox } from '../../../ui/checkbox.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { ViewToggle, type ChartOrTable } from '../../../ui/view-toggle.tsx';
import { downloadBlob } from '../../../lib/download-blob.ts';
import {
  chartDataToCsv,
  exportFileName,
  readChartData,
  valueFormatOf,
  WidgetPreview,
} from '../../widget-preview/widget-preview.tsx';
import { renderChartPng } from './export-chart-png.ts';
import type { PreviewData } from './use-preview-data.ts';

const PREVIEW_HEIGHT = 360;

/** The chart type a response was asked for (a kept previous answer may be of another type). */
function chartTypeOf(response: WidgetDataResponse, fallback: ChartType): ChartType {
  const parsed = ChartTypeSchema.safeParse(response.chart_type);
  return parsed.success ? parsed.data : fallback;
}

/**
 * The live preview: the same chart component as the dashboard cards, the plain-English description,
 * what is missing or wrong (with the fix) instead of a blank chart, the previous chart dimmed while the
 * next loads, a saved-vs-draft comparison, and PNG/CSV export of what is shown. Memoised, and cheap
 * when it does render (a colour change): the data is read once per response and the CSV is written
 * only when asked for, as a preview can hold a whole week of calls.
 */
export const PreviewPanel = memo(function PreviewPanel(props: {
  preview: PreviewData;
  chartType: ChartType;
  display: WidgetDisplay;
  description: string;
  name: string;
  /** Data of the saved widget when comparing; undefined otherwise. */
  comparison: WidgetDataResponse | undefined;
  compare: boolean;
  onCompareChange: ((compare: boolean) => void) | null;
  /** Why the comparison cannot be drawn for this draft (the toggle is disabled with it). */
  compareUnavailable: string | null;
  comparisonStatus: 'idle' | 'loading' | 'error' | 'ready';
  /** The previous-period comparison of `metadata.compare`, drawn unless saved-vs-draft is on. */
  period: Comparison;
  thresholds: readonly Threshold[];
}) {
  const { preview, chartType, display, description, name, comparison, compare, onCompareChange } = props;
  const toast = useToast();
  const chartRef = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useState<ChartOrTable>('chart');
  const { state } = preview;
  const savedShown = compare && props.compareUnavailable === null;
  const response = state.kind === 'ready' ? state.response : undefined;
  const shownType = response ? chartTypeOf(response, chartType) : chartType;
  const chartData = useMemo(() => (response ? readChartData(response) : null), [response]);
  const hasCsv = chartData !== null && chartData.kind !== 'invalid';
  const hasDrawing = hasCsv && chartData.kind !== 'stat';

  const exportPng = async () => {
    const container = chartRef.current;
    if (!container) return;
    setExporting(true);
    try {
      const surface = getComputedStyle(container.closest('section') ?? container).backgroundColor;
      const blob = await renderChartPng(container, surface || '#ffffff');
      if (blob) downloadBlob(blob, exportFileName(name || description, 'png'));
      else
        toast.show({
          tone: 'error',
          title: 'Could not export the chart',
          description: 'No drawing to export.',
        });
    } finally {
      setExporting(false);
    }
  };

  const statusText =
    state.kind === 'ready'
      ? state.stale
        ? 'Updating…'
        : 'Up to date'
      : state.kind === 'loading'
        ? 'Loading…'
        : state.kind === 'blocked'
          ? 'Waiting for the draft'
          : 'Error';

  return (
    <section
      aria-labelledby="widget-preview-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="widget-preview-title" className="text-base font-semibold">
            Preview
          </h2>
          <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300" data-testid="widget-description">
            {description}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <p role="status" className="text-xs text-slate-500 dark:text-slate-400">
            {statusText}
          </p>
          <ViewToggle value={view} onChange={setView} label="Preview view" />
        </div>
      </div>

      <div
        ref={chartRef}
        className="mt-3"
        data-testid="editor-preview"
        data-preview-state={state.kind === 'ready' ? (state.stale ? 'stale' : 'ready') : state.kind}
        data-preview-key={preview.shownKey ?? ''}
      >
        {state.kind === 'blocked' ? (
          <div
            className="flex items-center justify-center rounded-md border border-dashed border-slate-300 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300"
            style={{ height: PREVIEW_HEIGHT }}
          >
            <p className="max-w-sm px-4">{state.message}</p>
          </div>
        ) : state.kind === 'error' ? (
          <div
            role="alert"
            className="flex flex-col items-center justify-center gap-2 rounded-md border border-rose-200 bg-rose-50 px-6 text-center text-sm dark:border-rose-900 dark:bg-rose-950/30"
            style={{ height: PREVIEW_HEIGHT }}
          >
            <p className="font-medium text-rose-700 dark:text-rose-300">
              The server could not compute this preview
            </p>
            <p className="text-slate-700 dark:text-slate-200">{state.message}</p>
            {state.fix ? <p className="text-slate-600 dark:text-slate-300">Fix: {state.fix}</p> : null}
          </div>
        ) : (
          <WidgetPreview
            response={savedShown ? response : (props.period.primary ?? response)}
            chartType={shownType}
            display={display}
            status={state.kind === 'ready' && (savedShown || !props.period.pending) ? 'ready' : 'loading'}
            dimmed={state.kind === 'ready' && state.stale}
            comparison={savedShown ? comparison : props.period.response}
            comparisonLabel={savedShown ? 'Saved' : props.period.label}
            comparisonKind={savedShown ? 'earlier' : props.period.kind}
            note={savedShown ? undefined : props.period.note}
            thresholds={props.thresholds}
            height={PREVIEW_HEIGHT}
            label={`Preview of ${name || description}`}
            view={view}
          />
        )}
      </div>

      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        {onCompareChange ? (
          <Checkbox
            label="Compare with saved"
            disabled={props.compareUnavailable !== null}
            hint={
              props.compareUnavailable ??
              (props.comparisonStatus === 'loading'
                ? 'Loading the saved widget’s data…'
                : props.comparisonStatus === 'error'
                  ? 'The saved widget’s data could not be loaded.'
                  : 'Draws the saved widget faintly behind the draft.')
            }
            checked={compare}
            onChange={(event) => onCompareChange(event.target.checked)}
          />
        ) : (
          <span />
        )}
        <div className="flex gap-2">
          <Button
            size="sm"
            disabled={!hasDrawing || exporting}
            loading={exporting}
            title={hasDrawing ? undefined : 'Only drawn charts export as PNG; use CSV for figures.'}
            onClick={() => void exportPng()}
          >
            Export PNG
          </Button>
          <Button
            size="sm"
            disabled={!hasCsv}
            onClick={() => {
              const csv = chartData
                ? chartDataToCsv(
                    chartData,
                    response?.metadata.display_name || 'value',
                    response ? valueFormatOf(response) : 'number',
                  )
                : null;
              if (csv !== null) {
                downloadBlob(
                  new Blob([csv], { type: 'text/csv;charset=utf-8' }),
                  exportFileName(name || description, 'csv'),
                );
              }
            }}
          >
            Export CSV
          </Button>
        </div>
      </div>
    </section>
  );
});
