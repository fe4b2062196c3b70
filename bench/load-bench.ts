import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import * as z from 'zod';
import { ensureBenchDatabase, type BenchDatabase } from './bench-database.ts';
import { describeLoad, describeMachine, markdownTable, verdict, writeDocSection } from './benchmarks-doc.ts';
import { startBenchServer, type BenchServer } from './bench-server.ts';

// `npm run bench:load`: autocannon against the embedded server on a 1,000,000-call database.
// Loopback only, bounded in time: a warm-up plus 30 s per (endpoint × connections) run.
// Environment: BENCH_CALLS (default 1000000), BENCH_SECONDS (default 30), BENCH_WARMUP_SECONDS (5).

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONNECTIONS = [10, 50] as const;
const TARGET_P99_MS = 2000;
/** As the SPA asks (`MAX_POINTS` in src/web/api/widget-data-queries.ts). */
const MAX_POINTS = 1000;
/** The server without shared chart results (docs/decisions/0006): every request reaches the engine. */
const NO_SHARED_RESULTS = { WIDGET_STUDIO_RESULT_CACHE_MS: '0' };
const RESULTS_FILE = process.env.BENCH_RESULTS ?? 'bench/results/load-bench.json';
/**
 * A partial run, e.g. `BENCH_RUNS=bulk_data:10:off,preview_data:10:on`: only those runs, printed and
 * written nowhere (to compare two versions of the code quickly). Unset: every run, written.
 */
const ONLY_RUNS = process.env.BENCH_RUNS?.split(',').map((run) => run.trim());

interface RunFigures {
  endpoint: string;
  connections: number;
  /** Shared chart results (docs/decisions/0006) on; off = every request computed by the engine. */
  shared_results: boolean;
  duration_s: number;
  requests: number;
  requests_per_s: number;
  latency_p50_ms: number;
  latency_p99_ms: number;
  latency_max_ms: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
  event_loop_delay_p99_ms: number;
  event_loop_delay_max_ms: number;
  /** GET /healthz, one every 250 ms during the run: what any other request waits while data queries run. */
  probe_p99_ms: number;
}

// ---------------------------------------------------------------- API set-up

async function api(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': key, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return text === '' ? null : JSON.parse(text);
}

const MetricsSchema = z.array(
  z.object({ id: z.number(), slug: z.string().nullish(), project: z.number().nullish() }),
);
const CreatedSchema = z.object({ id: z.number() });
const BulkCreatedSchema = z.object({ created: z.array(z.object({ id: z.number() })) });

const LAST_7_DAYS = {
  operator: 'and',
  conditions: [
    { field: 'timestamp', op: 'gte', value: 'today-7d' },
    { field: 'timestamp', op: 'lte', value: 'now' },
  ],
};

/** Twenty widgets covering every chart type, grouping and metric kind, in a 12-column grid. */
function twentyWidgets(metric: (slug: string) => number): Record<string, unknown>[] {
  const specs: Record<string, unknown>[] = [
    { name: 'Summary', chart_type: 'stat', field: '' },
    { name: 'Duration', chart_type: 'line', field: 'duration' },
    { name: 'Latency', chart_type: 'line', field: 'metric_evaluations.value', metric: metric('latency') },
    {
      name: 'Quality',
      chart_type: 'line',
      field: 'metric_evaluations.value',
      metric: metric('conversation-quality'),
    },
    {
      name: 'Duration 6h buckets',
      chart_type: 'line',
      field: 'duration',
      aggregation_function: 'avg',
      group_by: { type: 'bucket', interval: 21_600_000 },
    },
    {
      name: 'Duration by agent',
      chart_type: 'line',
      field: 'duration',
      group_by: { type: 'field', field: 'agent.id' },
    },
    {
      name: 'Calls per day',
      chart_type: 'bar',
      field: 'call_ended_reason',
      aggregation_function: 'count',
      time_period: 'day',
    },
    {
      name: 'Calls per hour',
      chart_type: 'bar',
      field: 'call_ended_reason',
      aggregation_function: 'count',
      time_period: 'hour',
    },
    {
      name: 'Avg duration per day',
      chart_type: 'bar',
      field: 'duration',
      aggregation_function: 'avg',
      time_period: 'day',
    },
    {
      name: 'p95 duration per day',
      chart_type: 'bar',
      field: 'duration',
      aggregation_function: 'p95',
      time_period: 'day',
    },
    {
      name: 'Success by agent',
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'day',
      group_by: { type: 'field', field: 'agent.id' },
    },
    {
      name: 'Calls by region',
      chart_type: 'bar',
      field: 'call_ended_reason',
      aggregation_function: 'count',
      time_period: 'day',
      group_by: { type: 'field', field: 'metadata.region' },
    },
    {
      name: 'Latency p95 per day',
      chart_type: 'bar',
      field: 'metric_evaluations.value',
      metric: metric('latency'),
      aggregation_function: 'p95',
      time_period: 'day',
    },
    { name: 'Ended reasons', chart_type: 'pie', field: 'call_ended_reason' },
    { name: 'Topics', chart_type: 'pie', field: 'topic' },
    { name: 'Drop-off', chart_type: 'pie', field: 'dropoff_point' },
    { name: 'Sentiment', chart_type: 'pie', field: 'metric_evaluations.value', metric: metric('sentiment') },
    {
      name: 'Intent resolved',
      chart_type: 'pie',
      field: 'metric_evaluations.value',
      metric: metric('intent-resolved'),
    },
    {
      name: 'Failed EU/APAC topics',
      chart_type: 'pie',
      field: 'topic',
      filters: {
        operator: 'and',
        conditions: [
          { field: 'success', op: 'eq', value: false },
          { field: 'metadata.region', op: 'in', value: ['EU', 'APAC'] },
        ],
      },
    },
    {
      name: 'Success rate',
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'week',
    },
  ];
  return specs.map((spec, index) => ({
    ...spec,
    metadata: { layout: { x: (index % 3) * 4, y: Math.floor(index / 3) * 4, w: 4, h: 4 } },
  }));
}

