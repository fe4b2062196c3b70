import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from './app.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { seedDatabase } from './seed/seed-database.ts';

// Crash safety (issue 6, "kill the process in the middle of a write"): a child process runs the real
// app on a file database and is killed with SIGKILL while a bulk_widgets write or a dashboard
// duplicate is half done. After reopening, the database passes integrity_check and every operation
// happened entirely or not at all.
//
// "Half done" is made exact, not left to timing: the child registers a SQL function and a TEMP
// trigger (its own connection only, nothing persisted) that fires on each widget INSERT/UPDATE; at
// the chosen row it prints MID and blocks, inside the route's transaction, until it is killed.

const ROOT = resolve(import.meta.dirname, '..', '..');
const KEY = 'ws_fault_test_key_0123456789abcdef';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'widget-studio-fault-'));
  dbPath = join(dir, 'fault.db');
});
/** Databases this test opened: their analytics files are released before the folder goes. */
const opened: OpenDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.analytics.released()));
  rmSync(dir, { recursive: true, force: true });
});

function open(path: string): OpenDatabase {
  const database = openDatabase(path);
  opened.push(database);
  return database;
}

const IdSchema = z.object({ id: z.number() });
const BulkResultSchema = z.object({ created: z.array(IdSchema) });

async function request(
  app: ReturnType<typeof createApp>,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await app.request(`http://localhost${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return response.json();
}

/** A seeded file database with one dashboard of `widgets` widgets; returns their ids. */
async function prepare(widgets: number): Promise<{ dashboardId: number; widgetIds: number[] }> {
  const database = open(dbPath);
  await seedDatabase(database, { calls: 50, apiKey: KEY, now: new Date('2026-08-20T12:00:00Z') })
    .callsWritten;
  const app = createApp({ database });
  const dashboard = IdSchema.parse(
    await request(app, 'POST', '/dashboards/dashboards/', { name: 'Crash test' }),
  );
  const created = BulkResultSchema.parse(
    await request(app, 'POST', `/dashboards/dashboards/${dashboard.id}/bulk_widgets/`, {
      create: Array.from({ length: widgets }, (_, i) => ({
        name: `original ${i}`,
        chart_type: 'stat',
        field: '',
      })),
    }),
  );
  database.close();
  return { dashboardId: dashboard.id, widgetIds: created.created.map((w) => w.id) };
}

/** The child: the real app on the file database, paused at the `pauseAt`-th widget row write (0 = never). */
function childScript(): string {
  const src = (file: string) => JSON.stringify(join(ROOT, 'src/server', file));
  return `
    import { writeSync } from 'node:fs';
    import { openDatabase } from ${src('db/open-database.ts')};
    import { createApp } from ${src('app.ts')};
    const block = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    const database = openDatabase(process.env.FAULT_DB);
    const pauseAt = Number(process.env.FAULT_PAUSE_AT);
    let rows = 0;
    database.sqlite.function('fault_point', () => {
      rows += 1;
      if (rows === pauseAt) { writeSync(1, 'MID\\n'); block(); }
      return null;
    });
    database.sqlite.exec(
      'CREATE TEMP TRIGGER fault_insert AFTER INSERT ON main.widgets BEGIN SELECT fault_point(); END;' +
      'CREATE TEMP TRIGGER fault_update AFTER UPDATE ON main.widgets BEGIN SELECT fault_point(); END;'
    );
    const app = createApp({ database });
    const response = await app.request('http://localhost' + process.env.FAULT_PATH, {
      method: 'POST',
      headers: { 'X-CEKURA-API-KEY': process.env.FAULT_KEY, 'content-type': 'application/json' },
      body: process.env.FAULT_BODY,
    });
    await response.text();
    writeSync(1, 'DONE ' + response.status + '\\n');
    block();
  `;
}

/** Runs the operation in a child, waits for MID or DONE, kills it with SIGKILL; returns which it saw. */
async function runAndKill(path: string, body: unknown, pauseAt: number): Promise<string> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', childScript()],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        FAULT_DB: dbPath,
        FAULT_PAUSE_AT: String(pauseAt),
        FAULT_PATH: path,
        FAULT_BODY: JSON.stringify(body),
        FAULT_KEY: KEY,
      },
    },
  );
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const seen = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^(MID|DONE \d+)$/m.exec(output);
      if (line?.[1]) done(line[1]);
    });
    child.on('exit', (code, signal) => fail(new Error(`child exited (${code}, ${signal}): ${errors}`)));
  });
  child.removeAllListeners('exit');
  const exited = new Promise((done) => child.once('exit', (_code, signal) => done(signal)));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return seen;
}

/** Reopens the database the way a restarted server does and checks it is intact. */
function reopen() {
  const database = open(dbPath);
  expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(database.sqlite.pragma('foreign_key_check')).toEqual([]);
  return database;
}

const NameRows = z.array(z.object({ id: z.number(), name: z.string().nullable() }));

function widgetsOf(sqlite: ReturnType<typeof openDatabase>['sqlite'], dashboardId: number) {
  return NameRows.parse(
    sqlite.prepare('SELECT id, name FROM widgets WHERE dashboard_id = ? ORDER BY id').all(dashboardId),
  );
}

describe('SIGKILL in the middle of bulk_widgets', () => {
  const CREATES = 8;
  /** 8 creates, 2 updates (renamed "updated …"), 2 deletes. Row writes 1–8 are creates, 9–10 updates. */
  function operation(widgetIds: number[]) {
    const [u1, u2, d1, d2] = widgetIds;
    return {
      create: Array.from({ length: CREATES }, (_, i) => ({
        name: `new ${i}`,
        chart_type: 'stat',
        field: '',
      })),
      update: [
        { id: u1, name: 'updated 1' },
        { id: u2, name: 'updated 2' },
      ],
      delete: [d1, d2],
    };
  }

  it.each([
    { pauseAt: 1, expect: 'nothing', label: 'after the first create' },
    { pauseAt: 5, expect: 'nothing', label: 'half-way through the creates' },
    { pauseAt: 10, expect: 'nothing', label: 'at the last update, before the deletes' },
    { pauseAt: 0, expect: 'everything', label: 'after the answer was sent' },
  ])('killed $label: $expect happened', async ({ pauseAt, expect: outcome }) => {
    const { dashboardId, widgetIds } = await prepare(6);
    const seen = await runAndKill(
      `/dashboards/dashboards/${dashboardId}/bulk_widgets/`,
      operation(widgetIds),
      pauseAt,
    );
    expect(seen).toBe(pauseAt === 0 ? 'DONE 200' : 'MID');

    const database = reopen();
    const names = widgetsOf(database.sqlite, dashboardId).map((w) => w.name);
    database.close();
    if (outcome === 'nothing') {
      expect(names).toEqual(Array.from({ length: 6 }, (_, i) => `original ${i}`));
    } else {
      expect(names).toEqual([
        'updated 1',
        'updated 2',
        'original 4',
        'original 5',
        ...Array.from({ length: CREATES }, (_, i) => `new ${i}`),
      ]);
    }
  });
});

describe('SIGKILL in the middle of a dashboard duplicate', () => {
  const WIDGETS = 12;
  const DashboardRows = z.array(z.object({ id: z.number(), name: z.string().nullable() }));

  it.each([
    { pauseAt: 1, label: 'after the first widget copy' },
    { pauseAt: 7, label: 'half-way through the widget copies' },
    { pauseAt: WIDGETS, label: 'at the last widget copy' },
    { pauseAt: 0, label: 'after the answer was sent' },
  ])('killed $label: the copy exists with every widget, or not at all', async ({ pauseAt }) => {
    const { dashboardId } = await prepare(WIDGETS);
    const seen = await runAndKill(
      `/dashboards/dashboards/${dashboardId}/duplicate/`,
      { name: 'The copy' },
      pauseAt,
    );
    expect(seen).toBe(pauseAt === 0 ? 'DONE 201' : 'MID');

    const database = reopen();
    const copies = DashboardRows.parse(
      database.sqlite.prepare("SELECT id, name FROM dashboards WHERE name = 'The copy'").all(),
    );
    const originalWidgets = widgetsOf(database.sqlite, dashboardId).map((w) => w.name);
    const copyWidgets = copies.map((copy) => widgetsOf(database.sqlite, copy.id).map((w) => w.name));
    const orphans = database.sqlite
      .prepare('SELECT COUNT(*) AS n FROM widgets WHERE dashboard_id NOT IN (SELECT id FROM dashboards)')
      .get();
    database.close();

    expect(originalWidgets).toHaveLength(WIDGETS);
    expect(orphans).toEqual({ n: 0 });
    if (pauseAt === 0) {
      expect(copyWidgets).toEqual([originalWidgets]);
    } else {
      expect(copies).toEqual([]);
    }
  });
});

describe('SIGKILL of the real server (main.ts) under a stream of writes over HTTP', () => {
  const SOURCE_WIDGETS = 10;
  const STREAM = 120;

  /** Starts `src/server/main.ts` on an ephemeral loopback port; resolves with its base URL. */
  function startServer(): Promise<{ base: string; kill: () => Promise<void> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DB_PATH: dbPath,
        WIDGET_STUDIO_API_KEY: KEY,
        SERVE_SPA: '0',
        LOG_FILE: join(dir, 'server.log'),
      },
    });
    let output = '';
    return new Promise((done, fail) => {
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (!match?.[1]) return;
        done({
          base: match[1],
          kill: () =>
            new Promise((exited) => {
              child.removeAllListeners('exit');
              child.once('exit', () => exited());
              child.kill('SIGKILL');
            }),
        });
      });
      child.on('exit', (code) => fail(new Error(`server exited (${code}): ${output}`)));
    });
  }

  it('keeps every acknowledged write and never half of one', async () => {
    // Widgets 0..STREAM-1 are renamed by request n, widgets STREAM..2*STREAM-1 deleted by request n.
    const { dashboardId, widgetIds } = await prepare(2 * STREAM);
    const setup = open(dbPath);
    const app = createApp({ database: setup });
    const sourceDashboard = IdSchema.parse(
      await request(app, 'POST', '/dashboards/dashboards/', { name: 'Source' }),
    );
    await request(app, 'POST', `/dashboards/dashboards/${sourceDashboard.id}/bulk_widgets/`, {
      create: Array.from({ length: SOURCE_WIDGETS }, (_, i) => ({
        name: `s${i}`,
        chart_type: 'stat',
        field: '',
      })),
    });
    setup.close();

    const server = await startServer();
    const acknowledged = new Set<string>();
    let next = 0;
    let killed = false;
    const send = async (n: number) => {
      const tag = n % 2 === 0 ? `bulk-${n}` : `dup-${n}`;
      const [path, body] =
        n % 2 === 0
          ? [
              `/dashboards/dashboards/${dashboardId}/bulk_widgets/`,
              {
                create: Array.from({ length: 5 }, (_, i) => ({
                  name: `${tag}-c${i}`,
                  chart_type: 'stat',
                  field: '',
                })),
                update: [{ id: widgetIds[n], name: `${tag}-u` }],
                delete: [widgetIds[STREAM + n]],
              },
            ]
          : [`/dashboards/dashboards/${sourceDashboard.id}/duplicate/`, { name: tag }];
      const response = await fetch(`${server.base}${path}`, {
        method: 'POST',
        headers: { 'X-CEKURA-API-KEY': KEY, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.ok) acknowledged.add(tag);
    };
    const worker = async () => {
      while (!killed && next < STREAM) {
        const n = next++;
        await send(n).catch(() => undefined); // a request cut by the kill
        if (acknowledged.size >= STREAM / 3 && !killed) {
          killed = true;
          await server.kill();
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(killed).toBe(true);

    const database = reopen();
    const names = new Set(
      z
        .array(z.object({ name: z.string().nullable() }))
        .parse(database.sqlite.prepare('SELECT name FROM widgets').all())
        .map((w) => w.name),
    );
    const liveIds = new Set(
      z
        .array(z.object({ id: z.number() }))
        .parse(database.sqlite.prepare('SELECT id FROM widgets').all())
        .map((w) => w.id),
    );
    const copies = z
      .array(z.object({ id: z.number(), name: z.string() }))
      .parse(database.sqlite.prepare("SELECT id, name FROM dashboards WHERE name LIKE 'dup-%'").all());
    const copyCounts = new Map(copies.map((c) => [c.name, widgetsOf(database.sqlite, c.id).length]));
    database.close();

    let happened = 0;
    for (let n = 0; n < next; n++) {
      if (n % 2 === 0) {
        const tag = `bulk-${n}`;
        const parts = [
          ...Array.from({ length: 5 }, (_, i) => names.has(`${tag}-c${i}`)),
          names.has(`${tag}-u`),
          !liveIds.has(widgetIds[STREAM + n] ?? -1),
        ];
        const all = parts.every(Boolean);
        expect(all || parts.every((p) => !p), `${tag} half applied: ${parts.join(',')}`).toBe(true);
        if (acknowledged.has(tag)) expect(all, `${tag} was acknowledged`).toBe(true);
        if (all) happened++;
      } else {
        const tag = `dup-${n}`;
        const count = copyCounts.get(tag);
        expect(count === undefined || count === SOURCE_WIDGETS, `${tag} has ${count} widgets`).toBe(true);
        if (acknowledged.has(tag)) expect(count).toBe(SOURCE_WIDGETS);
        if (count !== undefined) happened++;
      }
    }
    expect(happened).toBeGreaterThanOrEqual(acknowledged.size);
  }, 60_000);
});

describe('SIGKILL in the middle of a restore (issue 16)', () => {
  const VersionsSchema = z.object({ results: z.array(z.object({ id: z.number(), summary: z.string() })) });

  it.each([
    { pauseAt: 1, outcome: 'nothing' },
    { pauseAt: 4, outcome: 'nothing' },
    { pauseAt: 0, outcome: 'everything' },
  ])('killed at widget write $pauseAt: $outcome happened', async ({ pauseAt, outcome }) => {
    const { dashboardId, widgetIds } = await prepare(6);
    const database = open(dbPath);
    const app = createApp({ database });
    await request(app, 'POST', `/dashboards/dashboards/${dashboardId}/bulk_widgets/`, {
      update: widgetIds.map((id, i) => ({ id, name: `renamed ${i}` })),
    });
    const versions = VersionsSchema.parse(
      await request(app, 'GET', `/studio/dashboards/${dashboardId}/versions/`),
    );
    database.close();
    const original = versions.results[1];
    expect(original?.summary).toMatch(/^Added /);

    const seen = await runAndKill(
      `/studio/dashboards/${dashboardId}/restore/`,
      { version: original?.id },
      pauseAt,
    );
    expect(seen).toBe(pauseAt === 0 ? 'DONE 200' : 'MID');

    const after = reopen();
    const names = widgetsOf(after.sqlite, dashboardId).map((w) => w.name);
    const count = after.sqlite
      .prepare('SELECT COUNT(*) FROM dashboard_versions WHERE dashboard_id = ?')
      .pluck()
      .get(dashboardId);
    after.close();
    const prefix = outcome === 'nothing' ? 'renamed' : 'original';
    expect(names).toEqual(Array.from({ length: 6 }, (_, i) => `${prefix} ${i}`));
    expect(count).toBe(versions.results.length + (outcome === 'nothing' ? 0 : 1));
  });
});

describe('SIGKILL in the middle of an import (issue 16)', () => {
  it.each([
    { pauseAt: 1, label: 'after the first widget' },
    { pauseAt: 4, label: 'half-way through the widgets' },
    { pauseAt: 6, label: 'at the last widget' },
    { pauseAt: 0, label: 'after the answer was sent' },
  ])('killed $label: the dashboard exists with every widget, or not at all', async ({ pauseAt }) => {
    const { dashboardId } = await prepare(6);
    const database = openDatabase(dbPath);
    const document = await request(
      createApp({ database }),
      'GET',
      `/studio/dashboards/${dashboardId}/export/`,
    );
    const before = {
      dashboards: database.sqlite.prepare('SELECT COUNT(*) FROM dashboards').pluck().get(),
      versions: database.sqlite.prepare('SELECT COUNT(*) FROM dashboard_versions').pluck().get(),
    };
    database.close();

    const seen = await runAndKill('/studio/dashboards/import/', { document }, pauseAt);
    expect(seen).toBe(pauseAt === 0 ? 'DONE 201' : 'MID');

    const after = reopen();
    const copies = z
      .array(z.object({ id: z.number() }))
      .parse(after.sqlite.prepare("SELECT id FROM dashboards WHERE name = 'Crash test' ORDER BY id").all());
    const copyWidgets = copies.slice(1).map((copy) => widgetsOf(after.sqlite, copy.id).map((w) => w.name));
    const counts = {
      dashboards: after.sqlite.prepare('SELECT COUNT(*) FROM dashboards').pluck().get(),
      versions: after.sqlite.prepare('SELECT COUNT(*) FROM dashboard_versions').pluck().get(),
    };
    const orphans = after.sqlite
      .prepare('SELECT COUNT(*) FROM widgets WHERE dashboard_id NOT IN (SELECT id FROM dashboards)')
      .pluck()
      .get();
    after.close();

    expect(orphans).toBe(0);
    if (pauseAt === 0) {
      expect(copyWidgets).toEqual([Array.from({ length: 6 }, (_, i) => `original ${i}`)]);
      expect(counts).toEqual({
        dashboards: Number(before.dashboards) + 1,
        versions: Number(before.versions) + 1,
      });
    } else {
      expect(copies).toHaveLength(1);
      expect(counts).toEqual(before);
    }
  });
});
