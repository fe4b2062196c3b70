import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { ConnectionPage } from '../features/connection/connection.tsx';
import { DashboardsPage } from '../features/dashboards/dashboards.tsx';
import { ImportCallsPage } from '../features/import-calls/import-calls.tsx';
import { TrashPage } from '../features/trash/trash.tsx';
import { runWhenIdle } from '../lib/idle-queue.ts';
import { AppLayout, AppLayoutFallback } from './app-layout.tsx';
import { loadDashboardView } from './load-dashboard-view.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

const loadWidgetEditor = () => import('../features/widget-editor/widget-editor.tsx');

/**
 * A widget is opened from its dashboard: while the browser is idle there (mostly waiting for the
 * widgets' data), the editor's code is fetched and evaluated, so that Edit waits for no download.
 * Only where requestIdleCallback exists (not Safari, not jsdom): elsewhere the editor loads on open.
 */
function preloadWidgetEditor(): void {
  if (typeof window.requestIdleCallback !== 'function') return;
  runWhenIdle(() => {
    loadWidgetEditor().catch(() => undefined);
  });
}

/**
 * Every screen has a URL (the URL owns the shareable selection). The dashboard view and the widget
 * editor pull in the grid, charts and forms, so they load lazily and the first page stays light.
 */
export const appRoutes: RouteObject[] = [
  {
    // Wall mode: a screen of its own, without the app's header (issue 17).
    path: '/wall',
    HydrateFallback: AppLayoutFallback,
    errorElement: <RouteErrorPage />,
    lazy: async () => ({
      Component: (await loadDashboardView()).WallView,
    }),
  },
  {
    path: '/',
    Component: AppLayout,
    HydrateFallback: AppLayoutFallback,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <Navigate to="/dashboards" replace /> },
          { path: 'dashboards', Component: DashboardsPage },
          {
            path: 'dashboards/:dashboardId',
            lazy: async () => {
              const { DashboardView } = await loadDashboardView();
              preloadWidgetEditor();
              return { Component: DashboardView };
            },
          },
          {
            path: 'dashboards/:dashboardId/widgets/new',
            lazy: async () => ({ Component: (await loadWidgetEditor()).WidgetEditorPage }),
          },
          {
            path: 'dashboards/:dashboardId/widgets/:widgetId/edit',
            lazy: async () => ({ Component: (await loadWidgetEditor()).WidgetEditorPage }),
          },
          { path: 'connection', Component: ConnectionPage },
          { path: 'trash', Component: TrashPage },
          { path: 'import', Component: ImportCallsPage },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];
