import { Hono } from 'hono';
import { registerBulkWidgetsRoute } from './routes/bulk-widgets-route.ts';
import { createAuthMiddleware } from './http/auth-middleware.ts';
import { createHostGuard } from './http/host-guard.ts';
import { createHostPolicy, type HostPolicy } from './http/host-policy.ts';
import { registerCallLogRoutes } from './routes/call-log-routes.ts';
import { registerCallLogWriteRoutes } from './routes/call-log-write-routes.ts';
import { registerDashboardRoutes } from './routes/dashboard-routes.ts';
import type { OpenDatabase } from './db/open-database.ts';
import { ApiError, NOT_FOUND_DETAIL } from './http/api-error.ts';
import { registerMetricRoutes } from './routes/metric-routes.ts';
import { registerMetricWriteRoutes } from './routes/metric-write-routes.ts';
import { QueryTimeoutError } from './analytics/query-time-limit.ts';
import { QueryError, type AppEnv, type ServerContext } from './http/server-context.ts';
import { registerSpaRoutes } from './routes/spa-routes.ts';
import { registerValueCountRoutes } from './routes/value-count-routes.ts';
import { registerSavedViewRoutes } from './routes/saved-view-routes.ts';
import { registerStudioRoutes } from './routes/studio-routes.ts';
import { createUpstream, createUpstreamHandler, type UpstreamOptions } from './forwarding/upstream.ts';
import { createGatewayHistory } from './forwarding/gateway-history.ts';
import { registerGatewayVersionRoutes } from './routes/gateway-version-routes.ts';
import { registerWidgetDataRoutes } from './routes/widget-data-routes.ts';
import { registerWidgetRoutes } from './routes/widget-routes.ts';
import type { VersionRetention } from '../contract/dashboard-version-schema.ts';
import { DEFAULT_RETENTION } from './history/version-retention.ts';
import { registerVersionRoutes } from './routes/version-routes.ts';
import { registerTrashRoutes } from './routes/trash-routes.ts';
import { registerDocumentRoutes } from './routes/document-routes.ts';
import { registerAlertBacktestRoute } from './routes/alert-backtest-route.ts';
import { registerImportRoutes } from './routes/import-routes.ts';
import { VALUE_COUNTS_PATH } from '../contract/value-counts-schema.ts';

export interface AppOptions {
  database: OpenDatabase;
  /** The request clock (relative times, data windows, updated_at); tests pin it. */
  clock?: () => Date;
  /** Forwarding mode: API paths go to this upstream instead of the local database. */
  upstream?: UpstreamOptions | null;
  /** The key handed to the SPA by `/studio/local-config` (main.ts passes it only on loopback). */
  localApiKey?: string | null;
  /** Serve the built SPA from `spaRoot` (default `dist`). */
  serveSpa?: boolean;
  spaRoot?: string;
  /** Which `Host` names the API and studio routes answer to (default: loopback names only). */
  hostPolicy?: HostPolicy;
  /** Request and error log lines (method, path, status, ms; never headers, query or keys). */
  log?: (line: string) => void;
  /** Version history retention (default: every version 30 days, then one a day for a year). */
  retention?: VersionRetention;
}

/** Where the API lives (auth or forwarding applies); the SPA's client routes use other `/dashboards/…` paths. */
const API_MOUNTS = [
  '/dashboards/dashboards/*',
  '/dashboards/widgets/*',
  '/test_framework/*',
  '/observability/*',
] as const;

/** Our extensions that need the API key like the Cekura routes (not forwarded: they are not Cekura's). */
const STUDIO_API_MOUNTS = [
  '/studio/dashboards/*',
  '/studio/trash/*',
  '/studio/alert-backtest/*',
  '/studio/import/*',
] as const;

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The embedded Cekura-compatible server: the API at its real paths (trailing slashes), `/healthz`,
 * `/studio/local-config`, optionally the SPA, JSON 404s for anything else, and DRF-shaped errors.
 * With `upstream`, every API path is forwarded instead of served locally.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const log = options.log ?? (() => undefined);
  const ctx: ServerContext = {
    database: options.database,
    clock: options.clock ?? (() => new Date()),
    log,
    retention: options.retention ?? DEFAULT_RETENTION,
  };
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });

  const hostGuard = createHostGuard(options.hostPolicy ?? createHostPolicy());
  for (const mount of [...API_MOUNTS, '/studio/*']) app.use(mount, hostGuard);

  registerStudioRoutes(app, {
    localApiKey: options.localApiKey ?? null,
    forwarding: Boolean(options.upstream),
    upstreamHasKey: Boolean(options.upstream?.apiKey),
  });

  if (options.upstream) {
    const upstream = createUpstream(options.upstream);
    const history = createGatewayHistory(ctx, upstream);
    const forward = createUpstreamHandler(upstream, history.forwardWrite);
    for (const mount of API_MOUNTS) app.all(mount, (c) => forward(c));
    // The history of the writes this gateway forwarded (ADR 0020); other /studio/ routes stay 404 here.
    registerGatewayVersionRoutes(app, ctx, upstream, history);
  } else {
    const auth = createAuthMiddleware(ctx);
    for (const mount of [...API_MOUNTS, ...STUDIO_API_MOUNTS]) app.use(mount, auth);
    registerDashboardRoutes(app, ctx);
    registerBulkWidgetsRoute(app, ctx);
    registerWidgetRoutes(app, ctx);
    registerWidgetDataRoutes(app, ctx);
    registerMetricRoutes(app, ctx);
    registerCallLogRoutes(app, ctx);
    registerMetricWriteRoutes(app, ctx);
    registerCallLogWriteRoutes(app, ctx);
    registerVersionRoutes(app, ctx);
    registerTrashRoutes(app, ctx);
    registerDocumentRoutes(app, ctx);
    registerSavedViewRoutes(app, ctx);
    registerAlertBacktestRoute(app, ctx);
    registerImportRoutes(app, ctx);
    // Our own extension (not forwarded: the real API has no such route, so it is a 404 there).
    app.use(`${VALUE_COUNTS_PATH}*`, auth);
    registerValueCountRoutes(app, ctx);
  }

  if (options.serveSpa) registerSpaRoutes(app, options.spaRoot ?? 'dist');

  app.notFound((c) => c.json({ detail: NOT_FOUND_DETAIL }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body, error.status);
    if (error instanceof QueryError) return c.json({ [error.parameter]: [error.message] }, 400);
    if (error instanceof QueryTimeoutError) return c.json({ detail: error.message }, 504);
    // The client has gone and its work was dropped: nobody reads this answer, and it is not a bug.
    // 499 is nginx's "client closed request" (for the request log line).
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    // A real bug: log what and where (no request data, no headers), answer a bare 500.
    log(`ERROR ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.json({ detail: 'Internal server error.' }, 500);
  });
  return app;
}
