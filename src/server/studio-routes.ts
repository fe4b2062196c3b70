import type { Hono } from 'hono';
import type { AppEnv } from './server-context.ts';

/** Host names that can only be reached from this machine (a DNS-rebinding page has another Host). */
export function isLoopbackHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.trim().toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

export interface StudioConfig {
  /** The local key, only when the server is bound to loopback (main.ts decides) . */
  localApiKey: string | null;
  forwarding: boolean;
  upstreamHasKey: boolean;
}

/**
 * Routes outside the API (no key needed): `/healthz`, and `/studio/local-config`, which hands the
 * SPA the local key so it works without pasting one, but only to a page loaded from a loopback
 * Host, and never in forwarding mode (the local key means nothing upstream).
 */
export function registerStudioRoutes(app: Hono<AppEnv>, config: StudioConfig): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/studio/local-config', (c) => {
    const apiKey = !config.forwarding && isLoopbackHost(c.req.header('host')) ? config.localApiKey : null;
    c.header('Cache-Control', 'no-store');
    return c.json({ apiKey, forwarding: config.forwarding, upstreamHasKey: config.upstreamHasKey });
  });
}
