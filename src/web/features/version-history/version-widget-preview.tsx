import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import { readWidgetDisplay } from '../../../contract/widget-display.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { previewQueries } from '../../api/preview-queries.ts';
import { compareUnavailableReason } from '../../lib/compare-availability.ts';
import { WidgetPreview } from '../widget-preview/widget-preview.tsx';
import { previewBody } from '../../lib/widget-preview-body.ts';

/**
 * One widget of a version, drawn on today's data. When it differs from the widget as it is now, the
 * current one is drawn behind it as the editor's saved-vs-draft comparison does ("Now").
 */
export function VersionWidgetPreview({
  widget,
  dashboardFilters,
  current,
  label,
}: {
  widget: Widget;
  dashboardFilters: Filter | null;
  /** The same widget as it is now, when it differs and can be compared. */
  current: Widget | null;
  label: string;
}) {
  const api = useApiClient();
  const body = useMemo(() => previewBody(widget, dashboardFilters), [widget, dashboardFilters]);
  const then = useQuery(previewQueries.draft(api, body));
  const comparable =
    current !== null && compareUnavailableReason(widget.chart_type, current.chart_type) === null;
  const now = useQuery({ ...previewQueries.saved(api, current?.id ?? 0), enabled: comparable });
  const display = useMemo(() => readWidgetDisplay(widget.metadata), [widget.metadata]);
  return (
    <WidgetPreview
      label={label}
      chartType={widget.chart_type}
      display={display}
      status={then.isPending ? 'loading' : then.isError ? 'error' : 'ready'}
      response={then.data}
      error={then.isError ? describeError(then.error) : undefined}
      comparison={comparable ? now.data : undefined}
      comparisonLabel="Now"
    />
  );
}
