import type BetterSqlite3 from 'better-sqlite3';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import type { DashboardVersionListItem, VersionRetention } from '../../contract/dashboard-version-schema.ts';
import {
  describeDashboardChanges,
  summariseDashboardChanges,
} from '../../contract/describe-dashboard-changes.ts';
import type { DashboardRow } from '../store/dashboard-store.ts';
import { serializeDashboard } from '../store/dashboard-serializer.ts';
import { readJsonColumn } from '../db/json-column.ts';
import { versionsToPrune } from './version-retention.ts';
import type { WidgetRecord } from '../store/widget-store.ts';

const WIDGETS_OF_DASHBOARD = `SELECT w.*, d.filters AS dashboard_filters, d.project_id AS dashboard_project_id,
    m.name AS metric_name
  FROM widgets w JOIN dashboards d ON d.id = w.dashboard_id LEFT JOIN metrics m ON m.id = w.metric_id
  WHERE w.dashboard_id = ? ORDER BY w.id`;

/** The dashboard as the API shows it now, read synchronously (so it fits in a write's transaction). */
export function snapshotDashboard(sqlite: BetterSqlite3.Database, id: number): Dashboard | null {
  const row = sqlite.prepare('SELECT * FROM dashboards WHERE id = ?').get(id) as DashboardRow | undefined;
  if (!row) return null;
  const widgets = sqlite.prepare(WIDGETS_OF_DASHBOARD).all(id) as WidgetRecord[];
  return serializeDashboard(row, widgets);
}

interface VersionRow {
  id: number;
  dashboard_id: number;
  organisation_id: number;
  author: string | null;
  summary: string;
  snapshot: string;
  restored_from: number | null;
  created_at: string;
}

function listItem(row: VersionRow): DashboardVersionListItem {
  return {
    id: row.id,
    dashboard: row.dashboard_id,
    author: row.author,
    created_at: row.created_at,
    summary: row.summary,
    restored_from: row.restored_from,
  };
}

/** Versions of a dashboard, newest first (the caller has checked that the scope may see it). */
export function listVersions(
  sqlite: BetterSqlite3.Database,
  dashboardId: number,
  widgetId: number | null = null,
): DashboardVersionListItem[] {
  const rows = sqlite
    .prepare('SELECT * FROM dashboard_versions WHERE dashboard_id = ? ORDER BY id DESC')
    .all(dashboardId) as VersionRow[];
  return (widgetId === null ? rows : rowsChangingWidget(rows, widgetId)).map(listItem);
}

/** The widget as a version holds it, without timestamps (a save that changed nothing else is no change). */
function widgetState(row: { snapshot: string }, widgetId: number): string | null {
  const snapshot = DashboardSchema.safeParse(readJsonColumn(row.snapshot));
  const widget = snapshot.success ? snapshot.data.widgets.find((w) => w.id === widgetId) : undefined;
  if (!widget) return null;
  const { created_at: _created, updated_at: _updated, ...rest } = widget;
  return JSON.stringify(rest);
}

/** Versions (newest first) in which one widget appeared, changed or went, compared with the one before. */
export function rowsChangingWidget<Row extends { snapshot: string }>(
  rows: readonly Row[],
  widgetId: number,
): Row[] {
  const states = rows.map((row) => widgetState(row, widgetId));
  return rows.filter((_row, index) => {
    const state = states[index] ?? null;
    const before = index + 1 < rows.length ? (states[index + 1] ?? null) : null;
    return state !== before;
  });
}

/** One version of a dashboard with its snapshot; undefined when it is not one of that dashboard's. */
export function findVersion(
  sqlite: BetterSqlite3.Database,
  dashboardId: number,
  versionId: number,
): (DashboardVersionListItem & { snapshot: Dashboard }) | undefined {
  const row = sqlite
    .prepare('SELECT * FROM dashboard_versions WHERE id = ? AND dashboard_id = ?')
    .get(versionId, dashboardId) as VersionRow | undefined;
  if (!row) return undefined;
  const snapshot = DashboardSchema.safeParse(readJsonColumn(row.snapshot));
  return snapshot.success ? { ...listItem(row), snapshot: snapshot.data } : undefined;
}

