import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAnalytics, type AnalyticsDatabase } from './analytics-database.ts';
import { moveLegacyCalls } from './legacy-calls.ts';
import { queryAnalytics } from '../test-support/analytics-rows.ts';

const open: AnalyticsDatabase[] = [];
afterEach(async () => {
  const closing = open.splice(0);
  for (const analytics of closing) analytics.close();
  await Promise.all(closing.map((analytics) => analytics.released()));
});

/** A SQLite file from before the analytics store: its `calls` and `metric_evaluations` tables. */
function legacySqlite(): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.exec(`
    CREATE TABLE calls (
      id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, agent_id INTEGER, timestamp TEXT NOT NULL,
      ts_ms INTEGER NOT NULL, duration REAL, success INTEGER, is_reviewed INTEGER NOT NULL DEFAULT 0,
      call_ended_reason TEXT, dropoff_point TEXT, topic TEXT, customer_number TEXT, call_id TEXT,
      metadata TEXT, created_at TEXT NOT NULL
    );
    CREATE TABLE metric_evaluations (
      id INTEGER PRIMARY KEY, call_id INTEGER NOT NULL, metric_id INTEGER NOT NULL, value_num REAL,
      value_text TEXT, ts_ms INTEGER NOT NULL
    );
  `);
  const call = sqlite.prepare(
    `INSERT INTO calls (id, project_id, agent_id, timestamp, ts_ms, duration, success, is_reviewed,
       call_ended_reason, dropoff_point, topic, customer_number, call_id, metadata, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  call.run(
    7,
    1,
    3,
    '2026-01-02T03:04:05Z',
    1_767_323_045_000,
    12.5,
    5,
    2,
    'hangup',
    'greeting',
    'billing',
    '+15550100',
    'provider-7',
    '{"region":"eu"}',
    '2026-01-02T03:05:00.000Z',
  );
  call.run(
    8,
    2,
    null,
    '2026-01-03T00:00:00Z',
    1_767_398_400_000,
    null,
    null,
    0,
    null,
    null,
    null,
    null,
    null,
    null,
    'not a date',
  );
  sqlite
    .prepare(
      'INSERT INTO metric_evaluations (call_id, metric_id, value_num, value_text, ts_ms) VALUES (?, ?, ?, ?, ?)',
    )
    .run(7, 4, 0.5, null, 1_767_323_045_000);
  return sqlite;
}

describe('moveLegacyCalls', () => {
  it('moves every column of the old SQLite calls and evaluations into the analytics store', async () => {
    const sqlite = legacySqlite();
    const analytics = openAnalytics(':memory:');
    open.push(analytics);

    expect(await moveLegacyCalls(sqlite, analytics)).toBe(2);

    const columns =
      'id, project_id, agent_id, ts_ms, duration, success, is_reviewed, call_ended_reason, dropoff_point, topic, customer_number, call_id, metadata, created_ms';
    expect(await queryAnalytics({ analytics }, `SELECT ${columns} FROM calls ORDER BY id`)).toEqual([
      {
        id: 7,
        project_id: 1,
        agent_id: 3,
        ts_ms: 1_767_323_045_000,
        duration: 12.5,
        success: 1,
        is_reviewed: 1,
        call_ended_reason: 'hangup',
        dropoff_point: 'greeting',
        topic: 'billing',
        customer_number: '+15550100',
        call_id: 'provider-7',
        metadata: '{"region":"eu"}',
        created_ms: Date.parse('2026-01-02T03:05:00.000Z'),
      },
      {
        id: 8,
        project_id: 2,
        agent_id: null,
        ts_ms: 1_767_398_400_000,
        duration: null,
        success: null,
        is_reviewed: 0,
        call_ended_reason: null,
        dropoff_point: null,
        topic: null,
        customer_number: null,
        call_id: null,
        metadata: null,
        // An unreadable creation time falls back to the call's own time.
        created_ms: 1_767_398_400_000,
      },
    ]);
    expect(
      await queryAnalytics(
        { analytics },
        'SELECT call_id, metric_id, value_num, value_text, ts_ms FROM metric_evaluations',
      ),
    ).toEqual([{ call_id: 7, metric_id: 4, value_num: 0.5, value_text: null, ts_ms: 1_767_323_045_000 }]);
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual([]);
  });
});
