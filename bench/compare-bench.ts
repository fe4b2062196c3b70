import { serve } from '@hono/node-server';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { planComparison } from '../src/contract/comparison-plan.ts';
import { DashboardSchema } from '../src/contract/dashboard-schema.ts';
import type { Filter } from '../src/contract/filter-schema.ts';
import { MetricListResponseSchema } from '../src/contract/metric-schema.ts';
import { WidgetSchema, type PreviewWidgetRequest, type Widget } from '../src/contract/widget-schema.ts';
import { defaultAnalyticsPath } from '../src/server/analytics/analytics-path.ts';
import { createApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { ensureBenchDatabase } from './bench-database.ts';
import { describeLoad, describeMachine, markdownTable, verdict, writeDocSection } from './benchmarks-doc.ts';
import { formatMs, measureRuns } from './measure-runs.ts';

/**
 * `node --import tsx bench/compare-bench.ts` (issue 15) times over real HTTP:
 * (1) at BENCH_CALLS (1,000,000) calls, a 20-widget dashboard over the last 14 days loaded plain (one
 * `bulk_data`) and compared with the previous period on every widget (that `bulk_data` and one more
 * whose `previews` are the 20 shifted twins, sent together as the SPA does: 2 requests);
 * (2) at BACKTEST_CALLS (2,400,000) calls, where the latency metric has a million evaluations in 30
 * days, the alert backtest (`POST /studio/alert-backtest/`) of a threshold and a trend alert.
 * Each phase serves a throwaway copy of a seed kept under bench/tmp/ (bench-database.ts: seeded once,
 * then reused), so the widgets it creates never reach the seed that other benchmarks read.
 * Writes the "compare-bench" section of docs/benchmarks.md. A benchmark, not a test: no assertions.
 */

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const BACKTEST_CALLS = Number(process.env.BACKTEST_CALLS ?? 2_400_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const BACKTEST_RUNS = Number(process.env.BACKTEST_RUNS ?? 20);
const WARMUP = 2;
const WIDGETS = 20;
// Every run computes: the shared-result cache (docs/decisions/0006) would answer repeats from memory.
process.env.WIDGET_STUDIO_RESULT_CACHE_MS = '0';

const BacktestSchema = z.object({ evaluated: z.number(), fired_count: z.number() });

const fmt = formatMs;
const since = (days: number): Filter => ({
  operator: 'and',
  conditions: [{ field: 'timestamp', op: 'gte', value: `now-${days}d` }],
});

interface BenchServer {
  call: (method: string, path: string, body?: unknown) => Promise<unknown>;
  project: number;
  now: Date;
  latencyId: number;
  close: () => Promise<void>;
}

/** A server over a throwaway copy of the reused seed of `calls` calls, its clock at the seed instant. */
async function startServer(calls: number): Promise<BenchServer> {
  const seed = await ensureBenchDatabase(calls);
  const dir = mkdtempSync(join(tmpdir(), 'widget-studio-compare-bench-'));
  const path = join(dir, 'bench.db');
  copyFileSync(seed.path, path);
  copyFileSync(defaultAnalyticsPath(seed.path), defaultAnalyticsPath(path));
  const database = openDatabase(path);
  const now = seed.now;
  const app = createApp({ database, clock: () => new Date(now.getTime()) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CEKURA-API-KEY': seed.apiKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return JSON.parse(text);
  }

  const project = seed.projectIds[0] ?? 1;
  const metrics = MetricListResponseSchema.parse(
    await call('GET', `/test_framework/v1/metrics/?project_id=${project}`),
  );
  const latency = metrics.find((m) => m.slug === 'latency');
  if (!latency) throw new Error('the seed has no latency metric');
  return {
    call,
    project,
    now,
    latencyId: latency.id,
    close: async () => {
      server.close();
      database.close();
      await database.analytics.released();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const latencyP95 = (metric: number) => ({
  chart_type: 'bar',
  field: 'metric_evaluations.value',
  metric,
  aggregation_function: 'p95',
  time_period: 'day',
});

/** (1) The 20-widget dashboard, plain and compared with the previous period. */
async function dashboardPhase(): Promise<string> {
  const { call, project, now, latencyId, close } = await startServer(CALLS);
  const templates = [
    { chart_type: 'bar', field: 'duration', aggregation_function: 'avg', time_period: 'day' },
    latencyP95(latencyId),
    {
      chart_type: 'line',
      field: 'duration',
      aggregation_function: 'avg',
      group_by: { type: 'bucket', interval: 3_600_000 },
    },
    { chart_type: 'stat', field: '' },
    {
      chart_type: 'bar',
      field: 'call_ended_reason',
      aggregation_function: 'count',
      time_period: 'day',
      group_by: { type: 'field', field: 'agent.id' },
    },
  ];
  const dashboard = DashboardSchema.parse(
    await call('POST', '/dashboards/dashboards/', { name: 'Compared', project, filters: since(14) }),
  );
  const widgets: Widget[] = [];
  for (let i = 0; i < WIDGETS; i += 1) {
    const created = await call('POST', '/dashboards/widgets/', {
      ...templates[i % templates.length],
      name: `Widget ${i + 1}`,
      dashboard: dashboard.id,
      metadata: { compare: { mode: 'previous', offset: 'period' } },
    });
    widgets.push(WidgetSchema.parse(created));
  }
  const ids = widgets.map((w) => w.id);
  const bodies = widgets.flatMap((widget): PreviewWidgetRequest[] => {
    const plan = planComparison(
      widget,
      { id: dashboard.id, filters: dashboard.filters },
      { mode: 'previous', offset: 'period' },
      now,
    );
    return plan.kind === 'previous' ? plan.bodies : [];
  });
  if (bodies.length !== WIDGETS)
    throw new Error(`only ${bodies.length} of ${WIDGETS} twins could be planned`);
  const bulk = '/dashboards/widgets/bulk_data/?page_size=100&max_points=1000';
  const measure = (run: () => unknown) => measureRuns(run, { warmup: WARMUP, runs: RUNS });
  const plain = await measure(() => call('POST', bulk, { widget_ids: ids }));
  const twinsOnly = await measure(() => call('POST', bulk, { widget_ids: [], previews: bodies }));
  const compared = await measure(() =>
    Promise.all([
      call('POST', bulk, { widget_ids: ids }),
      call('POST', bulk, { widget_ids: [], previews: bodies }),
    ]),
  );
  await close();
  const ratio = compared.p95 / plain.p95;
  const table = markdownTable(
    ['load', 'requests', 'p50 ms', 'p95 ms'],
    [
      ['20 widgets, not compared (`bulk_data`)', '1', fmt(plain.p50), fmt(plain.p95)],
      ['the 20 twins alone (`bulk_data` with `previews`)', '1', fmt(twinsOnly.p50), fmt(twinsOnly.p95)],
      ['20 widgets compared (both, in parallel)', '2', fmt(compared.p50), fmt(compared.p95)],
    ],
  );
  console.info(table);
  return `**A 20-widget dashboard over the last 14 days at ${CALLS.toLocaleString('en')} calls, compared with the previous period on every widget** (bars of avg duration, p95 latency and counts by agent, an hourly line, a stat, four of each; ${RUNS} runs). The SPA sends the dashboard's \`bulk_data\` and one \`bulk_data\` whose \`previews\` are the 20 shifted twins, together: 2 requests (target ≤ 3 ✅).

${table}

Compared / not compared (p95): **${ratio.toFixed(2)}×** — target ≤ 2×: ${verdict(ratio <= 2)}.`;
}

/** (2) The backtest of a latency widget over the last 30 days (the widest window Cekura serves). */
async function backtestPhase(): Promise<string> {
  const { call, project, latencyId, close } = await startServer(BACKTEST_CALLS);
  const month = DashboardSchema.parse(
    await call('POST', '/dashboards/dashboards/', { name: 'Backtest', project, filters: since(30) }),
  );
  const metricWidget = WidgetSchema.parse(
    await call('POST', '/dashboards/widgets/', {
      ...latencyP95(latencyId),
      name: 'Latency',
      dashboard: month.id,
    }),
  );
  const alerts = {
    'threshold (> 1,500 ms, 3 of 5)': {
      type: 'threshold',
      condition: 'gt',
      value: 1500,
      min_breaches: 3,
      window_size: 5,
    },
    'trend (balanced)': { type: 'trend', preset: 'balanced' },
  };
  const rows: string[][] = [];
  for (const [name, alert] of Object.entries(alerts)) {
    const body = { widget: metricWidget.id, alert };
    const answer = BacktestSchema.parse(await call('POST', '/studio/alert-backtest/', body));
    const timing = await measureRuns(() => call('POST', '/studio/alert-backtest/', body), {
      warmup: WARMUP,
      runs: BACKTEST_RUNS,
    });
    rows.push([
      name,
      answer.evaluated.toLocaleString('en'),
      answer.fired_count.toLocaleString('en'),
      fmt(timing.p50),
      fmt(timing.p95),
      verdict(timing.p95 <= 300),
    ]);
    console.info(rows.at(-1)?.join(' | '));
  }
  await close();
  return `**Alert backtest over 30 days of the latency metric at ${BACKTEST_CALLS.toLocaleString('en')} calls** (\`POST /studio/alert-backtest/\`; ${BACKTEST_RUNS} runs; target ≤ 300 ms at a million evaluations):

${markdownTable(['alert', 'evaluations', 'would have fired', 'p50 ms', 'p95 ms', 'p95 ≤ 300 ms'], rows)}`;
}

async function main(): Promise<void> {
  // Both seeds first (once; later runs reuse them), so the load read next is the timed phases' own.
  await ensureBenchDatabase(CALLS);
  await ensureBenchDatabase(BACKTEST_CALLS);
  const machine = describeMachine();
  const load = describeLoad();
  const dashboard = await dashboardPhase();
  const backtest = await backtestPhase();
  writeDocSection(
    'compare-bench',
    `## Comparison and alert backtest (\`node --import tsx bench/compare-bench.ts\`, issue 15)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${load}. Server time over HTTP on 127.0.0.1 (real \`createApp\` + \`@hono/node-server\`) on a copy of the reused seed, clock at the seed instant, shared results off, ${WARMUP} warm-up runs first; one project's calls (about half the seed).

${dashboard}

${backtest}`,
  );
}

await main();