export function latestVersionId(sqlite: BetterSqlite3.Database, dashboardId: number): number | null {
  const id = sqlite
    .prepare('SELECT MAX(id) FROM dashboard_versions WHERE dashboard_id = ?')
    .pluck()
    .get(dashboardId) as number | null | undefined;
  return id ?? null;
}

function latestSnapshot(sqlite: BetterSqlite3.Database, dashboardId: number): Dashboard | null {
  const text = sqlite
    .prepare('SELECT snapshot FROM dashboard_versions WHERE dashboard_id = ? ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(dashboardId) as string | undefined;
  if (text === undefined) return null;
  const parsed = DashboardSchema.safeParse(readJsonColumn(text));
  return parsed.success ? parsed.data : null;
}

function insertVersion(
  sqlite: BetterSqlite3.Database,
  snapshot: Dashboard,
  values: {
    organisationId: number;
    author: string | null;
    summary: string;
    restoredFrom: number | null;
    at: string;
  },
): void {
  sqlite
    .prepare(
      `INSERT INTO dashboard_versions (dashboard_id, organisation_id, author, summary, snapshot, restored_from, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      snapshot.id,
      values.organisationId,
      values.author,
      values.summary,
      JSON.stringify(snapshot),
      values.restoredFrom,
      values.at,
    );
}

export const EARLIEST_SUMMARY = 'Earliest recorded state';

/** Who and when of a write, and the retention to apply after it. */
export interface VersionedWrite {
  organisationId: number;
  author: string | null;
  now: Date;
  retention: VersionRetention;
  /** The version a restore brings back. */
  restoredFrom?: number | null;
}

/**
 * Runs `write` and records one version of each dashboard it changed, all in one transaction: a write
 * that rolls back (or a crash) leaves no version, and no version is kept of a write that did not
 * land. `before` lists the dashboards the write may change; one without any version yet gets its
 * state before the write recorded first, so the first change can be undone. `after(result)` lists the
 * dashboards to record (none when the write did not land); a dashboard whose state did not change
 * gets no version.
 */
export function recordingVersions<T>(
  sqlite: BetterSqlite3.Database,
  context: VersionedWrite,
  before: readonly number[],
  write: () => T,
  after: (result: T) => readonly number[],
): T {
  return sqlite.transaction(() => {
    for (const id of new Set(before)) {
      if (latestVersionId(sqlite, id) !== null) continue;
      const state = snapshotDashboard(sqlite, id);
      if (state)
        insertVersion(sqlite, state, {
          organisationId: context.organisationId,
          author: null,
          summary: EARLIEST_SUMMARY,
          restoredFrom: null,
          at: state.updated_at ?? context.now.toISOString(),
        });
    }
    const result = write();
    for (const id of new Set(after(result))) recordVersion(sqlite, id, context);
    return result;
  })();
}

function recordVersion(sqlite: BetterSqlite3.Database, id: number, context: VersionedWrite): void {
  const state = snapshotDashboard(sqlite, id);
  if (!state) return;
  const previous = latestSnapshot(sqlite, id);
  const changes = describeDashboardChanges(previous, state);
  if (previous !== null && changes.length === 0) return;
  const restoredFrom = context.restoredFrom ?? null;
  const summary = summariseDashboardChanges(changes);
  insertVersion(sqlite, state, {
    organisationId: context.organisationId,
    author: context.author,
    summary: restoredFrom === null ? summary : `Restored version ${restoredFrom}: ${summary}`,
    restoredFrom,
    at: context.now.toISOString(),
  });
  const kept = sqlite
    .prepare('SELECT id, created_at FROM dashboard_versions WHERE dashboard_id = ?')
    .all(id) as { id: number; created_at: string }[];
  const remove = sqlite.prepare('DELETE FROM dashboard_versions WHERE id = ?');
  for (const versionId of versionsToPrune(kept, context.now, context.retention)) remove.run(versionId);
}
