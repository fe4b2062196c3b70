import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, Next } from 'hono';
import type { AppEnv } from '../http/server-context.ts';

/**
 * Path prefixes that belong to the API (and never fall back to the SPA). Narrower than `/dashboards/`
 * because the SPA's own client routes live under `/dashboards/<id>…`.
 */
export const API_PREFIXES = [
  '/dashboards/dashboards/',
  '/dashboards/widgets/',
  '/test_framework/',
  '/observability/',
  '/studio/',
  '/healthz',
] as const;

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix));
}

/**
 * Serves the built SPA from `root` (`dist/`): its files as they are, and `index.html` for any other
 * GET that asks for HTML outside the API paths (history fallback for client routes).
 */
export function registerSpaRoutes(app: Hono<AppEnv>, root: string): void {
  const absoluteRoot = resolve(root);
  if (!existsSync(absoluteRoot)) {
    // Say it once at start-up instead of a warning per request; HTML requests get the same hint.
    console.warn(`The SPA is not built (${absoluteRoot} is missing): run \`npm run build\`.`);
    app.get('*', async (c, next) => {
      if (isApiPath(c.req.path) || !(c.req.header('accept') ?? '').includes('text/html')) return next();
      return c.text('Widget Studio: the SPA is not built. Run `npm run build` and restart.', 503);
    });
    return;
  }
  const serveFiles = serveStatic<AppEnv>({ root: absoluteRoot });
  app.use('*', async (c: Context<AppEnv, string>, next: Next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isApiPath(c.req.path)) return next();
    return serveFiles(c, next);
  });
  app.get('*', async (c, next) => {
    if (isApiPath(c.req.path) || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    try {
      const html = await readFile(join(absoluteRoot, 'index.html'), 'utf8');
      c.header('Cache-Control', 'no-cache');
      return c.html(html);
    } catch {
      return next();
    }
  });
}
