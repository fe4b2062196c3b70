import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { describeLoad, describeMachine, markdownTable, verdict, writeDocSection } from './benchmarks-doc.ts';

/**
 * `npm run bench:cold-start`: what the first visitor after a start waits for. For each mode, RUNS
 * times: start the server on a fresh database (SEED_CALLS calls, data workers on, as `npm start`
 * runs it), wait until it listens, open the first seeded dashboard as the SPA does, then time its
 * first `bulk_data` and a later one (shared results off, so it is computed again). Modes (`BENCH_MODES`,
 * default both): `built`, the server `npm start` runs (docs/decisions/0010), and `from` source through
 * tsx, as `npm run dev` runs it. Writes the Cold start section of docs/benchmarks.md.
 */

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LATER_RUNS = 3;
const TARGET_FIRST_MS = 300;
const MAX_POINTS = 1000;
/** Not a secret: a benchmark-only key for throwaway databases on loopback. */
const KEY = 'ws_bench_local_key_0123456789abcdef';

interface Mode {
  name: string;
  command: string[];
}

const MODES: Mode[] = [
  { name: 'built (`npm start`)', command: ['dist-server/main.js'] },
  { name: 'from source through tsx (as `npm run dev`)', command: ['--import', 'tsx', 'src/server/main.ts'] },
];

const selected = (process.env.BENCH_MODES ?? 'built,from').split(',');
const modes = MODES.filter((mode) => selected.some((s) => mode.name.startsWith(s)));

interface RunFigures {
  /** A fresh database: seeded at start-up, then listening. */
  listenMs: number;
  firstMs: number;
  laterMs: number;
  /** The same database again: no seeding, what most starts are. */
  restartListenMs: number;
  restartFirstMs: number;
}

const ListSchema = z.object({ results: z.array(z.object({ id: z.number() })) });
const DashboardSchema = z.object({ widgets: z.array(z.object({ id: z.number() })) });
const BulkSchema = z.object({ results: z.array(z.object({ data: z.unknown() })) });

/** Resolves with the port once the server prints its URL; rejects when it exits first. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${String(code)}): ${output}`)));
  });
}

async function api(base: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-CEKURA-API-KEY': KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function timedBulk(base: string, widgetIds: number[]): Promise<number> {
  const started = performance.now();
  const body = BulkSchema.parse(
    await api(base, `/dashboards/widgets/bulk_data/?max_points=${MAX_POINTS}`, { widget_ids: widgetIds }),
  );
  const ms = performance.now() - started;
  if (body.results.length !== widgetIds.length) throw new Error('bulk_data answered too few widgets');
  return ms;
}

interface Started {
  base: string;
  listenMs: number;
  stop(): Promise<void>;
}

async function startServer(mode: Mode, dbPath: string): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, mode.command, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DB_PATH: dbPath,
      SEED_CALLS: String(CALLS),
      WIDGET_STUDIO_API_KEY: KEY,
      SERVE_SPA: '0',
      WIDGET_STUDIO_RESULT_CACHE_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const port = await listeningPort(child);
    return { base: `http://127.0.0.1:${port}`, listenMs: performance.now() - started, stop };
  } catch (error: unknown) {
    await stop();
    throw error;
  }
}

/** As the SPA opens a dashboard: the list, the first dashboard, then all its widgets' data at once. */
async function dashboardWidgetIds(base: string): Promise<number[]> {
  await api(base, '/healthz');
  const [first] = ListSchema.parse(await api(base, '/dashboards/dashboards/')).results;
  if (!first) throw new Error('no seeded dashboard');
  const { widgets } = DashboardSchema.parse(await api(base, `/dashboards/dashboards/${first.id}/`));
  return widgets.map((w) => w.id);
}

async function runOnce(mode: Mode): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'widget-studio-cold-'));
  const dbPath = join(dir, 'cold.db');
  try {
    const fresh = await startServer(mode, dbPath);
    let firstMs: number;
    const later: number[] = [];
    try {
      const widgetIds = await dashboardWidgetIds(fresh.base);
      firstMs = await timedBulk(fresh.base, widgetIds);
      for (let i = 0; i < LATER_RUNS; i++) later.push(await timedBulk(fresh.base, widgetIds));
    } finally {
      await fresh.stop();
    }
    const again = await startServer(mode, dbPath);
    try {
      const restartFirstMs = await timedBulk(again.base, await dashboardWidgetIds(again.base));
      return {
        listenMs: fresh.listenMs,
        firstMs,
        laterMs: median(later),
        restartListenMs: again.listenMs,
        restartFirstMs,
      };
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (ms: number) => String(Math.round(ms));

async function main(): Promise<void> {
  const load = describeLoad();
  if (modes.some((mode) => mode.command[0] === 'dist-server/main.js')) {
    console.info('Building the server…');
    const build = spawnSync('npm', ['run', 'build:server'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build:server failed');
  }
  const rows: string[][] = [];
  for (const mode of modes) {
    const figures: RunFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await runOnce(mode);
      console.info(`${mode.name} #${i + 1}:`, run);
      figures.push(run);
    }
    const spread = (pick: (f: RunFigures) => number) => {
      const values = figures.map(pick);
      return `${round(median(values))} (${values.map(round).join(', ')})`;
    };
    const firstMedian = median(figures.map((f) => f.firstMs));
    const restartMedian = median(figures.map((f) => f.restartFirstMs));
    rows.push([
      mode.name,
      round(median(figures.map((f) => f.listenMs))),
      spread((f) => f.firstMs),
      round(median(figures.map((f) => f.laterMs))),
      round(median(figures.map((f) => f.restartListenMs))),
      spread((f) => f.restartFirstMs),
      mode.command[0] === 'dist-server/main.js'
        ? verdict(firstMedian <= TARGET_FIRST_MS && restartMedian <= TARGET_FIRST_MS)
        : '',
    ]);
  }
  const markdown = [
    '## Cold start (`npm run bench:cold-start`)',
    '',
    describeMachine(),
    '',
    `${load}. Each of ${RUNS} runs starts the server on a fresh database of ${CALLS.toLocaleString('en')}`,
    'calls (seeded at start-up; data workers on, as `npm start` runs), opens the first seeded dashboard as the',
    `SPA does as soon as the server listens and times its \`bulk_data\` (\`max_points=${MAX_POINTS}\`): the first`,
    `after the start, then the median of ${LATER_RUNS} later ones computed again (shared results off); then it`,
    'restarts the server on the same database (no seeding) and times the first `bulk_data` again.',
    'Target: the first `bulk_data` ≤ 300 ms. Medians, with each run in brackets.',
    '',
    markdownTable(
      [
        'server',
        'fresh: start → listening ms',
        'fresh: first bulk_data ms',
        'later bulk_data ms',
        'restart: start → listening ms',
        'restart: first bulk_data ms',
        'target',
      ],
      rows,
    ),
  ].join('\n');
  console.info(markdown);
  if (process.env.BENCH_WRITE_DOC !== '0') writeDocSection('cold-start', markdown);
}

await main();
