import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDashboard, duplicateDashboard } from './dashboard-store.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { snapshotDatabase } from '../test-support/snapshot-database.ts';
import { deleteWidget, insertWidget, updateWidget, type WidgetValues } from './widget-store.ts';

// The store writes that follow a read carry the version they read, so that the check and the write
// are one statement: a route cannot be interleaved between them (write-races.test.ts shows the
// routes over HTTP; these pin the statements themselves).

const STALE_VERSION = '2000-01-01T00:00:00.000Z';
const NOW = '2026-08-20T12:00:00.000Z';

let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 0 });
});
afterAll(() => server.close());

function row(table: 'dashboards' | 'widgets', id: number) {
  return server.database.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
    { id: number; updated_at: string } | undefined;
}

const values = (dashboardId: number): WidgetValues => ({
  dashboard_id: dashboardId,
  name: 'w',
  filters: null,
  chart_type: 'stat',
  data_type: null,
  field: '',
  metric_id: null,
  time_period: null,
  aggregation_function: null,
  group_by: null,
  metadata: null,
});

function newDashboard(): number {
  const result = server.database.sqlite
    .prepare('INSERT INTO dashboards (organisation_id, name, created_at, updated_at) VALUES (1, ?, ?, ?)')
    .run('d', NOW, NOW);
  return Number(result.lastInsertRowid);
}

describe('versioned store writes', () => {
  it('a widget update or delete on a stale version writes nothing', () => {
    const id = insertWidget(server.database.sqlite, values(1), NOW) ?? -1;
    const before = snapshotDatabase(server.database);
    expect(updateWidget(server.database.sqlite, id, { ...values(1), name: 'x' }, NOW, STALE_VERSION)).toBe(
      false,
    );
    expect(deleteWidget(server.database.sqlite, id, STALE_VERSION)).toBe(false);
    expect(snapshotDatabase(server.database)).toBe(before);
    expect(deleteWidget(server.database.sqlite, id, NOW)).toBe(true);
    expect(row('widgets', id)).toBeUndefined();
  });

  it('a dashboard delete or duplicate on a stale version writes nothing', () => {
    const id = newDashboard();
    insertWidget(server.database.sqlite, values(id), NOW);
    const before = snapshotDatabase(server.database);
    expect(deleteDashboard(server.database.sqlite, id, STALE_VERSION)).toBe(false);
    expect(
      duplicateDashboard(server.database.sqlite, { id, expectedUpdatedAt: STALE_VERSION }, 'c', NOW),
    ).toBe(null);
    expect(snapshotDatabase(server.database)).toBe(before);
    expect(deleteDashboard(server.database.sqlite, id, NOW)).toBe(true);
    expect(row('dashboards', id)).toBeUndefined();
  });

  it('a widget written into a deleted dashboard writes nothing (no FOREIGN KEY error)', () => {
    const id = newDashboard();
    const widgetId = insertWidget(server.database.sqlite, values(1), NOW) ?? -1;
    expect(deleteDashboard(server.database.sqlite, id, NOW)).toBe(true);
    const before = snapshotDatabase(server.database);
    expect(insertWidget(server.database.sqlite, values(id), NOW)).toBeNull();
    expect(updateWidget(server.database.sqlite, widgetId, values(id), NOW, NOW)).toBe(false);
    expect(snapshotDatabase(server.database)).toBe(before);
  });
});
