import { requestLocalConfig } from '../lib/request-local-config.ts';
import { loadDashboardView } from './load-dashboard-view.ts';

/**
 * What the first screen waits for, started as soon as the page's code begins to run. This module is
 * the first import of `main.tsx`, and the bundle runs modules in import order, so this runs before
 * React and the rest of the app are evaluated and rendered, instead of after (in `bench:web` traces on a
 * two-core machine, the local configuration is answered 0.39–0.46 s after navigation instead of 0.99 s):
 * - the embedded server's local configuration, which every API call of the page waits for (the
 *   connection reads this answer, `ConnectionProvider`'s `localConfigAtStart`);
 * - the dashboard screen's code, when the page opens on a dashboard (the router asks for the same
 *   module when it starts, and the browser fetches it once).
 */
export const earlyLocalConfig: Promise<Response> = requestLocalConfig(
  (input, init) => globalThis.fetch(input, init),
  '',
);
// Read later by the connection; a failure there means "nothing handed out", never an unhandled rejection.
earlyLocalConfig.catch(() => undefined);

const DASHBOARD_PATH = /^\/(dashboards\/\d+|wall)\/?$/;
if (DASHBOARD_PATH.test(window.location.pathname)) loadDashboardView().catch(() => undefined);
