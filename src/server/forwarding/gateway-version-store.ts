import type BetterSqlite3 from 'better-sqlite3';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import type { DashboardVersionListItem, VersionRetention } from '../../contract/dashboard-version-schema.ts';
import {
  describeDashboardChanges,
  summariseDashboardChanges,
} from '../../contract/describe-dashboard-changes.ts';
import { readJsonColumn } from '../db/json-column.ts';
import { versionsToPrune } from '../history/version-retention.ts';
import { EARLIEST_SUMMARY, rowsChangingWidget } from '../history/version-store.ts';

interface GatewayVersionRow {
  id: number;
  scope: string;
  dashboard_id: number;
  summary: string;
  snapshot: string;
  restored_from: number | null;
  created_at: string;
}

// The gateway knows no key labels: who made a change is not recorded (author null).
function listItem(row: GatewayVersionRow): DashboardVersionListItem {
  return {
    id: row.id,
    dashboard: row.dashboard_id,
    author: null,
    created_at: row.created_at,
    summary: row.summary,
    restored_from: row.restored_from,
  };
}

function parseSnapshot(text: string): Dashboard | null {
  const parsed = DashboardSchema.safeParse(readJsonColumn(text));
  return parsed.success ? parsed.data : null;
}

/** Versions of one dashboard in one scope, newest first; `widgetId` keeps those that changed that widget. */
export function listGatewayVersions(
  sqlite: BetterSqlite3.Database,
  scope: string,
  dashboardId: number,
  widgetId: number | null = null,
): DashboardVersionListItem[] {
  const rows = sqlite
    .prepare('SELECT * FROM gateway_versions WHERE scope = ? AND dashboard_id = ? ORDER BY id DESC')
    .all(scope, dashboardId) as GatewayVersionRow[];
  return (widgetId === null ? rows : rowsChangingWidget(rows, widgetId)).map(listItem);
}

/** One version with its snapshot; undefined when it is not this scope's version of this dashboard. */
export function findGatewayVersion(
  sqlite: BetterSqlite3.Database,
  scope: string,
  dashboardId: number,
  versionId: number,
): (DashboardVersionListItem & { snapshot: Dashboard }) | undefined {
  const row = sqlite
    .prepare('SELECT * FROM gateway_versions WHERE id = ? AND scope = ? AND dashboard_id = ?')
    .get(versionId, scope, dashboardId) as GatewayVersionRow | undefined;
  const snapshot = row ? parseSnapshot(row.snapshot) : null;
  return row && snapshot ? { ...listItem(row), snapshot } : undefined;
}

/** The newest version's id and state, or null when this scope has no history of the dashboard. */
export function latestGatewayVersion(
  sqlite: BetterSqlite3.Database,
  scope: string,
  dashboardId: number,
): { id: number; snapshot: Dashboard | null } | null {
  const row = sqlite
    .prepare(
      'SELECT id, snapshot FROM gateway_versions WHERE scope = ? AND dashboard_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(scope, dashboardId) as { id: number; snapshot: string } | undefined;
  return row ? { id: row.id, snapshot: parseSnapshot(row.snapshot) } : null;
}

/**
 * The dashboard (of this scope's history) whose newest version holds widget `widgetId`, or null: a
 * widget write learns its dashboard here before it is forwarded, without asking the upstream.
 */
export function dashboardOfGatewayWidget(
  sqlite: BetterSqlite3.Database,
  scope: string,
  widgetId: number,
): number | null {
  const id = sqlite
    .prepare(
      `SELECT v.dashboard_id FROM gateway_versions v
       WHERE v.scope = ? AND v.id = (SELECT MAX(id) FROM gateway_versions WHERE scope = v.scope AND dashboard_id = v.dashboard_id)
         AND EXISTS (SELECT 1 FROM json_each(v.snapshot, '$.widgets') WHERE json_extract(value, '$.id') = ?)
       ORDER BY v.id DESC LIMIT 1`,
    )
    .pluck()
    .get(scope, widgetId) as number | undefined;
  return id ?? null;
}

export interface GatewayVersionWrite {
  scope: string;
  now: Date;
  retention: VersionRetention;
  /** The state before the write, recorded first when the dashboard has no history in this scope yet. */
  before: Dashboard | null;
  restoredFrom?: number | null;
}

/**
 * Records `state` (the dashboard after a forwarded write that succeeded upstream) as a new version,
 * in one transaction with the earliest state (`before`, first change only) and retention. A state
 * equal to the newest version (timestamps ignored) records nothing. Returns the newest version's id.
 */
export function recordGatewayVersion(
  sqlite: BetterSqlite3.Database,
  state: Dashboard,
  write: GatewayVersionWrite,
): number | null {
  const insert = sqlite.prepare(
    `INSERT INTO gateway_versions (scope, dashboard_id, summary, snapshot, restored_from, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return sqlite.transaction(() => {
    let latest = latestGatewayVersion(sqlite, write.scope, state.id);
    if (latest === null && write.before !== null) {
      const at = write.before.updated_at ?? write.now.toISOString();
      const row = insert.run(write.scope, state.id, EARLIEST_SUMMARY, JSON.stringify(write.before), null, at);
      latest = { id: Number(row.lastInsertRowid), snapshot: write.before };
    }
    const previous = latest?.snapshot ?? null;
    const changes = describeDashboardChanges(previous, state);
    if (latest !== null && previous !== null && changes.length === 0) return latest.id;
    const restoredFrom = write.restoredFrom ?? null;
    const summary = summariseDashboardChanges(changes);
    const row = insert.run(
      write.scope,
      state.id,
      restoredFrom === null ? summary : `Restored version ${restoredFrom}: ${summary}`,
      JSON.stringify(state),
      restoredFrom,
      write.now.toISOString(),
    );
    const kept = sqlite
      .prepare('SELECT id, created_at FROM gateway_versions WHERE scope = ? AND dashboard_id = ?')
      .all(write.scope, state.id) as { id: number; created_at: string }[];
    const remove = sqlite.prepare('DELETE FROM gateway_versions WHERE id = ?');
    for (const id of versionsToPrune(kept, write.now, write.retention)) remove.run(id);
    return Number(row.lastInsertRowid);
  })();
}
