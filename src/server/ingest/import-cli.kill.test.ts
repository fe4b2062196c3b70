import { countAnalyticsRows } from '../test-support/analytics-rows.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { seedDatabase } from '../seed/seed-database.ts';
import { createTestServer } from '../test-support/create-test-server.ts';
import { exportedCallLines } from '../test-support/export-call-lines.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const COPIES = 60;
let dir: string;
let file: string;
let dbPath: string;
let rows = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-kill-'));
  const source = createTestServer({ calls: 400, now: NOW });
  const lines = await exportedCallLines(source.database, 1, NOW.getTime() - 50 * 86_400_000, NOW.getTime());
  source.close();
  // Many copies with fresh call_ids: enough rows that the import is still running when it is killed.
  const out: string[] = [];
  for (let copy = 0; copy < COPIES; copy++)
    for (const line of lines) out.push(line.replace(/"call_id":"([^"]+)"/, `"call_id":"$1-${copy}"`));
  rows = out.length;
  file = join(dir, 'calls.jsonl');
  writeFileSync(file, out.join('\n'));
  dbPath = join(dir, 'db.sqlite');
  const database = openDatabase(dbPath);
  seedDatabase(database, { calls: 0, now: NOW });
  database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(
  onStderr?: (text: string, kill: () => void) => void,
): Promise<{ code: number | null; signal: string | null; out: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/ingest/import-cli.ts',
      file,
      '--db',
      dbPath,
      '--project',
      '1',
      '--progress-ms',
      '1',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => onStderr?.(chunk.toString(), () => child.kill('SIGKILL')));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

/** The calls in the database files, read the way a restarted server reads them. */
const callCount = async () => {
  const database = openDatabase(dbPath);
  try {
    return await countAnalyticsRows(database, 'calls');
  } finally {
    database.close();
    await database.analytics.released();
  }
};

describe('npm run import, killed half-way', () => {
  it('leaves the database as before a SIGKILL, and the next run imports the whole file', async () => {
    let killedAt = 0;
    const killed = await runCli((text, kill) => {
      const stored = /(\d+) stored/.exec(text);
      if (killedAt === 0 && stored && Number(stored[1]) > 1000) {
        killedAt = Number(stored[1]);
        kill();
      }
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThan(1000);
    expect(killedAt).toBeLessThan(rows);
    expect(await callCount()).toBe(0);

    const finished = await runCli();
    expect(finished.code, finished.out).toBe(0);
    expect(finished.out).toContain(`Imported ${rows} new calls`);
    expect(await callCount()).toBe(rows);
  }, 120_000);
});
