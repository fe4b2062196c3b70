import { serve } from '@hono/node-server';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Filter } from '../src/contract/filter-schema.ts';
import { createApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { seedDatabase } from '../src/server/seed/seed-database.ts';
import { describeLoad, describeMachine, markdownTable, verdict, writeDocSection } from './benchmarks-doc.ts';
import { formatMs, measureRuns } from './measure-runs.ts';

/**
 * `npm run bench:server`: seeds 1,000,000 calls (BENCH_CALLS) into a temporary database, starts the
 * real HTTP server on a loopback port and, for each chart type at 7- and 30-day windows, times
 * `POST /dashboards/widgets/preview_data/` (warm, RUNS runs, p50/p95, shared results off) beside the
 * same aggregation run as one raw DuckDB SQL statement on the same analytics file. Writes the Server
 * section of docs/benchmarks.md (`BENCH_SECTION` names another section, e.g. for 10M calls).
 */

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const SECTION = process.env.BENCH_SECTION ?? 'server-bench';
const WARMUP = 3;
const TARGET_P95_MS = CALLS > 2_000_000 ? 500 : 100;
const TARGET_RATIO = 1.5;
const DAY = 86_400_000;
// Every run computes: the shared-result cache (docs/decisions/0006) would answer repeats from memory.
process.env.WIDGET_STUDIO_RESULT_CACHE_MS = '0';

interface Case {
  name: string;
  /** The 30-day p95 of the SQLite engine on 1M calls, as issue 12 measured it (ms). */
  before?: number;
  widget: Record<string, unknown>;
  query?: string;
  /** The same aggregation as one SQL statement over the window: `?` are (from, to) pairs. */
  raw: (projects: string) => string;
  /** How many (from, to) pairs `raw` binds (default 1). */
  windowParams?: number;
  /** Left out above this many calls, with the reason written beside the table. */
  upTo?: { calls: number; reason: string };
}

const WHERE = (projects: string) =>
  `c.project_id IN (${projects}) AND c.ts_ms >= CAST(? AS BIGINT) AND c.ts_ms <= CAST(? AS BIGINT)`;
const DAY_BUCKET = '(c.ts_ms // 86400000) * 86400000';

const CASES: Case[] = [
  {
    name: 'line (max_points=1000)',
    before: 438,
    widget: { chart_type: 'line', field: 'duration' },
    query: '?max_points=1000',
    raw: (p) => `SELECT c.id, c.ts_ms, c.duration FROM calls c WHERE ${WHERE(p)} ORDER BY c.ts_ms, c.id`,
  },
  {
    name: 'line (full series)',
    widget: { chart_type: 'line', field: 'duration' },
    upTo: {
      calls: 2_000_000,
      reason:
        'the full 30-day series of 10M calls is 6.9M points (≈ 450 MB of JSON); the SPA always asks for `max_points`, and the line with `max_points=1000` above is the chart it draws',
    },
    raw: (p) => `SELECT c.id, c.ts_ms, c.duration FROM calls c WHERE ${WHERE(p)} ORDER BY c.ts_ms, c.id`,
  },
  {
    name: 'bar by day, avg',
    before: 109,
    widget: { chart_type: 'bar', field: 'duration', aggregation_function: 'avg', time_period: 'day' },
    raw: (p) => `SELECT ${DAY_BUCKET} b, AVG(c.duration), COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY b`,
  },
  {
    name: 'bar by day, p95',
    before: 171,
    widget: { chart_type: 'bar', field: 'duration', aggregation_function: 'p95', time_period: 'day' },
    raw: (p) =>
      `SELECT ${DAY_BUCKET} b, quantile_cont(c.duration, 0.95), COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY b`,
  },
  {
    name: 'pie (call_ended_reason)',
    before: 277,
    widget: { chart_type: 'pie', field: 'call_ended_reason' },
    raw: (p) => `SELECT c.call_ended_reason, COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY 1`,
  },
  {
    name: 'pie (metadata.language)',
    before: 936,
    widget: { chart_type: 'pie', field: 'metadata.language' },
    raw: (p) =>
      `SELECT json_extract_string(c.metadata, '$.language'), COUNT(*) FROM calls c WHERE ${WHERE(p)} GROUP BY 1`,
  },
  {
    name: 'stat',
    before: 196,
    widget: { chart_type: 'stat', field: '' },
    windowParams: 2,
    // The latency metrics are metrics 1 and 7 of the seed (one per project).
    raw: (p) =>
      `SELECT COUNT(*), SUM(c.success), COUNT(c.success), AVG(c.duration), ` +
      `(SELECT quantile_cont(me.value_num, 0.95) FROM metric_evaluations me WHERE me.metric_id IN (1, 7) ` +
      `AND me.ts_ms >= CAST(? AS BIGINT) AND me.ts_ms <= CAST(? AS BIGINT)) FROM calls c WHERE ${WHERE(p)}`,
  },
  {
    name: 'bar by day, avg, group_by agent.id',
    before: 237,
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

const measure = (run: () => unknown) => measureRuns(run, { warmup: WARMUP, runs: RUNS });
const fmt = formatMs;

async function main(): Promise<void> {
  const machine = describeMachine();
  const load = describeLoad();
  const dir = mkdtempSync(join(tmpdir(), 'widget-studio-bench-'));
  const seeding = openDatabase(join(dir, 'bench.db'));
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  console.info(`Seeding ${CALLS.toLocaleString('en')} calls into ${dir} …`);
  const seedStarted = performance.now();
  const seeded = seedDatabase(seeding, { calls: CALLS, now });
  await seeded.callsWritten;
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  console.info(`Seeded in ${seedSeconds.toFixed(1)} s.`);
  // The server opens the seeded files afresh, as `npm start` would: its memory is the server's, not
  // the seed's (a 10M-call seed holds its whole transaction until it commits).
  seeding.close();
  await seeding.analytics.released();
  const database = openDatabase(join(dir, 'bench.db'), {
    ...(process.env.ANALYTICS_MEMORY_LIMIT ? { memoryLimit: process.env.ANALYTICS_MEMORY_LIMIT } : {}),
  });
  await database.analytics.ready();
  const fileBytes =
    statSync(join(dir, 'bench.duckdb')).size +
    (existsSync(join(dir, 'bench.duckdb.wal')) ? statSync(join(dir, 'bench.duckdb.wal')).size : 0);

  const app = createApp({ database, clock: () => new Date(now.getTime()) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 600_000;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const projects = seeded.projectIds.join(', ');

  const rows: string[][] = [];
  const failures: string[] = [];
  const skipped: string[] = [];
  for (const days of [7, 30]) {
    const filter: Filter = {
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: `now-${days}d` },
        { field: 'timestamp', op: 'lte', value: 'now' },
      ],
    };
    for (const benchCase of CASES) {
      if (benchCase.upTo && CALLS > benchCase.upTo.calls) {
        if (days === 30)
          skipped.push(
            `${benchCase.name}: left out above ${benchCase.upTo.calls.toLocaleString('en')} calls (${benchCase.upTo.reason}).`,
          );
        continue;
      }
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
      const sql = benchCase.raw(projects);
      const params = Array.from({ length: benchCase.windowParams ?? 1 }, () => [
        now.getTime() - days * DAY,
        now.getTime(),
      ]).flat();
      // Raw SQL as DuckDB runs it, rows materialised (not converted to JavaScript objects).
      const raw = await measure(() =>
        database.analytics.read(null, (connection) => connection.run(sql, params)),
      );
      const ratio = http.p95 / raw.p95;
      const meetsP95 = days !== 30 || http.p95 <= TARGET_P95_MS;
      const meetsRatio = ratio <= TARGET_RATIO;
      if (!meetsP95)
        failures.push(`${benchCase.name} (${days} d): p95 ${fmt(http.p95)} ms > ${TARGET_P95_MS} ms`);
      rows.push([
        benchCase.name,
        `${days} d`,
        days === 30 && benchCase.before !== undefined && CALLS === 1_000_000 ? String(benchCase.before) : '',
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
    'before: SQLite engine p95 ms (issue 12)',
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
  const rss = process.memoryUsage().rss;
  // The 10M targets of issue 12: server RSS ≤ 1.5 GB, analytics file ≤ 120 bytes per call.
  const sizeVerdicts =
    CALLS > 2_000_000
      ? `\n\nRSS ${(rss / 1e6).toFixed(0)} MB against ≤ 1,500 MB: ${verdict(rss <= 1.5e9)}; file ${(fileBytes / CALLS).toFixed(0)} bytes per call against ≤ 120: ${verdict(fileBytes / CALLS <= 120)}.`
      : '';
  writeDocSection(
    SECTION,
    `## Server, ${CALLS.toLocaleString('en')} calls (\`${CALLS === 1_000_000 ? '' : `BENCH_CALLS=${CALLS} BENCH_SECTION=${SECTION} `}npm run bench:server\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${load}.
Database: ${CALLS.toLocaleString('en')} calls with their evaluations seeded into a temporary analytics file (DuckDB) in ${seedSeconds.toFixed(1)} s; the file is ${(fileBytes / 1e6).toFixed(0)} MB (${(fileBytes / CALLS).toFixed(0)} bytes per call); process RSS after the runs ${(rss / 1e6).toFixed(0)} MB (the server opened the seeded files afresh${process.env.ANALYTICS_MEMORY_LIMIT ? `, ANALYTICS_MEMORY_LIMIT=${process.env.ANALYTICS_MEMORY_LIMIT}` : ''}). Clock pinned to the seed instant, both projects (organisation key), shared results off.
Each row: \`POST /dashboards/widgets/preview_data/\` over HTTP on 127.0.0.1 (real \`createApp\` + \`@hono/node-server\`), ${WARMUP} warm-up then ${RUNS} sequential runs, wall time including the JSON body; beside it the same aggregation as one raw DuckDB statement on the same analytics file (rows materialised in DuckDB, not converted to JavaScript). Ratio = HTTP p95 / raw SQL p95. The raw line statement is the ordered fetch of the window (LTTB has no SQL form). "Before" is the SQLite engine's 30-day p95 on 1M calls as measured for issue 12. Decisions: [0014](decisions/0014-columnar-analytics-engine.md).

${table}

${failures.length === 0 ? 'Every 30-day p95 target is met.' : `Not met: ${failures.join('; ')}.`}${skipped.length > 0 ? `\n\n${skipped.join('\n')}` : ''}${sizeVerdicts}`,
  );
}

await main();
