import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportBusyError } from './call-ingest-store.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { seedDatabase } from '../seed/seed-database.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { countAnalyticsRows, queryAnalytics } from '../test-support/analytics-rows.ts';
import { exportedCallLines } from '../test-support/export-call-lines.ts';
import { runImport, type ImportOptions } from './run-import.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const DAY = 86_400_000;
let source: TestServer;
let lines: string[];
beforeAll(async () => {
  source = createTestServer({ calls: 300, now: NOW });
  lines = await exportedCallLines(source.database, 1, NOW.getTime() - 50 * DAY, NOW.getTime());
});
afterAll(() => source.close());

/** A database like the source one (same projects, agents and metrics) without calls. */
function emptyTarget(path = ':memory:'): OpenDatabase {
  const database = openDatabase(path);
  seedDatabase(database, { calls: 0, now: NOW });
  return database;
}

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 4096) {
    await Promise.resolve();
    yield bytes.slice(i, i + 4096);
  }
}

const options = (more: Partial<ImportOptions> = {}): ImportOptions => ({
  projectId: 1,
  format: 'json',
  skipInvalid: false,
  redact: false,
  totalBytes: null,
  now: () => NOW,
  ...more,
});

const callCount = (database: OpenDatabase) => countAnalyticsRows(database, 'calls');
const evaluationCount = (database: OpenDatabase) => countAnalyticsRows(database, 'metric_evaluations');

