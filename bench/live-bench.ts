import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { seedDatabase } from '../src/server/seed/seed-database.ts';
import { describeLoad, describeMachine, markdownTable, verdict, writeDocSection } from './benchmarks-doc.ts';
import { formatMs, measureRuns } from './measure-runs.ts';

/**
 * `npm run bench:live`: the two figures issue 17 sets for live dashboards, on 1,000,000 seeded calls
 * (BENCH_CALLS) behind the real HTTP server on a loopback port:
 * - value counts of a dashboard variable over 30 days (`GET /studio/v1/value-counts/?missing=true`,
 *   what the variable's menu asks), target p95 ≤ 150 ms;
 * - the refresh tick of a 20-widget dashboard: one `POST /dashboards/widgets/bulk_data/` for all 20,
 *   without and with a variable (`dashboard_filters`), timed whole.
 * Writes the Live dashboards section of docs/benchmarks.md. Shared results are off: every run computes.
 */

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const TARGET_VALUE_COUNTS_MS = 150;
process.env.WIDGET_STUDIO_RESULT_CACHE_MS = '0';

const VALUE_COUNT_FIELDS = [
  'topic',
  'call_ended_reason',
  'dropoff_point',
  'success',
  'is_reviewed',
  'metadata.region',
];

/** 20 widgets of a busy dashboard: every chart type, a few groupings, 30-day dashboard range. */
const WIDGETS: Record<string, unknown>[] = [
  ...['avg', 'p95', 'max', 'count'].map((aggregation_function) => ({
    chart_type: 'bar',
    field: 'duration',
    aggregation_function,
    time_period: 'day',
  })),
  ...['topic', 'call_ended_reason', 'dropoff_point', 'metadata.language', 'metadata.region'].map((field) => ({
    chart_type: 'pie',
    field,
  })),
  ...Array.from({ length: 5 }, () => ({ chart_type: 'stat', field: '' })),
  ...['hour', 'day'].map((time_period) => ({
    chart_type: 'bar',
    field: 'duration',
    aggregation_function: 'avg',
    time_period,
    group_by: { type: 'field', field: 'agent.id' },
  })),
  ...[1, 2, 3, 4].map(() => ({ chart_type: 'line', field: 'duration' })),
];

const measure = (run: () => unknown) => measureRuns(run, { warmup: WARMUP, runs: RUNS });
const fmt = formatMs;

