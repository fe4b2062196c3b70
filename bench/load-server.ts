import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/open-database.ts';

/**
 * The server process of `bench:load` (forked with an IPC channel): the real app on a file database,
 * bound to 127.0.0.1 only, its clock started at the seed instant. It measures its own event-loop delay
 * (the figure that shows whether the data work starves other requests) and reports it on demand,
 * so the load generator's own work does not pollute it.
 */
export type LoadServerMessage = { type: 'reset' } | { type: 'report'; label: string } | { type: 'stop' };
export interface LoopDelayReport {
  type: 'loop-delay';
  label: string;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  mean_ms: number;
}

const dbPath = process.env.BENCH_DB_PATH;
const nowIso = process.env.BENCH_NOW;
if (!dbPath || !nowIso) throw new Error('BENCH_DB_PATH and BENCH_NOW are required');
const now = new Date(nowIso);

const database = openDatabase(dbPath);
// bench:web also serves the built SPA and hands it the key (as main.ts does on loopback).
const serveSpa = process.env.BENCH_SERVE_SPA === '1';
// The clock starts at the seed instant and then runs: relative windows read the same rows on every run
// (a few seconds' drift), and the 10 s shared-result window (docs/decisions/0006) expires as it would in
// production instead of serving one computation for ever.
const startedAt = Date.now();
const app = createApp({
  database,
  clock: () => new Date(now.getTime() + (Date.now() - startedAt)),
  serveSpa,
  // web-bench serves its own build, with render counting built in (src/web/lib/use-render-count.ts).
  spaRoot: process.env.BENCH_SPA_ROOT ?? 'dist',
  localApiKey: serveSpa ? (process.env.BENCH_API_KEY ?? null) : null,
});
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

const ms = (ns: number) => Number((ns / 1e6).toFixed(1));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.send?.({ type: 'listening', port: info.port });
});

process.on('message', (message: LoadServerMessage) => {
  if (message.type === 'reset') histogram.reset();
  else if (message.type === 'report') {
    const report: LoopDelayReport = {
      type: 'loop-delay',
      label: message.label,
      p50_ms: ms(histogram.percentile(50)),
      p99_ms: ms(histogram.percentile(99)),
      max_ms: ms(histogram.max),
      mean_ms: ms(histogram.mean),
    };
    process.send?.(report);
  } else if (message.type === 'stop') {
    server.close();
    database.close();
    process.exit(0);
  }
});
