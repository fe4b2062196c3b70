import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './migrations.ts';

const T = '2026-01-01T00:00:00.000Z';

/** A database as release `version` left it: migrated that far, with rows in it. */
function databaseAtVersion(version: number): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  db.exec(`
    INSERT INTO organisations (id, name) VALUES (1, 'Org');
    INSERT INTO projects (id, organisation_id, name) VALUES (1, 1, 'P');
    INSERT INTO dashboards (id, organisation_id, project_id, name, filters, created_at, updated_at) VALUES
      (3, 1, 1, 'Three', '{"field":"success","op":"eq","value":true}', '${T}', '${T}'),
      (7, 1, NULL, 'Seven', NULL, '${T}', '${T}');
    INSERT INTO widgets (id, dashboard_id, name, chart_type, field, metadata, created_at, updated_at) VALUES
      (5, 3, 'Five', 'stat', '', '{"layout":{"x":0}}', '${T}', '${T}'),
      (9, 7, 'Nine', 'pie', 'topic', NULL, '${T}', '${T}');
  `);
  return db;
}

const all = (db: BetterSqlite3.Database, table: string) =>
  db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

describe('migration 3: ids are never reused', () => {
  it('keeps every dashboard and widget with its id, and the cascade from dashboards to widgets', () => {
    const db = databaseAtVersion(2);
    const before = { dashboards: all(db, 'dashboards'), widgets: all(db, 'widgets') };
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 3),
      ),
    ).toEqual([3]);
    expect({ dashboards: all(db, 'dashboards'), widgets: all(db, 'widgets') }).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(
      db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all('index'),
    ).toEqual(expect.arrayContaining(['dashboards_org_project', 'widgets_dashboard']));
    db.prepare('DELETE FROM dashboards WHERE id = 3').run();
    expect(all(db, 'widgets')).toEqual([before.widgets[1]]);
    expect(() =>
      db
        .prepare('INSERT INTO widgets (dashboard_id, chart_type, created_at, updated_at) VALUES (3, ?, ?, ?)')
        .run('stat', T, T),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('never hands out the id of a deleted newest row again', () => {
    const db = databaseAtVersion(2);
    migrate(db);
    db.prepare('DELETE FROM dashboards WHERE id = 7').run();
    const insertDashboard = db.prepare(
      'INSERT INTO dashboards (organisation_id, name, created_at, updated_at) VALUES (1, ?, ?, ?)',
    );
    expect(Number(insertDashboard.run('next', T, T).lastInsertRowid)).toBe(8);
    db.prepare('DELETE FROM dashboards WHERE id = 8').run();
    expect(Number(insertDashboard.run('after', T, T).lastInsertRowid)).toBe(9);
    db.prepare('DELETE FROM widgets WHERE id = 9').run();
    const widget = db
      .prepare('INSERT INTO widgets (dashboard_id, chart_type, created_at, updated_at) VALUES (3, ?, ?, ?)')
      .run('stat', T, T);
    expect(Number(widget.lastInsertRowid)).toBe(10);
    db.close();
  });

  it('runs once: a migrated database is left as it is', () => {
    const db = databaseAtVersion(MIGRATIONS.length);
    const before = all(db, 'widgets');
    expect(migrate(db)).toEqual([]);
    expect(all(db, 'widgets')).toEqual(before);
    db.close();
  });
});

describe('migration 4: dashboard versions', () => {
  it('adds an empty history that keeps its ids after a delete of the newest', () => {
    const db = databaseAtVersion(3);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 4),
      ),
    ).toEqual([4]);
    const insert = db.prepare(
      `INSERT INTO dashboard_versions (dashboard_id, organisation_id, summary, snapshot, created_at)
       VALUES (3, 1, 's', '{}', ?)`,
    );
    expect(Number(insert.run(T).lastInsertRowid)).toBe(1);
    db.prepare('DELETE FROM dashboard_versions WHERE id = 1').run();
    expect(Number(insert.run(T).lastInsertRowid)).toBe(2);
    db.close();
  });
});
