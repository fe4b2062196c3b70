import type BetterSqlite3 from 'better-sqlite3';
import { TRASH_KEEP_DAYS, type TrashEntry } from '../../contract/trash-schema.ts';
import type { Scope } from '../http/scope.ts';

const DAY_MS = 86_400_000;

type Row = Record<string, unknown>;
interface TrashRow {
  id: number;
  organisation_id: number;
  project_id: number | null;
  kind: 'dashboard' | 'widget';
  object_id: number;
  dashboard_id: number;
  name: string | null;
  widget_count: number;
  rows: string;
  deleted_by: string | null;
  deleted_at: string;
}

const WIDGET_COLUMNS = [
  'id',
  'dashboard_id',
  'name',
  'filters',
  'chart_type',
  'data_type',
  'field',
  'metric_id',
  'time_period',
  'aggregation_function',
  'group_by',
  'metadata',
  'created_at',
  'updated_at',
] as const;
const DASHBOARD_COLUMNS = [
  'id',
  'organisation_id',
  'project_id',
  'name',
  'filters',
  'created_at',
  'updated_at',
] as const;

function insertRow(sqlite: BetterSqlite3.Database, table: 'dashboards' | 'widgets', row: Row): void {
  const columns = table === 'dashboards' ? DASHBOARD_COLUMNS : WIDGET_COLUMNS;
  sqlite
    .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => row[c] ?? null));
}

/** Whether a dashboard or widget still has the version a write read (inside its transaction). */
export function isCurrentVersion(
  sqlite: BetterSqlite3.Database,
  table: 'dashboards' | 'widgets',
  id: number,
  updatedAt: string,
): boolean {
  return (
    sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND updated_at = ?`).get(id, updatedAt) !== undefined
  );
}

/** Who deleted, and when. */
export interface TrashContext {
  author: string | null;
  now: Date;
}

/**
 * Puts a dashboard (with its widgets) into the trash as its rows are now; call inside the delete's
 * transaction, before the delete, so the trash entry and the delete commit together.
 */
export function trashDashboard(sqlite: BetterSqlite3.Database, id: number, context: TrashContext): void {
  const dashboard = sqlite.prepare('SELECT * FROM dashboards WHERE id = ?').get(id) as Row | undefined;
  if (!dashboard) return;
  const widgets = sqlite.prepare('SELECT * FROM widgets WHERE dashboard_id = ? ORDER BY id').all(id) as Row[];
  insertEntry(sqlite, {
    organisation_id: Number(dashboard.organisation_id),
    project_id: (dashboard.project_id as number | null) ?? null,
    kind: 'dashboard',
    object_id: id,
    dashboard_id: id,
    name: (dashboard.name as string | null) ?? null,
    widget_count: widgets.length,
    rows: JSON.stringify({ dashboard, widgets }),
    context,
  });
}

/** Puts one widget into the trash as its row is now (inside the delete's transaction, before it). */
export function trashWidget(sqlite: BetterSqlite3.Database, id: number, context: TrashContext): void {
  const widget = sqlite
    .prepare(
      'SELECT w.*, d.organisation_id AS _organisation_id, d.project_id AS _project_id FROM widgets w JOIN dashboards d ON d.id = w.dashboard_id WHERE w.id = ?',
    )
    .get(id) as Row | undefined;
  if (!widget) return;
  const { _organisation_id: organisationId, _project_id: projectId, ...row } = widget;
  insertEntry(sqlite, {
    organisation_id: Number(organisationId),
    project_id: (projectId as number | null) ?? null,
    kind: 'widget',
    object_id: id,
    dashboard_id: Number(row.dashboard_id),
    name: (row.name as string | null) ?? null,
    widget_count: 1,
    rows: JSON.stringify({ widget: row }),
    context,
  });
}

function insertEntry(
  sqlite: BetterSqlite3.Database,
  entry: Omit<TrashRow, 'id' | 'deleted_by' | 'deleted_at'> & { context: TrashContext },
): void {
  sqlite
    .prepare(
      `INSERT INTO trash (organisation_id, project_id, kind, object_id, dashboard_id, name, widget_count, rows, deleted_by, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.organisation_id,
      entry.project_id,
      entry.kind,
      entry.object_id,
      entry.dashboard_id,
      entry.name,
      entry.widget_count,
      entry.rows,
      entry.context.author,
      entry.context.now.toISOString(),
    );
}

/** Drops entries older than the trash keeps them. */
export function purgeTrash(sqlite: BetterSqlite3.Database, now: Date): void {
  const cutoff = new Date(now.getTime() - TRASH_KEEP_DAYS * DAY_MS).toISOString();
  sqlite.prepare('DELETE FROM trash WHERE deleted_at < ?').run(cutoff);
}

function scoped(scope: Scope): { where: string; params: (number | null)[] } {
  return scope.projectId === null
    ? { where: 'organisation_id = ?', params: [scope.organisationId] }
    : { where: 'organisation_id = ? AND project_id = ?', params: [scope.organisationId, scope.projectId] };
}

function toEntry(row: TrashRow): TrashEntry {
  return {
    id: row.id,
    kind: row.kind,
    object_id: row.object_id,
    dashboard: row.dashboard_id,
    name: row.name,
    project: row.project_id,
    widget_count: row.widget_count,
    deleted_by: row.deleted_by,
    deleted_at: row.deleted_at,
  };
}

/** The scope's trash, newest first. */
export function listTrash(sqlite: BetterSqlite3.Database, scope: Scope): TrashEntry[] {
  const { where, params } = scoped(scope);
  const rows = sqlite
    .prepare(`SELECT * FROM trash WHERE ${where} ORDER BY id DESC`)
    .all(...params) as TrashRow[];
  return rows.map(toEntry);
}

export function findTrashEntry(
  sqlite: BetterSqlite3.Database,
  scope: Scope,
  id: number,
): TrashRow | undefined {
  const { where, params } = scoped(scope);
  return sqlite.prepare(`SELECT * FROM trash WHERE id = ? AND ${where}`).get(id, ...params) as
    TrashRow | undefined;
}

/**
 * Puts an entry's rows back with their own ids (ids are never handed to another object, so they are
 * free) and removes the entry. 'no-dashboard' when a widget's dashboard is gone; 'gone' when the
 * entry was restored meanwhile. Call inside a transaction.
 */
export function restoreTrashEntry(
  sqlite: BetterSqlite3.Database,
  entry: TrashRow,
  now: string,
): 'restored' | 'no-dashboard' | 'gone' {
  if (sqlite.prepare('DELETE FROM trash WHERE id = ?').run(entry.id).changes !== 1) return 'gone';
  const rows = JSON.parse(entry.rows) as { dashboard?: Row; widgets?: Row[]; widget?: Row };
  if (entry.kind === 'dashboard' && rows.dashboard) {
    insertRow(sqlite, 'dashboards', { ...rows.dashboard, updated_at: now });
    for (const widget of rows.widgets ?? []) insertRow(sqlite, 'widgets', widget);
    return 'restored';
  }
  if (!rows.widget) return 'gone';
  if (sqlite.prepare('SELECT 1 FROM dashboards WHERE id = ?').get(entry.dashboard_id) === undefined)
    return 'no-dashboard';
  insertRow(sqlite, 'widgets', { ...rows.widget, updated_at: now });
  return 'restored';
}
