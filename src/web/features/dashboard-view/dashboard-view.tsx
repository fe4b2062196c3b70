import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError, isNotFoundError } from '../../api/api-error.ts';
import { dashboardQueries, fetchDashboard } from '../../api/dashboard-queries.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { buttonClassName } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { LoadingRegion, Skeleton } from '../../ui/skeleton.tsx';
import { DashboardScreen } from './dashboard-screen.tsx';
import { readUrlState } from './dashboard-url-state.ts';
import { startDashboardData } from './use-dashboard-data.ts';

/**
 * Route component of `/dashboards/:dashboardId` (`?mode=edit` = Edit layout): loads the dashboard
 * with its widgets and hands it to the screen; loading, not-found and error states of the page.
 */
export function DashboardView() {
  const { dashboardId: raw } = useParams();
  const dashboardId = Number(raw);
  if (!Number.isInteger(dashboardId) || dashboardId <= 0) return <NotFound />;
  return <DashboardLoader key={dashboardId} dashboardId={dashboardId} />;
}

function DashboardLoader({ dashboardId }: { dashboardId: number }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const variables = readUrlState(searchParams).variables;
  const query = useQuery({
    ...dashboardQueries.detail(api, dashboardId),
    queryFn: async ({ signal }) => {
      const dashboard = await fetchDashboard(api, dashboardId, signal);
      startDashboardData(queryClient, api, dashboard, variables);
      return dashboard;
    },
  });
  useDocumentTitle(query.data?.name ?? (query.isError ? 'Dashboard' : null));
  if (query.isPending) {
    return (
      <LoadingRegion label="Loading dashboard">
        <div className="space-y-4">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-14 w-full" />
          <div className="grid grid-cols-12 gap-4">
            <Skeleton className="col-span-4 h-52" />
            <Skeleton className="col-span-8 h-52" />
            <Skeleton className="col-span-6 h-72" />
            <Skeleton className="col-span-6 h-72" />
          </div>
        </div>
      </LoadingRegion>
    );
  }
  if (query.isError) {
    if (isNotFoundError(query.error)) return <NotFound />;
    return (
      <ErrorState
        title="Could not load this dashboard"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <DashboardScreen dashboard={query.data} />;
}

function NotFound() {
  return (
    <EmptyState
      title="Dashboard not found"
      description="It may have been deleted, or your API key cannot see it."
      action={
        <Link to="/dashboards" className={buttonClassName('primary')}>
          Back to dashboards
        </Link>
      }
    />
  );
}

export { WallView } from './wall-view.tsx';
