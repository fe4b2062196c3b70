import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

// Minimal start-up until the embedded server lands: health check and the built SPA.
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
app.use('/*', serveStatic({ root: './dist' }));
app.get('*', serveStatic({ path: './dist/index.html' }));
serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.info(`Widget Studio is running at http://${host}:${info.port}/`);
});
