import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { ConnectionPage } from '../features/connection/connection.tsx';
import { DashboardsPage } from '../features/dashboards/dashboards.tsx';
import { AppLayout, AppLayoutFallback } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

/**
 * Every screen has a URL (the URL owns the shareable selection). The dashboard view and the widget
 * editor pull in the grid, charts and forms, so they load lazily and the first page stays light.
 */
export const appRoutes: RouteObject[] = [
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
            lazy: async () => ({
              Component: (await import('../features/dashboard-view/dashboard-view.tsx')).DashboardView,
            }),
          },
          {
            path: 'dashboards/:dashboardId/widgets/new',
            lazy: async () => ({
              Component: (await import('../features/widget-editor/widget-editor.tsx')).WidgetEditorPage,
            }),
          },
          {
            path: 'dashboards/:dashboardId/widgets/:widgetId/edit',
            lazy: async () => ({
              Component: (await import('../features/widget-editor/widget-editor.tsx')).WidgetEditorPage,
            }),
          },
          { path: 'connection', Component: ConnectionPage },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];
