import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueryTimeoutError } from './query-time-limit.ts';
import { limitsFromNow, openAnalytics, queryRows, type AnalyticsDatabase } from './analytics-database.ts';
import { ANALYTICS_SCHEMA_VERSION } from './analytics-schema.ts';
import { insertTestCall } from '../test-support/analytics-rows.ts';
import { openRowAppender } from './row-appender.ts';

let dir: string;
const open: AnalyticsDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'widget-studio-analytics-'));
});
afterEach(async () => {
  const closing = open.splice(0);
  for (const analytics of closing) analytics.close();
  await Promise.all(closing.map((analytics) => analytics.released()));
  rmSync(dir, { recursive: true, force: true });
});

function opened(path = ':memory:', connections?: number): AnalyticsDatabase {
  const analytics = openAnalytics(path, connections === undefined ? {} : { connections });
  open.push(analytics);
  return analytics;
}

const count = (analytics: AnalyticsDatabase) =>
  analytics.read(null, async (connection) =>
    Number((await queryRows(connection, 'SELECT count(*) FROM calls'))[0]?.[0]),
  );

const EMPTY_CALL = {
  id: 0,
  project_id: 1,
  agent_id: null,
  ts_ms: 1_700_000_000_000,
  duration: null,
  success: null,
  is_reviewed: 0,
  call_ended_reason: null,
  dropoff_point: null,
  topic: null,
  customer_number: null,
  call_id: null,
  metadata: null,
  created_ms: 0,
} as const;

async function addCall(analytics: AnalyticsDatabase, id: number): Promise<void> {
  await insertTestCall(analytics, { id, project_id: 1, ts_ms: 1_700_000_000_000 + id });
}

describe('openAnalytics', () => {
  it('creates the schema and keeps it across reopening', async () => {
    const path = join(dir, 'a.duckdb');
    const first = openAnalytics(path);
    await addCall(first, 1);
    first.close();
    await first.released();
    const second = opened(path);
    expect(await count(second)).toBe(1);
  });

  it('refuses a file of a newer schema, naming the path, and leaves it as it was', async () => {
    const path = join(dir, 'newer.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(
      `CREATE TABLE analytics_schema (version INTEGER NOT NULL); INSERT INTO analytics_schema VALUES (${ANALYTICS_SCHEMA_VERSION + 1})`,
    );
    connection.closeSync();
    instance.closeSync();
    const analytics = opened(path);
    await expect(analytics.ready()).rejects.toThrow(
      `the analytics file ${path} was written by a newer Widget Studio`,
    );
    await expect(count(analytics)).rejects.toThrow(path);
  });

  it('lands a write whole or not at all', async () => {
    const analytics = opened();
    await addCall(analytics, 1);
    await expect(
      analytics.write(async (connection) => {
        await connection.run('DELETE FROM calls');
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await count(analytics)).toBe(1);
  });

  it('holds reads back until a barrier write has landed, and moves the generation when a write commits', async () => {
    const analytics = opened();
    const before = analytics.generation();
    const barrier = analytics.write(
      async (connection) => {
        const appender = await openRowAppender(connection);
        for (const id of [1, 2, 3]) appender.call({ ...EMPTY_CALL, id });
        await appender.close();
      },
      { barrier: true },
    );
    expect(await count(analytics)).toBe(3);
    await barrier;
    expect(analytics.generation()).toBe(before + 1);
    await addCall(analytics, 9);
    expect(analytics.generation()).toBe(before + 2);
    expect(await count(analytics)).toBe(4);
  });

  it('stops a read at its time limit and when its signal aborts; the connection stays usable', async () => {
    const analytics = opened(':memory:', 1);
    await analytics.ready();
    const endless = 'SELECT count(*) FROM range(100000000000) a';
    await expect(
      analytics.read(limitsFromNow(100), (connection) => queryRows(connection, endless)),
    ).rejects.toBeInstanceOf(QueryTimeoutError);
    const client = new AbortController();
    const aborted = analytics.read(limitsFromNow(600_000, client.signal), (connection) =>
      queryRows(connection, endless),
    );
    setTimeout(() => client.abort(new Error('client gone')), 50);
    await expect(aborted).rejects.toThrow('client gone');
    // One connection: this read runs only because the aborted query was really interrupted.
    expect(await count(analytics)).toBe(0);
  });
});