async function main(): Promise<void> {
  const machine = describeMachine();
  const load = describeLoad();
  const dir = mkdtempSync(join(tmpdir(), 'widget-studio-live-bench-'));
  const database = openDatabase(join(dir, 'bench.db'));
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  console.info(`Seeding ${CALLS.toLocaleString('en')} calls into ${dir} …`);
  const seeded = seedDatabase(database, { calls: CALLS, now });
  await seeded.callsWritten;
  const app = createApp({ database, clock: () => new Date(now.getTime()) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const headers = { 'Content-Type': 'application/json', 'X-CEKURA-API-KEY': seeded.apiKey };
  const call = async (path: string, init: RequestInit = {}): Promise<unknown> => {
    const response = await fetch(`${base}${path}`, { ...init, headers });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  };

  const countRows: string[][] = [];
  const failures: string[] = [];
  for (const field of VALUE_COUNT_FIELDS) {
    const query = new URLSearchParams({ field, limit: '100', missing: 'true', from: 'now-30d', to: 'now' });
    const timing = await measure(() => call(`/studio/v1/value-counts/?${query.toString()}`));
    const met = timing.p95 <= TARGET_VALUE_COUNTS_MS;
    if (!met) failures.push(`value counts of ${field}: p95 ${fmt(timing.p95)} ms`);
    countRows.push([`\`${field}\``, fmt(timing.p50), fmt(timing.p95), verdict(met)]);
    console.info(countRows.at(-1)?.join(' | '));
  }

  const dashboard = (await call('/dashboards/dashboards/', {
    method: 'POST',
    body: JSON.stringify({
      name: 'Bench: 20 widgets',
      project: null,
      filters: {
        operator: 'and',
        conditions: [{ field: 'timestamp', op: 'gte', value: 'now-30d' }],
      },
    }),
  })) as { id: number };
  const widgetIds: number[] = [];
  for (const [index, widget] of WIDGETS.entries()) {
    const created = (await call('/dashboards/widgets/', {
      method: 'POST',
      body: JSON.stringify({ ...widget, dashboard: dashboard.id, name: `Widget ${index + 1}` }),
    })) as { id: number };
    widgetIds.push(created.id);
  }
  const tickRows: string[][] = [];
  const variants: { name: string; extra: Record<string, unknown> }[] = [
    { name: '20 widgets, no variable', extra: {} },
    {
      name: '20 widgets, variable topic = 2 values',
      extra: {
        dashboard_filters: {
          operator: 'and',
          conditions: [
            { field: 'timestamp', op: 'gte', value: 'now-30d' },
            { field: 'topic', op: 'in', value: ['billing', 'support'] },
          ],
        },
      },
    },
  ];
  for (const variant of variants) {
    let requests = 0;
    const timing = await measure(async () => {
      // One tick: the page the SPA asks for, and any `next` pages (there are none for 20 widgets).
      let path: string | null = '/dashboards/widgets/bulk_data/?max_points=1000';
      while (path !== null) {
        requests += 1;
        const page = (await call(path, {
          method: 'POST',
          body: JSON.stringify({ widget_ids: widgetIds, ...variant.extra }),
        })) as { next: string | null; results: unknown[] };
        path = page.next === null ? null : new URL(page.next).pathname + new URL(page.next).search;
      }
    });
    const perTick = requests / (RUNS + WARMUP);
    tickRows.push([variant.name, String(perTick), fmt(timing.p50), fmt(timing.p95)]);
    console.info(tickRows.at(-1)?.join(' | '));
  }
  server.close();
  database.close();
  await database.analytics.released();
  rmSync(dir, { recursive: true, force: true });

  const counts = markdownTable(
    ['variable field', 'HTTP p50 ms', 'HTTP p95 ms', `p95 ≤ ${TARGET_VALUE_COUNTS_MS} ms`],
    countRows,
  );
  const ticks = markdownTable(['refresh tick', 'requests per tick', 'HTTP p50 ms', 'HTTP p95 ms'], tickRows);
  console.info(`\n${counts}\n\n${ticks}\n`);
  writeDocSection(
    'live-bench',
    `## Live dashboards, ${CALLS.toLocaleString('en')} calls (\`npm run bench:live\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${load}. The machine is shared: read the figures with that load.
Real \`createApp\` + \`@hono/node-server\` on 127.0.0.1, ${CALLS.toLocaleString('en')} seeded calls, clock pinned to the seed instant, organisation key (both projects), shared results off; ${WARMUP} warm-up then ${RUNS} sequential runs per row. Decisions: [0016](decisions/0016-dashboard-variables-and-live-views.md), [0021](decisions/0021-live-dashboard-layout-and-real-api-variables.md).

Value counts of a variable over the last 30 days, as its menu asks them (\`limit=100&missing=true\`: the values and the "(none)" count):

${counts}

The refresh tick of a 20-widget dashboard (4 bars by day, 5 pies, 5 stats, 2 bars grouped by agent, 4 lines of every call with \`max_points=1000\`; 30-day dashboard range): one \`POST /dashboards/widgets/bulk_data/\` answers all 20. Unchanged cards do not re-render on a tick (structural sharing, covered by \`e2e/live-dashboard.spec.ts\`).

${ticks}

${failures.length === 0 ? 'Every value-count target is met.' : `Not met: ${failures.join('; ')}.`}`,
  );
}

await main();
