import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertTestCall } from '../test-support/analytics-rows.ts';
import { openAnalytics, queryRows, type AnalyticsDatabase } from './analytics-database.ts';
import { ANALYTICS_MIGRATIONS, METADATA_SLOT_COUNT } from './analytics-schema.ts';

let dir: string;
const open: AnalyticsDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'widget-studio-slots-'));
});
afterEach(async () => {
  const closing = open.splice(0);
  for (const analytics of closing) analytics.close();
  await Promise.all(closing.map((analytics) => analytics.released()));
  rmSync(dir, { recursive: true, force: true });
});

function opened(path = ':memory:'): AnalyticsDatabase {
  const analytics = openAnalytics(path);
  open.push(analytics);
  return analytics;
}

const METADATA = [
  { language: 'en', region: 'EU', score: 1.5, nested: { a: [1, 2] }, flag: true },
  { language: 'fr', region: null },
  { language: 'Ünïcode "quoted"', other: 'x' },
  {},
];

/** Every promoted column beside the JSON path it stands for, per call. */
async function promotedBesideJson(analytics: AnalyticsDatabase) {
  const columns = [...analytics.metadataColumns().entries()];
  return analytics.read(null, (connection) =>
    queryRows(
      connection,
      `SELECT id, ${columns.map(([, column]) => `${column}, json_extract_string(metadata, ?)`).join(', ')} FROM calls ORDER BY id`,
      columns.map(([key]) => `$.${key}`),
    ),
  );
}

function expectColumnsMatchJson(rows: unknown[][]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows)
    for (let i = 1; i < row.length; i += 2)
      expect({ id: row[0], value: row[i] }).toEqual({ id: row[0], value: row[i + 1] });
}

describe('promoted metadata columns', () => {
  it('promotes the keys a write brings and fills them with exactly what the JSON path reads', async () => {
    const analytics = opened();
    for (const [index, metadata] of METADATA.entries())
      await insertTestCall(analytics, {
        project_id: 1,
        ts_ms: 1_000 + index,
        metadata: JSON.stringify(metadata),
      });
    await insertTestCall(analytics, { project_id: 1, ts_ms: 2_000, metadata: null });

    expect([...analytics.metadataColumns().keys()].sort()).toEqual(
      ['flag', 'language', 'nested', 'other', 'region', 'score'].sort(),
    );
    const rows = await promotedBesideJson(analytics);
    expectColumnsMatchJson(rows);
    // Numbers, booleans and objects read as DuckDB's JSON text, as the JSON path does.
    const values = rows.flat();
    expect(values).toEqual(expect.arrayContaining(['1.5', 'true', '{"a":[1,2]}', 'Ünïcode "quoted"']));
  });

  it('fills a key promoted later for the calls stored before it, and stops at the slot count', async () => {
    const analytics = opened();
    await insertTestCall(analytics, { project_id: 1, ts_ms: 1, metadata: JSON.stringify({ early: 'a' }) });
    // A later call brings the key "a_late"; an earlier one already had it, unpromoted until now.
    await analytics.write(async (connection) => {
      await connection.run(`UPDATE calls SET metadata = '{"early":"a","a_late":"before"}'`);
    });
    const keys = Array.from({ length: METADATA_SLOT_COUNT + 3 }, (_, i) => [
      `k${String(i).padStart(2, '0')}`,
      i,
    ]);
    await insertTestCall(analytics, {
      project_id: 1,
      ts_ms: 2,
      metadata: JSON.stringify({ a_late: 'after', ...Object.fromEntries(keys) }),
    });
    const columns = analytics.metadataColumns();
    expect(columns.size).toBe(METADATA_SLOT_COUNT);
    expect(columns.has('a_late')).toBe(true);
    expect(new Set(columns.values()).size).toBe(METADATA_SLOT_COUNT);
    const rows = await promotedBesideJson(analytics);
    expect(rows).toHaveLength(2);
    expectColumnsMatchJson(rows);
  });

  it('promotes the keys of a file written before promoted columns existed, when it is opened', async () => {
    const path = join(dir, 'old.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE analytics_schema (version INTEGER NOT NULL)');
    const first = ANALYTICS_MIGRATIONS.find((migration) => migration.version === 1);
    await connection.run(first?.sql ?? '');
    await connection.run('INSERT INTO analytics_schema VALUES (1)');
    await connection.run(
      `INSERT INTO calls (id, project_id, ts_ms, is_reviewed, metadata, created_ms)
       VALUES (1, 1, 10, 0, '{"language":"de","tier":3}', 10), (2, 1, 11, 0, NULL, 11)`,
    );
    connection.closeSync();
    instance.closeSync();

    const analytics = opened(path);
    await analytics.ready();
    expect([...analytics.metadataColumns().keys()].sort()).toEqual(['language', 'tier']);
    const rows = await promotedBesideJson(analytics);
    expect(rows.map((row) => row.slice(1))).toEqual([
      expect.arrayContaining(['de', '3']),
      [null, null, null, null],
    ]);
    expectColumnsMatchJson(rows);
  });

  it('keeps nothing of a write that fails: no column promoted, no call stored', async () => {
    const analytics = opened();
    await expect(
      analytics.write(async (connection) => {
        await connection.run(
          `INSERT INTO calls (id, project_id, ts_ms, is_reviewed, metadata, created_ms) VALUES (1, 1, 1, 0, '{"k":"v"}', 1)`,
        );
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');
    expect(analytics.metadataColumns().size).toBe(0);
    const rows = await analytics.read(null, (connection) =>
      queryRows(connection, 'SELECT count(*) FROM metadata_slots'),
    );
    expect(Number(rows[0]?.[0])).toBe(0);
  });
});
