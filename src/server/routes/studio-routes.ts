import type { Hono } from 'hono';
import { isLoopbackHost } from '../http/host-policy.ts';
import { foreignRequestReason, requestFacts, requestHost } from '../http/own-page-request.ts';
import type { AppEnv } from '../http/server-context.ts';

export interface StudioConfig {
  /** The local key, only when the server is bound to loopback (main.ts decides) . */
  localApiKey: string | null;
  forwarding: boolean;
  upstreamHasKey: boolean;
}

/**
 * Routes outside the API (no key needed): `/healthz`, and `/studio/local-config`, which hands the
 * SPA the local key so it works without pasting one, but only to its own page loaded from a
 * loopback Host (never to another site's request, even one a browser would not let it read), and
 * never in forwarding mode (the local key means nothing upstream).
 */
export function registerStudioRoutes(app: Hono<AppEnv>, config: StudioConfig): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/studio/local-config', (c) => {
    const ownPage =
      isLoopbackHost(requestHost(c.req.raw)) && foreignRequestReason(requestFacts(c.req.raw)) === null;
    const apiKey = !config.forwarding && ownPage ? config.localApiKey : null;
    c.header('Cache-Control', 'no-store');
    return c.json({ apiKey, forwarding: config.forwarding, upstreamHasKey: config.upstreamHasKey });
  });
}
