import { useQuery } from '@tanstack/react-query';
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
import { pinWidgetCopy, type PinnedCopy } from './pin-widget-copy.ts';
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
 * Loads the dashboard, the widget and the project's metrics, then seeds the form once. The seed only
 * changes on this editor's own save or "Reload theirs": a background refetch that brings someone
 * else's change never replaces the form under the user (the save's conflict check catches it).
 */
function WidgetEditorLoader({ dashboardId, widgetId }: { dashboardId: number; widgetId: number | 'new' }) {
  const api = useApiClient();
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
  // Set by this editor's own save and by "Reload theirs": the copy the form is re-keyed with.
  const [seed, setSeed] = useState<CachedWidget | null>(null);
  // Until then, the form is seeded from the pinned copy (`pinWidgetCopy`): the dashboard's copy of the
  // widget at first, so the editor opens without waiting for the widget's own GET, then that GET's.
  const embedded = useMemo(() => {
    const found = dashboardQuery.data?.widgets.find((w) => w.id === widgetId);
    return found ? { ...found, etag: null } : null;
  }, [dashboardQuery.data, widgetId]);
  const [pinned, setPinned] = useState<PinnedCopy | null>(null);
  const pin = pinWidgetCopy(pinned, widgetQuery.data ?? null, embedded);
  // Adjusting state while rendering (React's pattern for state derived from props): settles at once.
  if (pin !== pinned) setPinned(pin);
  const widget = seed ?? pin?.widget ?? null;
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
      key={widget ? `${widget.id}:${widget.updated_at ?? ''}` : 'new'}
      dashboard={dashboard}
      widget={widget}
      metrics={metricsQuery.data ?? null}
      metricsError={
        metricsQuery.error ? `Metrics could not be loaded: ${describeError(metricsQuery.error)}` : null
      }
      onReseed={setSeed}
    />
  );
}
