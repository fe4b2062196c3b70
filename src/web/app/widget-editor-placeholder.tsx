import { Link, useParams } from 'react-router';

/** TEMPORARY: stands in for features/widget-editor until it lands; the router then imports that instead. */
export function WidgetEditorPage() {
  const { dashboardId, widgetId } = useParams();
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">{widgetId ? `Widget ${widgetId}` : 'New widget'}</h1>
      <p className="text-sm text-slate-500 dark:text-slate-400">The widget editor is not built yet.</p>
      <Link
        to={`/dashboards/${dashboardId ?? ''}`}
        className="text-sm text-indigo-600 underline dark:text-indigo-400"
      >
        Back to the dashboard
      </Link>
    </div>
  );
}
