import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DashboardDocument, DocumentWidget } from '../../../contract/dashboard-document-schema.ts';
import { flattenDrfErrors } from '../../../contract/drf-errors.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import { readWidgetDisplay } from '../../../contract/widget-display.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { previewQueries } from '../../api/preview-queries.ts';
import { WidgetPreview } from '../widget-preview/widget-preview.tsx';

function widgetLabel(widget: DocumentWidget, index: number): string {
  return widget.name?.trim() ? widget.name : `Widget ${index + 1} (${widget.chart_type})`;
}

/**
 * The widgets of a document that is not a dashboard yet (an import, a template), each drawn on the
 * target project's data before anything is written; a widget the project cannot show names why.
 */
export function DocumentPreview({
  document,
  projectId,
  widgetErrors,
}: {
  document: DashboardDocument;
  projectId: number | null;
  /** The server's problems per widget index (a dry run), null where there are none. */
  widgetErrors: readonly (Record<string, unknown> | null)[];
}) {
  return (
    <ul aria-label="Widgets to create" className="grid gap-3 sm:grid-cols-2">
      {document.widgets.map((widget, index) => {
        const label = widgetLabel(widget, index);
        const errors = widgetErrors[index] ?? null;
        return (
          <li
            key={index}
            aria-label={label}
            className="flex h-56 min-w-0 flex-col rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900"
          >
            <span dir="auto" className="truncate text-sm font-medium">
              {label}
            </span>
            {errors ? (
              <ul role="alert" className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-300">
                {Object.entries(flattenDrfErrors(errors)).flatMap(([field, messages]) =>
                  messages.map((message) => <li key={`${field}${message}`}>{`${field}: ${message}`}</li>),
                )}
              </ul>
            ) : (
              <div className="min-h-0 flex-1">
                <DocumentWidgetPreview
                  widget={widget}
                  dashboardFilters={document.dashboard.filters}
                  projectId={projectId}
                  label={label}
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function DocumentWidgetPreview({
  widget,
  dashboardFilters,
  projectId,
  label,
}: {
  widget: DocumentWidget;
  dashboardFilters: Filter | null;
  projectId: number | null;
  label: string;
}) {
  const api = useApiClient();
  const body = useMemo(
    () => ({ ...widget, dashboard_filters: dashboardFilters }),
    [widget, dashboardFilters],
  );
  const data = useQuery(previewQueries.draft(api, body, projectId));
  const display = useMemo(() => readWidgetDisplay(widget.metadata), [widget.metadata]);
  return (
    <WidgetPreview
      label={label}
      chartType={widget.chart_type}
      display={display}
      status={data.isPending ? 'loading' : data.isError ? 'error' : 'ready'}
      response={data.data}
      error={data.isError ? describeError(data.error) : undefined}
      height={180}
    />
  );
}
