import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../../api/api-client-context.tsx';
import { dashboardQueries } from '../../api/dashboard-queries.ts';
import { describeError, isNotFoundError } from '../../api/api-error.ts';
import { metricQueries } from '../../api/metric-queries.ts';
import type { CachedWidget } from '../../api/widget-cache.ts';
import { widgetQueries } from '../../api/widget-queries.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { buttonClassName } from '../../ui/button.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
import { prefetchWidgetEditor } from './prefetch-widget-editor.ts';
import { WidgetEditorForm } from './widget-editor-form.tsx';

function parseId(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * The route component of `/dashboards/:dashboardId/widgets/:widgetId/edit` and `…/widgets/new`. Keyed by
 * dashboard and widget so moving to another widget starts a fresh editor.
 */
export function WidgetEditorPage() {
  const params = useParams();
  const dashboardId = parseId(params.dashboardId);
  const widgetId = params.widgetId === undefined ? 'new' : parseId(params.widgetId);
  if (dashboardId === null || widgetId === null) {
    return (
      <ErrorState
        title="This address is not a widget"
        message="Check the link, or open the widget from its dashboard."
      />
    );
  }
  return (
    <WidgetEditorLoader key={`${dashboardId}:${widgetId}`} dashboardId={dashboardId} widgetId={widgetId} />
  );
}

function EditorSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the widget editor">
      <Skeleton className="h-9 w-1/3" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}

/**
 * Starts the dashboard, widget and metrics queries at once (`prefetchWidgetEditor`), then renders the
 * form from what the cache holds. The widget is the cache's copy, or while its own GET is on its way
 * the dashboard's copy of it, so the editor opens without waiting. The form decides itself when a
 * newer copy may replace its values (only while it has no changes: see `useServerCopy`).
 */
function WidgetEditorLoader({ dashboardId, widgetId }: { dashboardId: number; widgetId: number | 'new' }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  // Once per editor, during the first render: before any child mounts, so nothing waits on another.
  useState(() => void prefetchWidgetEditor(queryClient, api, dashboardId, widgetId));
  const dashboardQuery = useQuery(dashboardQueries.detail(api, dashboardId));
  const widgetQuery = useQuery({
    ...widgetQueries.detail(api, widgetId === 'new' ? 0 : widgetId),
    enabled: widgetId !== 'new',
  });
  const projectId = dashboardQuery.data?.project ?? null;
  const metricsQuery = useQuery({
    ...metricQueries.list(api, { projectId }),
    enabled: dashboardQuery.isSuccess,
  });
  const embedded = useMemo((): CachedWidget | null => {
    const found = dashboardQuery.data?.widgets.find((w) => w.id === widgetId);
    return found ? { ...found, etag: null } : null;
  }, [dashboardQuery.data, widgetId]);
  const widget = widgetId === 'new' ? null : (widgetQuery.data ?? embedded);
  useDocumentTitle(widgetId === 'new' ? 'New widget' : (widget?.name ?? 'Edit widget'));

  const failure = dashboardQuery.error ?? (widgetId === 'new' ? null : widgetQuery.error);
  if (failure) {
    return (
      <ErrorState
        title={isNotFoundError(failure) ? 'Widget not found' : 'Could not open the widget'}
        message={
          isNotFoundError(failure)
            ? 'It may have been deleted, or it belongs to a project this key cannot see.'
            : describeError(failure)
        }
        onRetry={() => {
          void dashboardQuery.refetch();
          if (widgetId !== 'new') void widgetQuery.refetch();
        }}
        actions={
          <Link to={`/dashboards/${dashboardId}`} className={buttonClassName('secondary')}>
            Back to the dashboard
          </Link>
        }
      />
    );
  }
  const dashboard = dashboardQuery.data;
  if (!dashboard || (widgetId !== 'new' && widget === null)) return <EditorSkeleton />;
  if (widget !== null && widget.dashboard !== dashboardId) {
    return (
      <ErrorState
        title="This widget is on another dashboard"
        message="Open it from the dashboard it belongs to."
        actions={
          widget.dashboard !== null ? (
            <Link
              to={`/dashboards/${widget.dashboard}/widgets/${widget.id}/edit`}
              className={buttonClassName('secondary')}
            >
              Open it there
            </Link>
          ) : undefined
        }
      />
    );
  }
  return (
    <WidgetEditorForm
      dashboard={dashboard}
      widget={widget}
      metrics={metricsQuery.data ?? null}
      metricsError={
        metricsQuery.error ? `Metrics could not be loaded: ${describeError(metricsQuery.error)}` : null
      }
    />
  );
}
