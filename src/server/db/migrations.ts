import type BetterSqlite3 from 'better-sqlite3';

/**
 * Versioned schema migrations, applied in order at start-up inside one transaction each. Append new
 * versions; never edit an applied one.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE organisations (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisations(id),
        name TEXT NOT NULL
      );
      CREATE TABLE api_keys (
        id INTEGER PRIMARY KEY,
        key_hash TEXT NOT NULL UNIQUE,
        key_prefix TEXT NOT NULL,
        organisation_id INTEGER NOT NULL REFERENCES organisations(id),
        project_id INTEGER REFERENCES projects(id),
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE agents (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        agent_name TEXT NOT NULL
      );
      CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        agent_id INTEGER REFERENCES agents(id),
        timestamp TEXT NOT NULL,
        ts_ms INTEGER NOT NULL,
        duration REAL,
        success INTEGER,
        is_reviewed INTEGER NOT NULL DEFAULT 0,
        call_ended_reason TEXT,
        dropoff_point TEXT,
        topic TEXT,
        customer_number TEXT,
        call_id TEXT,
        metadata TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX calls_project_ts ON calls (project_id, ts_ms);
      CREATE TABLE metrics (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        description TEXT,
        type TEXT NOT NULL,
        eval_type TEXT NOT NULL,
        enum_values TEXT,
        function_name TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE metric_agents (
        metric_id INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
        agent_id INTEGER NOT NULL REFERENCES agents(id),
        PRIMARY KEY (metric_id, agent_id)
      );
      CREATE TABLE metric_evaluations (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id),
        metric_id INTEGER NOT NULL REFERENCES metrics(id),
        value_num REAL,
        value_text TEXT,
        ts_ms INTEGER NOT NULL
      );
      CREATE INDEX metric_evaluations_metric_ts ON metric_evaluations (metric_id, ts_ms);
      CREATE INDEX metric_evaluations_call ON metric_evaluations (call_id);
      CREATE TABLE dashboards (
        id INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisations(id),
        project_id INTEGER REFERENCES projects(id),
        name TEXT,
        filters TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX dashboards_org_project ON dashboards (organisation_id, project_id);
      CREATE TABLE widgets (
        id INTEGER PRIMARY KEY,
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        name TEXT,
        filters TEXT,
        chart_type TEXT NOT NULL,
        data_type TEXT,
        field TEXT NOT NULL DEFAULT '',
        metric_id INTEGER REFERENCES metrics(id),
        time_period TEXT,
        aggregation_function TEXT,
        group_by TEXT,
        metadata TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX widgets_dashboard ON widgets (dashboard_id);
    `,
  },
  {
    // Chart-data covering indexes (docs/decisions/0002): every chart over a time window reads only
    // these, never the wide call rows (metadata JSON, ISO strings) or the evaluation table.
    version: 2,
    sql: `
      CREATE INDEX calls_chart_cover ON calls (
        project_id, ts_ms, agent_id, success, is_reviewed, duration, call_ended_reason, topic, dropoff_point
      );
      CREATE INDEX metric_evaluations_chart_cover ON metric_evaluations (
        metric_id, ts_ms, value_num, value_text, call_id
      );
    `,
  },
  {
    // Ids are never reused (issue 11): without AUTOINCREMENT SQLite hands out max(id) + 1, so the id of
    // a deleted newest dashboard or widget went to the next one created, and links, open editors and
    // drafts kept by id then pointed at another object. SQLite cannot add AUTOINCREMENT to a table, so
    // both are rebuilt with every row and id; copying the ids sets the counters to the largest one.
    // The new tables are filled before the old ones are dropped: dropping `dashboards` while a table
    // that references it has rows would cascade into them. Renaming `dashboards_v3` rewrites the
    // reference in `widgets_v3`.
    version: 3,
    sql: `
      CREATE TABLE dashboards_v3 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        organisation_id INTEGER NOT NULL REFERENCES organisations(id),
        project_id INTEGER REFERENCES projects(id),
        name TEXT,
        filters TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      INSERT INTO dashboards_v3 (id, organisation_id, project_id, name, filters, created_at, updated_at)
        SELECT id, organisation_id, project_id, name, filters, created_at, updated_at FROM dashboards;
      CREATE TABLE widgets_v3 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dashboard_id INTEGER NOT NULL REFERENCES dashboards_v3(id) ON DELETE CASCADE,
        name TEXT,
        filters TEXT,
        chart_type TEXT NOT NULL,
        data_type TEXT,
        field TEXT NOT NULL DEFAULT '',
        metric_id INTEGER REFERENCES metrics(id),
        time_period TEXT,
        aggregation_function TEXT,
        group_by TEXT,
        metadata TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      INSERT INTO widgets_v3 (id, dashboard_id, name, filters, chart_type, data_type, field, metric_id,
          time_period, aggregation_function, group_by, metadata, created_at, updated_at)
        SELECT id, dashboard_id, name, filters, chart_type, data_type, field, metric_id,
          time_period, aggregation_function, group_by, metadata, created_at, updated_at FROM widgets;
      DROP TABLE widgets;
      DROP TABLE dashboards;
      ALTER TABLE dashboards_v3 RENAME TO dashboards;
      ALTER TABLE widgets_v3 RENAME TO widgets;
      CREATE INDEX dashboards_org_project ON dashboards (organisation_id, project_id);
      CREATE INDEX widgets_dashboard ON widgets (dashboard_id);
    `,
  },
  {
    // Version history (issue 16): one row per write that changed a dashboard, holding the dashboard
    // as it was after it (wire form, widgets and layout included). No foreign key to dashboards: the
    // history outlives a deleted dashboard (trash), and `organisation_id` scopes it on its own.
    version: 4,
    sql: `
      CREATE TABLE dashboard_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dashboard_id INTEGER NOT NULL,
        organisation_id INTEGER NOT NULL,
        author TEXT,
        summary TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        restored_from INTEGER,
        created_at TEXT NOT NULL
      );
      CREATE INDEX dashboard_versions_dashboard ON dashboard_versions (dashboard_id, id);
    `,
  },
  {
    // Trash (issue 16): a deleted dashboard (with its widgets) or widget, as its rows were, for 30 days.
    version: 5,
    sql: `
      CREATE TABLE trash (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        organisation_id INTEGER NOT NULL,
        project_id INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('dashboard', 'widget')),
        object_id INTEGER NOT NULL,
        dashboard_id INTEGER NOT NULL,
        name TEXT,
        widget_count INTEGER NOT NULL,
        rows TEXT NOT NULL,
        deleted_by TEXT,
        deleted_at TEXT NOT NULL
      );
      CREATE INDEX trash_organisation ON trash (organisation_id, deleted_at);
    `,
  },
  {
    // Saved views of a dashboard (issue 17, ADR 0016). `IF NOT EXISTS`: a database that ran the routes
    // of the branch that introduced them already has the table.
    version: 6,
    sql: `
      CREATE TABLE IF NOT EXISTS saved_views (
        id INTEGER PRIMARY KEY,
        dashboard_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (dashboard_id, name)
      );
    `,
  },
  {
    // Version history in forwarding mode (issue 16, ADR 0020): versions of the writes the gateway
    // forwarded, from the upstream's answers. `scope` is an HMAC of the upstream base URL and the key
    // (never the key), under a random per-database secret, so two keys' histories never meet.
    version: 7,
    sql: `
      CREATE TABLE gateway_secret (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        secret BLOB NOT NULL
      );
      CREATE TABLE gateway_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        scope TEXT NOT NULL,
        dashboard_id INTEGER NOT NULL,
        summary TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        restored_from INTEGER,
        created_at TEXT NOT NULL
      );
      CREATE INDEX gateway_versions_dashboard ON gateway_versions (scope, dashboard_id, id);
    `,
  },
];

/**
 * Applies every migration newer than the database's version. Returns the versions applied. Tests pass
 * a prefix of `MIGRATIONS` to build a database as an older release left it.
 */
export function migrate(
  db: BetterSqlite3.Database,
  migrations: readonly { version: number; sql: string }[] = MIGRATIONS,
): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as
    { version: number | null } | undefined;
  const current = row?.version ?? 0;
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        new Date().toISOString(),
      );
    })();
    applied.push(migration.version);
  }
  return applied;
}
