/**
 * The dashboard screen's code (the `/dashboards/:id` and `/wall` routes), asked for by the router and,
 * when the page opens on a dashboard, before it (`early-requests.ts`); the browser fetches it once.
 */
export function loadDashboardView() {
  return import('../features/dashboard-view/dashboard-view.tsx');
}
