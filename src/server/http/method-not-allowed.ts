import type { Hono } from 'hono';
import type { AppEnv } from './server-context.ts';

/**
 * DRF's answer to a method a collection path does not take: 405 with the methods it does take in
 * `Allow` (register after the path's own routes, which win).
 */
export function answerOtherMethodsWith405(app: Hono<AppEnv>, path: string, allowed: readonly string[]): void {
  const allow = [...allowed, 'HEAD', 'OPTIONS'].join(', ');
  app.all(path, (c) => {
    c.header('Allow', allow);
    if (c.req.method === 'OPTIONS') return c.body(null, 200);
    return c.json({ detail: `Method "${c.req.method}" not allowed.` }, 405);
  });
}