/** Preview bodies an editor sends while a user edits (line, bar, pie, grouped), merged with the dashboard. */
function previewBodies(dashboardId: number, metric: (slug: string) => number): Record<string, unknown>[] {
  return [
    { dashboard: dashboardId, chart_type: 'line', field: 'duration' },
    {
      dashboard: dashboardId,
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'day',
      group_by: { type: 'field', field: 'agent.id' },
    },
    { dashboard: dashboardId, chart_type: 'pie', field: 'call_ended_reason' },
    {
      dashboard: dashboardId,
      chart_type: 'line',
      field: 'metric_evaluations.value',
      metric: metric('latency'),
      filters: { field: 'metadata.region', op: 'eq', value: 'EU' },
    },
  ];
}

// ---------------------------------------------------------------- load runs

function startProbe(base: string): () => number {
  const samples: number[] = [];
  let running = true;
  void (async () => {
    while (running) {
      const started = performance.now();
      try {
        await (await fetch(`${base}/healthz`)).text();
        samples.push(performance.now() - started);
      } catch {
        samples.push(Number.POSITIVE_INFINITY);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return () => {
    running = false;
    const sorted = [...samples].sort((a, b) => a - b);
    return Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0).toFixed(1));
  };
}

async function runLoad(
  server: BenchServer,
  key: string,
  endpoint: string,
  bodies: readonly Record<string, unknown>[],
  connections: number,
  seconds: number,
): Promise<Omit<RunFigures, 'shared_results'>> {
  const base = `http://127.0.0.1:${server.port}`;
  server.send({ type: 'reset' });
  const stopProbe = startProbe(base);
  const result = await autocannon({
    url: `${base}${endpoint}`,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { 'X-CEKURA-API-KEY': key, 'content-type': 'application/json' },
    requests: bodies.map((body) => ({ method: 'POST', body: JSON.stringify(body) })),
  });
  const probeP99 = stopProbe();
  const loop = await server.loopDelay(`${endpoint}-${connections}`);
  return {
    endpoint,
    connections,
    duration_s: seconds,
    requests: result.requests.total,
    requests_per_s: Number(result.requests.average.toFixed(1)),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    latency_max_ms: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non_2xx: result.non2xx,
    event_loop_delay_p99_ms: loop.p99_ms,
    event_loop_delay_max_ms: loop.max_ms,
    probe_p99_ms: probeP99,
  };
}

/** One request of each body, timed alone: the cost of a single request without queueing. */
async function serialLatency(
  base: string,
  key: string,
  endpoint: string,
  body: unknown,
  times = 5,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await api(base, key, 'POST', endpoint, body);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Number((samples[Math.floor(samples.length / 2)] ?? 0).toFixed(1));
}

// ---------------------------------------------------------------- report

function markdown(
  figures: RunFigures[],
  serial: Record<string, number>,
  perWidget: { name: string; ms: number }[],
  meta: { machine: string; load: string; calls: number },
): string {
  const rows = figures.map((f) => {
    const target = f.connections === 10 ? `0 errors, p99 ≤ ${TARGET_P99_MS} ms` : 'informative';
    const failures = f.errors + f.non_2xx;
    const met = f.connections === 10 ? verdict(failures === 0 && f.latency_p99_ms <= TARGET_P99_MS) : '';
    return [
      `\`${f.endpoint.replace('/dashboards/widgets/', '')}\``,
      String(f.connections),
      f.shared_results ? 'on' : 'off (engine only)',
      String(f.requests_per_s),
      f.requests === 0 ? '— (none in 10 s)' : String(f.latency_p50_ms),
      f.requests === 0 ? '—' : String(f.latency_p99_ms),
      `${f.errors} / ${f.timeouts} / ${f.non_2xx}`,
      String(f.event_loop_delay_p99_ms),
      String(f.probe_p99_ms),
      target,
      met,
    ];
  });
  return [
    '## Server load (`npm run bench:load`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${meta.machine}; ${meta.load}.`,
    `Database: ${meta.calls.toLocaleString('en-US')} seeded calls (definitions in SQLite, calls and evaluations in DuckDB), server clock started at the seed instant and running;`,
    `a 20-widget dashboard (every chart type; last 7 days) created through the API. autocannon on 127.0.0.1,`,
    `${SECONDS} s per run after a ${WARMUP_SECONDS} s warm-up (2 connections, then drained), \`max_points=${MAX_POINTS}\` as the SPA sends.`,
    '`bulk_data` = all 20 widgets in one request; `preview_data` cycles through 4 editor-like bodies.',
    'Event-loop delay is measured inside the server process (`monitorEventLoopDelay`, 10 ms resolution);',
    'the probe is a `GET /healthz` every 250 ms during the run (what any other request waits).',
    '*Shared results* (docs/decisions/0006): identical requests in flight share one computation and a result',
    'is reused for 10 s of server clock; every run is repeated with it off (`WIDGET_STUDIO_RESULT_CACHE_MS=0`),',
    'which is what ten analysts on ten different dashboards would cost. The single-request figures below are',
    'measured with it off.',
    '',
    markdownTable(
      [
        'endpoint',
        'connections',
        'shared results',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors / timeouts / non-2xx',
        'loop delay p99 ms',
        'probe p99 ms',
        'target',
        '',
      ],
      rows,
    ),
    '',
    `Single request, no concurrency (median of 5): ${Object.entries(serial)
      .map(([name, ms]) => `${name} ${ms} ms`)
      .join(', ')}.`,
    '',
    `The 20 widgets one by one (preview_data, median of 3, ms): ${perWidget
      .map((w) => `${w.name} ${w.ms}`)
      .join(' · ')}.`,
    '',
    'Each run has a server process of its own. A request abandoned by autocannon at its 10 s timeout has its',
    'running query interrupted (its signal aborts), so runs stay apart.',
    '',
    'Data queries run in DuckDB on its own threads (`docs/decisions/0014`); before that change the same run on',
    'the SQLite engine with its worker pool measured `bulk_data` at 10 connections, shared results off: p99 9,980 ms',
    'with 2 timeouts (issue 12).',
    '',
    'Raw figures: `bench/results/load-bench.json`.',
  ].join('\n');
}

// ---------------------------------------------------------------- main

/** A fresh server process per run: abandoned requests of a previous run (timeouts) must not queue into it. */
async function withServer<T>(
  bench: BenchDatabase,
  run: (server: BenchServer) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  const server = await startBenchServer(bench.path, bench.now, env);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

interface Fixture {
  dashboardId: number;
  widgetIds: number[];
  widgetSpecs: Record<string, unknown>[];
  previews: Record<string, unknown>[];
}

async function createFixture(base: string, key: string, projectId: number): Promise<Fixture> {
  const metrics = MetricsSchema.parse(
    await api(base, key, 'GET', `/test_framework/v1/metrics/?project_id=${projectId}`),
  );
  const metric = (slug: string): number => {
    const found = metrics.find((m) => m.slug === slug);
    if (!found) throw new Error(`metric ${slug} missing`);
    return found.id;
  };
  const dashboard = CreatedSchema.parse(
    await api(base, key, 'POST', '/dashboards/dashboards/', {
      name: `Load bench ${new Date().toISOString()}`,
      project: projectId,
      filters: LAST_7_DAYS,
    }),
  );
  const widgetSpecs = twentyWidgets(metric);
  const created = BulkCreatedSchema.parse(
    await api(base, key, 'POST', `/dashboards/dashboards/${dashboard.id}/bulk_widgets/`, {
      create: widgetSpecs,
    }),
  );
  const widgetIds = created.created.map((w) => w.id);
  if (widgetIds.length !== 20) throw new Error(`expected 20 widgets, got ${widgetIds.length}`);
  return { dashboardId: dashboard.id, widgetIds, widgetSpecs, previews: previewBodies(dashboard.id, metric) };
}

async function main(): Promise<void> {
  const load = describeLoad();
  const bench = await ensureBenchDatabase(CALLS);
  const key = bench.apiKey;
  const projectId = bench.projectIds[0];
  if (projectId === undefined) throw new Error('the bench database has no project');
  const bulkEndpoint = `/dashboards/widgets/bulk_data/?max_points=${MAX_POINTS}`;
  const previewEndpoint = `/dashboards/widgets/preview_data/?max_points=${MAX_POINTS}`;

  // Set-up and single-request figures, in a server of their own, without shared results: a repeated
  // request would otherwise be answered from the first one and say nothing of the engine.
  const { fixture, serial, perWidget } = await withServer(
    bench,
    async (server) => {
      const base = `http://127.0.0.1:${server.port}`;
      const made = await createFixture(base, key, projectId);
      const single: Record<string, number> = {
        'bulk_data (20 widgets)': await serialLatency(base, key, bulkEndpoint, {
          widget_ids: made.widgetIds,
        }),
      };
      for (const [index, body] of made.previews.entries()) {
        single[`preview ${index + 1} (${String(body.chart_type)})`] = await serialLatency(
          base,
          key,
          previewEndpoint,
          body,
        );
      }
      // Each widget of the dashboard alone, through preview_data: where the bulk request spends its time.
      const widgets: { name: string; ms: number }[] = [];
      for (const spec of made.widgetSpecs) {
        const body = { ...spec, dashboard: made.dashboardId };
        widgets.push({
          name: String(spec.name),
          ms: await serialLatency(base, key, previewEndpoint, body, 3),
        });
      }
      return { fixture: made, serial: single, perWidget: widgets };
    },
    NO_SHARED_RESULTS,
  );
  console.info('Single-request latencies (ms):', serial);
  console.info('Per widget (ms):', perWidget);

  const figures: RunFigures[] = [];
  try {
    for (const [endpoint, bodies] of [
      [bulkEndpoint, [{ widget_ids: fixture.widgetIds }]],
      [previewEndpoint, fixture.previews],
    ] as const) {
      for (const [connections, shared] of CONNECTIONS.flatMap(
        (c) =>
          [
            [c, true],
            [c, false],
          ] as const,
      )) {
        const name = `${endpoint.split('/').at(-2) ?? endpoint}:${connections}:${shared ? 'on' : 'off'}`;
        if (ONLY_RUNS && !ONLY_RUNS.includes(name)) continue;
        const run = await withServer(
          bench,
          async (server) => {
            console.info(`Warm-up ${endpoint} (${WARMUP_SECONDS} s)…`);
            await runLoad(server, key, endpoint, bodies, 2, WARMUP_SECONDS);
            // Drain: requests cut off at the end of the warm-up are still queued in the server; one more
            // request, served after them, returns once they are done.
            await serialLatency(`http://127.0.0.1:${server.port}`, key, endpoint, bodies[0], 1);
            console.info(`${endpoint}: ${connections} connections for ${SECONDS} s…`);
            return runLoad(server, key, endpoint, bodies, connections, SECONDS);
          },
          shared ? {} : NO_SHARED_RESULTS,
        );
        figures.push({ ...run, shared_results: shared, endpoint: endpoint.split('?')[0] ?? endpoint });
        console.info(run);
      }
    }
  } finally {
    // Leave the reusable database as it was.
    await withServer(bench, (server) =>
      api(`http://127.0.0.1:${server.port}`, key, 'DELETE', `/dashboards/dashboards/${fixture.dashboardId}/`),
    ).catch(() => null);
  }

  if (ONLY_RUNS) {
    console.info(`A partial run (BENCH_RUNS=${ONLY_RUNS.join(',')}): nothing written.`);
    return;
  }
  const machine = describeMachine();
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    JSON.stringify(
      {
        measured_at: new Date().toISOString(),
        machine,
        load,
        calls: bench.calls,
        engine: 'duckdb',
        seed_seconds: bench.seedSeconds,
        run_seconds: SECONDS,
        warmup_seconds: WARMUP_SECONDS,
        targets: { errors: 0, p99_ms_at_10_connections: TARGET_P99_MS },
        serial_median_ms: serial,
        per_widget_median_ms: perWidget,
        runs: figures,
      },
      null,
      2,
    ) + '\n',
  );
  if (process.env.BENCH_NO_DOC !== '1')
    writeDocSection(
      'load-bench',
      markdown(figures, serial, perWidget, { machine, load, calls: bench.calls }),
    );
  console.info(`Wrote ${RESULTS_FILE} and docs/benchmarks.md.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