describe('runImport', () => {
  it('imports an export with its evaluations, and importing it again changes nothing', async () => {
    const target = emptyTarget();
    const first = await runImport(target, bytesOf(lines.join('\n')), options());
    expect(first).toMatchObject({ outcome: 'committed', stored: lines.length, unchanged: 0, invalidRows: 0 });
    const fingerprint = (database: OpenDatabase) =>
      queryAnalytics(
        database,
        `SELECT c.call_id, c.ts_ms, c.success, c.agent_id, c.metadata, round(c.duration) AS duration,
           string_agg(me.metric_id || '=' || coalesce(CAST(me.value_num AS VARCHAR), '') || '/' || coalesce(me.value_text, ''), ',' ORDER BY me.metric_id) AS evaluations
         FROM calls c LEFT JOIN metric_evaluations me ON me.call_id = c.id WHERE c.project_id = 1
         GROUP BY c.id, c.call_id, c.ts_ms, c.success, c.agent_id, c.metadata, c.duration ORDER BY c.call_id`,
      );
    const imported = await fingerprint(target);
    expect(imported.length).toBe(lines.length);
    expect(imported).toEqual(await fingerprint(source.database));
    const evaluations = await evaluationCount(target);
    const again = await runImport(target, bytesOf(lines.join('\n')), options());
    expect(again).toMatchObject({ outcome: 'committed', stored: 0, unchanged: lines.length });
    expect([await callCount(target), await evaluationCount(target)]).toEqual([lines.length, evaluations]);
  });

  it('reads pages of the v2 list in a JSON array', async () => {
    const target = emptyTarget();
    const pages = [lines.slice(0, 100), lines.slice(100)].map(
      (page) => `{"count":${lines.length},"results":[${page.join(',')}]}`,
    );
    const report = await runImport(target, bytesOf(`[${pages.join(',\n')}]`), options());
    expect(report.stored).toBe(lines.length);
  });

  it('stores nothing of a file with an invalid row, and reports every invalid row with its line', async () => {
    const target = emptyTarget();
    const rows = [...lines.slice(0, 600)];
    rows.splice(2, 0, '{"topic":"no id"}');
    rows.push('{"call_id":"x1","agent":99}', '{"call_id":"x2","metrics":[{"name":"Nope","value":1}]}');
    const report = await runImport(target, bytesOf(rows.join('\n')), options({ batchSize: 50 }));
    expect(report).toMatchObject({ outcome: 'rolled-back', stored: 0, invalidRows: 3 });
    expect(report.problems.map((p) => [p.where, p.message])).toEqual([
      ['line 3', 'call_id: This field is required.'],
      [`line ${rows.length - 1}`, 'agent: Unknown agent id 99 in this project.'],
      // Named without its type: nothing to create it from.
      [`line ${rows.length}`, 'metrics: Unknown metric "Nope" in this project.'],
    ]);
    expect(await callCount(target)).toBe(0);

    const skipping = await runImport(
      target,
      bytesOf(rows.join('\n')),
      options({ skipInvalid: true, batchSize: 50 }),
    );
    expect(skipping).toMatchObject({ outcome: 'committed', stored: lines.length, skipped: 3 });
    expect(await callCount(target)).toBe(lines.length);
  });

  it('creates the agents and metrics rows name but the project lacks, and lists them (ADR 0019)', async () => {
    const target = emptyTarget();
    const rows = [
      '{"call_id":"n1","agent_name":"Night Shift","metrics":[{"name":"Empathy","type":"numeric","value":"3"}]}',
      // An id from another database with a name this project now has: matched by the name.
      '{"call_id":"n2","agent":4242,"agent_name":"Night Shift","metrics":[{"id":777,"name":"Empathy","value":4}]}',
      '{"call_id":"n3","agent_name":"Billing Assistant"}',
    ];
    const report = await runImport(target, bytesOf(rows.join('\n')), options());
    expect(report).toMatchObject({ outcome: 'committed', stored: 3, invalidRows: 0 });
    expect(report.created).toEqual({ agents: ['Night Shift'], metrics: ['Empathy'] });
    const agent = target.sqlite
      .prepare("SELECT id FROM agents WHERE project_id = 1 AND agent_name = 'Night Shift'")
      .all();
    const metric = target.sqlite
      .prepare("SELECT id, eval_type FROM metrics WHERE project_id = 1 AND name = 'Empathy'")
      .all();
    expect([agent.length, metric]).toEqual([1, [expect.objectContaining({ eval_type: 'numeric' })]]);
    expect(
      await queryAnalytics(
        target,
        `SELECT c.call_id, c.agent_id, me.value_num FROM calls c
         LEFT JOIN metric_evaluations me ON me.call_id = c.id ORDER BY c.call_id`,
      ),
    ).toEqual([
      { call_id: 'n1', agent_id: (agent[0] as { id: number }).id, value_num: 3 },
      { call_id: 'n2', agent_id: (agent[0] as { id: number }).id, value_num: 4 },
      { call_id: 'n3', agent_id: 1, value_num: null },
    ]);
  });

  it('removes the agents and metrics it created when it stores nothing', async () => {
    const target = emptyTarget();
    const catalogue = () => [
      target.sqlite.prepare('SELECT id, agent_name FROM agents ORDER BY id').all(),
      target.sqlite.prepare('SELECT id, name FROM metrics ORDER BY id').all(),
    ];
    const before = catalogue();
    const rows = [
      '{"call_id":"r1","agent_name":"Night Shift","metrics":[{"name":"Empathy","type":"binary","value":true}]}',
      '{"call_id":"r2","agent":99}',
    ];
    const report = await runImport(target, bytesOf(rows.join('\n')), options());
    expect(report).toMatchObject({ outcome: 'rolled-back', invalidRows: 1 });
    expect(report.created).toEqual({ agents: [], metrics: [] });
    expect(catalogue()).toEqual(before);
    expect(await callCount(target)).toBe(0);
  });

  it('reports call_ids repeated within the file and stores them once', async () => {
    const target = emptyTarget();
    const rows = [lines[0], lines[1], lines[0]].join('\n');
    const report = await runImport(target, bytesOf(rows), options());
    expect(report).toMatchObject({ stored: 2, unchanged: 0, duplicateRows: 1 });
    expect(report.duplicates[0]?.where).toBe('line 3');
  });

  // Each batch checks earlier imports in the store and this import's own calls in memory (ADR 0019).
  it('tells calls stored by an earlier import from repeats across batches of this one', async () => {
    const target = emptyTarget();
    await runImport(target, bytesOf(lines.slice(0, 4).join('\n')), options());
    const pick = (indexes: number[]) => indexes.map((i) => lines[i] ?? '').join('\n');
    const report = await runImport(target, bytesOf(pick([2, 4, 4, 0, 5, 4])), options({ batchSize: 2 }));
    expect(report).toMatchObject({ outcome: 'committed', stored: 2, unchanged: 2, duplicateRows: 2 });
    expect(report.duplicates.map((d) => d.where)).toEqual(['line 3', 'line 6']);
    expect(await callCount(target)).toBe(6);
  });

  it('leaves the database as it was when the file breaks off half-way', async () => {
    const target = emptyTarget();
    const text = `${lines.join('\n')}\n{"call_id":"cut", "topic": "a`;
    const report = await runImport(target, bytesOf(text), options({ batchSize: 10 }));
    expect(report.fatal).toBe(
      `Line ${lines.length + 1}: the file ends inside this record (is it truncated?).`,
    );
    expect(report.outcome).toBe('rolled-back');
    expect([await callCount(target), await evaluationCount(target)]).toEqual([0, 0]);
  });

  it('masks customer numbers with redact', async () => {
    const target = emptyTarget();
    await runImport(
      target,
      bytesOf('{"call_id":"r1","customer_number":"+14155550123","transcript":"hi"}'),
      options({ redact: true }),
    );
    expect(await queryAnalytics(target, 'SELECT customer_number FROM calls')).toEqual([
      { customer_number: '********0123' },
    ]);
  });

  it('reports progress with a rate and the time left', async () => {
    const target = emptyTarget();
    const text = lines.join('\n');
    let clock = NOW.getTime();
    const seen: number[] = [];
    const report = await runImport(
      target,
      bytesOf(text),
      options({
        totalBytes: new TextEncoder().encode(text).length,
        now: () => new Date((clock += 10)),
        progressEveryMs: 0,
        onProgress: (p) => seen.push(p.etaMs ?? -1),
      }),
    );
    expect(seen.length).toBeGreaterThan(1);
    expect(report.rowsPerSecond).toBeGreaterThan(0);
    expect(report.etaMs).toBe(0);
  });

  it('refuses a second import into the same database while one is running', async () => {
    const target = emptyTarget();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`${lines[0] ?? ''}\n`);
      await gate;
      yield new TextEncoder().encode(`${lines[1] ?? ''}\n`);
    }
    const running = runImport(target, slow(), options({ batchSize: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(runImport(target, bytesOf(lines.join('\n')), options())).rejects.toBeInstanceOf(
      ImportBusyError,
    );
    release();
    expect((await running).stored).toBe(2);
    expect(await callCount(target)).toBe(2);
    target.close();
  });
});
