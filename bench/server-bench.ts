import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Filter } from '../src/contract/filter-schema.ts';
import { createApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { seedDatabase } from '../src/server/seed/seed-database.ts';
import { describeLoad, describeMachine, markdownTable, verdict, writeDocSection } from './benchmarks-doc.ts';

/**
 * `npm run bench:server`: seeds 1,000,000 calls into a temporary database, starts the real HTTP
 * server on a loopback port and, for each chart type at 7- and 30-day windows, times
 * `POST /dashboards/widgets/preview_data/` (warm, RUNS runs, p50/p95) beside the same aggregation run
 * as one raw SQL statement on the same database. Writes the Server section of docs/benchmarks.md.
 */

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = 3;
const TARGET_P95_MS = 300;
const TARGET_RATIO = 1.3;
const DAY = 86_400_000;

interface Case {
  name: string;
  widget: Record<string, unknown>;
  query?: string;
  /** The same aggregation as one SQL statement over the window: `?` are (from, to) pairs. */
  raw: (projects: string) => string;
  /** How many (from, to) pairs `raw` binds (default 1). */
  windowParams?: number;
}

const WHERE = (projects: string) => `c.project_id IN (${projects}) AND c.ts_ms >= ? AND c.ts_ms <= ?`;
const DAY_BUCKET = '(c.ts_ms / 86400000) * 86400000';

const CASES: Case[] = [
  {
    name: 'line (max_points=1000)',
    widget: { chart_type: 'line', field: 'duration' },
    query: '?max_points=1000',
    raw: (p) => `SELECT c.id, c.ts_ms, c.duration FROM calls c WHERE ${WHERE(p)} ORDER BY c.ts_ms`,
  },
  {
    name: 'line (full series)',
    widget: { chart_type: 'line', field: 'duration' },
    raw: (p) => `SELECT c.id, c.ts_ms, c.duration FROM calls c WHERE ${WHERE(p)} ORDER BY c.ts_ms`,
  },
  {
    name: 'bar by day, avg',
    widget: { chart_type: 'bar', field: 'duration', aggregation_function: 'avg', time_period: 'day' },
    raw: (p) => `SELECT ${DAY_BUCKET} b, AVG(c.duration), COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY b`,
  },
  {
    name: 'bar by day, p95',
    widget: { chart_type: 'bar', field: 'duration', aggregation_function: 'p95', time_period: 'day' },
    raw: (p) =>
      `SELECT ${DAY_BUCKET} b, percentile_cont(c.duration, 0.95), COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY b`,
  },
  {
    name: 'pie (call_ended_reason)',
    widget: { chart_type: 'pie', field: 'call_ended_reason' },
    raw: (p) => `SELECT c.call_ended_reason, COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY 1`,
  },
  {
    name: 'stat',
    widget: { chart_type: 'stat', field: '' },
    windowParams: 2,
    raw: (p) =>
      `SELECT COUNT(*), TOTAL(c.success), COUNT(c.success), AVG(c.duration), ` +
      `(SELECT percentile_cont(me.value_num, 0.95) FROM metric_evaluations me WHERE me.metric_id IN ` +
      `(SELECT id FROM metrics WHERE function_name = 'get_latency' AND project_id IN (${p})) ` +
      `AND me.ts_ms >= ? AND me.ts_ms <= ?) FROM calls c WHERE c.project_id IN (${p}) AND c.ts_ms >= ? AND c.ts_ms <= ?`,
  },
  {
    name: 'bar by day, avg, group_by agent.id',
    widget: {
      chart_type: 'bar',
      field: 'duration',
      aggregation_function: 'avg',
      time_period: 'day',
      group_by: { type: 'field', field: 'agent.id' },
    },
    raw: (p) =>
      `SELECT ${DAY_BUCKET} b, c.agent_id, AVG(c.duration), COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY b, 2`,
  },
];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(run: () => unknown): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const fmt = (ms: number) => ms.toFixed(1);

async function main(): Promise<void> {
  const machine = describeMachine();
  const load = describeLoad();
  const dir = mkdtempSync(join(tmpdir(), 'widget-studio-bench-'));
  const database = openDatabase(join(dir, 'bench.db'));
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  console.info(`Seeding ${CALLS.toLocaleString('en')} calls into ${dir} …`);
  const seedStarted = performance.now();
  const seeded = seedDatabase(database, { calls: CALLS, now });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  console.info(`Seeded in ${seedSeconds.toFixed(1)} s.`);

  const app = createApp({ database, clock: () => new Date(now.getTime()) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  // The raw-SQL runs block this process for seconds; a 5 s keep-alive timeout would then close the
  // client's pooled connection just as the next request reuses it (ECONNRESET).
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 600_000;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const projects = seeded.projectIds.join(', ');

  const rows: string[][] = [];
  const failures: string[] = [];
  for (const days of [7, 30]) {
    const filter: Filter = {
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: `now-${days}d` },
        { field: 'timestamp', op: 'lte', value: 'now' },
      ],
    };
    for (const benchCase of CASES) {
      const body = JSON.stringify({ ...benchCase.widget, filters: filter });
      const http = await measure(async () => {
        const response = await fetch(
          `http://127.0.0.1:${port}/dashboards/widgets/preview_data/${benchCase.query ?? ''}`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-CEKURA-API-KEY': seeded.apiKey },
            body,
          },
        );
        if (response.status !== 200)
          throw new Error(`${benchCase.name}: HTTP ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      });
      const statement = database.sqlite.prepare(benchCase.raw(projects)).raw();
      const params = Array.from({ length: benchCase.windowParams ?? 1 }, () => [
        now.getTime() - days * DAY,
        now.getTime(),
      ]).flat();
      const raw = await measure(() => statement.all(...params));
      const ratio = http.p95 / raw.p95;
      const meetsP95 = days !== 30 || http.p95 <= TARGET_P95_MS;
      const meetsRatio = ratio <= TARGET_RATIO;
      if (!meetsP95)
        failures.push(`${benchCase.name} (${days} d): p95 ${fmt(http.p95)} ms > ${TARGET_P95_MS} ms`);
      rows.push([
        benchCase.name,
        `${days} d`,
        fmt(http.p50),
        fmt(http.p95),
        fmt(raw.p50),
        fmt(raw.p95),
        ratio.toFixed(2),
        days === 30 ? verdict(meetsP95) : '',
        verdict(meetsRatio),
      ]);
      console.info(rows.at(-1)?.join(' | '));
    }
  }
  server.close();
  database.close();
  rmSync(dir, { recursive: true, force: true });

  const header = [
    'chart',
    'window',
    'HTTP p50 ms',
    'HTTP p95 ms',
    'raw SQL p50 ms',
    'raw SQL p95 ms',
    'ratio (p95)',
    `p95 ≤ ${TARGET_P95_MS} ms`,
    `ratio ≤ ${TARGET_RATIO}`,
  ];
  const table = markdownTable(header, rows);
  console.info(`\n${table}\n`);
  writeDocSection(
    'server-bench',
    `## Server (\`npm run bench:server\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${load}.
Database: ${CALLS.toLocaleString('en')} calls seeded into a temporary file database (WAL) in ${seedSeconds.toFixed(1)} s, clock pinned to the seed instant, both projects (organisation key).
Each row: \`POST /dashboards/widgets/preview_data/\` over HTTP on 127.0.0.1 (real \`createApp\` + \`@hono/node-server\`), ${WARMUP} warm-up then ${RUNS} sequential runs, wall time including the JSON body; beside it the same aggregation as one raw SQL statement (GROUP BY form, \`better-sqlite3\` \`.raw().all()\`) on the same connection. Ratio = HTTP p95 / raw SQL p95: below 1 means the engine's per-bucket plan beats the single GROUP BY statement. The raw line statement is the full fetch of the window (LTTB has no SQL form). Decisions and what would close the gaps: [0002](decisions/0002-chart-engine-performance.md).

${table}

${failures.length === 0 ? 'Every 30-day p95 target is met.' : `Not met: ${failures.join('; ')}.`}`,
  );
}

await main();
