import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { migrate } from './db/migrations.ts';
import { openDatabase } from './db/open-database.ts';
import { seedDatabase } from './seed/seed-database.ts';

// Start-up with the analytics file (issue 12): a corrupt or missing file stops the server with one
// line naming the path (exit 1), never a half-started server; calls still in an old SQLite file are
// moved into the analytics file, not reseeded.

const ROOT = resolve(import.meta.dirname, '..', '..');
const KEY = 'ws_startup_test_key_0123456789abcd';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'widget-studio-startup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The port, when the server started (it is stopped again at once). */
  port: number | null;
}

/** Starts the server from source with `env`; stops it as soon as it listens. */
function start(env: Record<string, string>, whileRunning?: (port: number) => Promise<void>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      SERVE_SPA: '0',
      WIDGET_STUDIO_API_KEY: KEY,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  let port: number | null = null;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const match = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
    if (match?.[1] && port === null) {
      port = Number(match[1]);
      const listening = port;
      void (whileRunning ? whileRunning(listening) : Promise.resolve()).finally(() => child.kill('SIGTERM'));
    }
  });
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr, port })));
}

describe('start-up with the analytics file', { timeout: 90_000 }, () => {
  it('stops with one line naming a corrupt analytics file', async () => {
    const analytics = join(dir, 'calls.duckdb');
    writeFileSync(analytics, 'this is not a DuckDB file '.repeat(400));
    const run = await start({ DB_PATH: join(dir, 'studio.db'), ANALYTICS_PATH: analytics, SEED_CALLS: '10' });
    expect(run.code).toBe(1);
    expect(run.port).toBeNull();
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Widget Studio could not start: the analytics file .*calls\.duckdb cannot be opened/,
    );
  });

  it('stops with one line when the analytics file of a used database is missing', async () => {
    const dbPath = join(dir, 'studio.db');
    const database = openDatabase(dbPath);
    await seedDatabase(database, { calls: 20, apiKey: KEY }).callsWritten;
    database.close();
    await database.analytics.released();
    rmSync(join(dir, 'studio.duckdb'));
    const run = await start({ DB_PATH: dbPath, SEED_CALLS: '10' });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`the analytics file ${join(dir, 'studio.duckdb')} is missing`);
  });

  it('moves the calls of a database from before the analytics store, once', async () => {
    const dbPath = join(dir, 'old.db');
    // An old file: the SQLite schema with its calls and evaluations tables filled.
    const sqlite = new BetterSqlite3(dbPath);
    migrate(sqlite);
    sqlite.exec(`INSERT INTO organisations (id, name) VALUES (1, 'Old org');
      INSERT INTO projects (id, organisation_id, name) VALUES (1, 1, 'Old project');
      INSERT INTO metrics (id, project_id, name, slug, type, eval_type, created_at)
        VALUES (1, 1, 'CSAT', 'csat', 'basic', 'numeric', '2026-01-01T00:00:00.000Z');`);
    const now = Date.now();
    for (let i = 1; i <= 30; i += 1) {
      const ts = now - i * 3_600_000;
      const iso = new Date(ts).toISOString();
      sqlite
        .prepare(
          `INSERT INTO calls (id, project_id, timestamp, ts_ms, duration, success, is_reviewed, call_id, created_at)
           VALUES (?, 1, ?, ?, ?, 1, 0, ?, ?)`,
        )
        .run(i, iso, ts, 60 + i, `old-${i}`, iso);
      sqlite
        .prepare('INSERT INTO metric_evaluations (call_id, metric_id, value_num, ts_ms) VALUES (?, 1, ?, ?)')
        .run(i, i % 5, ts);
    }
    sqlite.close();
    const Page = z.object({
      count: z.number(),
      results: z.array(z.object({ call_id: z.string().nullable(), metrics: z.array(z.unknown()) })),
    });
    const list = async (port: number) => {
      const response = await fetch(`http://127.0.0.1:${port}/observability/v2/call-logs/?page_size=100`, {
        headers: { 'X-CEKURA-API-KEY': KEY },
      });
      return Page.parse(await response.json());
    };
    let first: z.infer<typeof Page> | null = null;
    const run = await start({ DB_PATH: dbPath, SEED_CALLS: '500' }, async (port) => {
      first = await list(port);
    });
    expect(run.stdout).toContain('Moved 30 calls');
    expect(run.stdout).not.toContain('Seeded');
    expect(first).not.toBeNull();
    const page = z.object({ count: z.number() }).parse(first);
    expect(page.count).toBe(30);
    // The second start finds them in the analytics file and moves nothing again.
    let second: z.infer<typeof Page> | null = null;
    const again = await start({ DB_PATH: dbPath }, async (port) => {
      second = await list(port);
    });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Moved');
    expect(
      Page.parse(second).results.every(
        (call) => call.call_id?.startsWith('old-') && call.metrics.length === 1,
      ),
    ).toBe(true);
    expect(Page.parse(second).count).toBe(30);
  });
});
