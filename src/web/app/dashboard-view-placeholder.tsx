import { Link, useParams } from 'react-router';

/** TEMPORARY: stands in for features/dashboard-view until it lands; the router then imports that instead. */
export function DashboardView() {
  const { dashboardId } = useParams();
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Dashboard {dashboardId}</h1>
      <p className="text-sm text-slate-500 dark:text-slate-400">The dashboard view is not built yet.</p>
      <Link to="/dashboards" className="text-sm text-indigo-600 underline dark:text-indigo-400">
        Back to dashboards
      </Link>
    </div>
  );
}
