import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DashboardsTable } from '../db/database-types.ts';
import type { Scope } from '../http/scope.ts';

export type DashboardRow = Selectable<DashboardsTable>;

export interface DashboardValues {
  name: string | null;
  project_id: number | null;
  filters: string | null;
}

function scoped(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('dashboards')
    .where('organisation_id', '=', scope.organisationId)
    .$if(scope.projectId !== null, (q) => q.where('project_id', '=', scope.projectId ?? 0));
}

/** One page of the dashboards the scope can see, oldest first, with the total count. */
export async function listDashboards(
  db: Kysely<Database>,
  scope: Scope,
  options: { projectId: number | null; offset: number; limit: number },
): Promise<{ count: number; rows: DashboardRow[] }> {
  const base = scoped(db, scope).$if(options.projectId !== null, (q) =>
    q.where('project_id', '=', options.projectId ?? 0),
  );
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('id').limit(options.limit).offset(options.offset).execute();
  return { count: Number(total?.n ?? 0), rows };
}

/** A dashboard the scope can see, or undefined (outside the scope reads as missing: D18). */
export async function findDashboard(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<DashboardRow | undefined> {
  return scoped(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
}

/** Synchronous, so the version of the new dashboard is recorded in the same transaction. */
export function insertDashboard(
  sqlite: BetterSqlite3.Database,
  organisationId: number,
  values: DashboardValues,
  now: string,
): number {
  const result = sqlite
    .prepare(
      `INSERT INTO dashboards (organisation_id, name, project_id, filters, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(organisationId, values.name, values.project_id, values.filters, now, now);
  return Number(result.lastInsertRowid);
}

/**
 * Writes `values` over the version `expectedUpdatedAt` of a dashboard; false, writing nothing, when it
 * changed or is gone since it was read.
 */
export function updateDashboard(
  sqlite: BetterSqlite3.Database,
  id: number,
  values: DashboardValues,
  updatedAt: string,
  expectedUpdatedAt: string,
): boolean {
  const result = sqlite
    .prepare(
      'UPDATE dashboards SET name = ?, project_id = ?, filters = ?, updated_at = ? WHERE id = ? AND updated_at = ?',
    )
    .run(values.name, values.project_id, values.filters, updatedAt, id, expectedUpdatedAt);
  return result.changes === 1;
}

/**
 * Deletes the version `expectedUpdatedAt` of a dashboard and its widgets in one transaction; false,
 * deleting nothing, when it changed or is gone.
 */
export function deleteDashboard(
  sqlite: BetterSqlite3.Database,
  id: number,
  expectedUpdatedAt: string,
): boolean {
  return sqlite.transaction(() => {
    const removed = sqlite
      .prepare('DELETE FROM dashboards WHERE id = ? AND updated_at = ?')
      .run(id, expectedUpdatedAt).changes;
    // Also done by ON DELETE CASCADE; explicit so it holds on a connection without foreign keys.
    if (removed === 1) sqlite.prepare('DELETE FROM widgets WHERE dashboard_id = ?').run(id);
    return removed === 1;
  })();
}

/**
 * Copies the version `expectedUpdatedAt` of a dashboard with every widget in one transaction; the new
 * id, or null, copying nothing, when the dashboard changed or is gone.
 */
export function duplicateDashboard(
  sqlite: BetterSqlite3.Database,
  source: { id: number; expectedUpdatedAt: string },
  name: string,
  now: string,
): number | null {
  return sqlite.transaction(() => {
    const copy = sqlite
      .prepare(
        `INSERT INTO dashboards (organisation_id, project_id, name, filters, created_at, updated_at)
         SELECT organisation_id, project_id, ?, filters, ?, ? FROM dashboards WHERE id = ? AND updated_at = ?`,
      )
      .run(name, now, now, source.id, source.expectedUpdatedAt);
    // `lastInsertRowid` is the connection's last insert: someone else's row when this one inserted nothing.
    if (copy.changes !== 1) return null;
    const copyId = Number(copy.lastInsertRowid);
    sqlite
      .prepare(
        `INSERT INTO widgets (dashboard_id, name, filters, chart_type, data_type, field, metric_id, time_period,
           aggregation_function, group_by, metadata, created_at, updated_at)
         SELECT ?, name, filters, chart_type, data_type, field, metric_id, time_period,
           aggregation_function, group_by, metadata, ?, ?
         FROM widgets WHERE dashboard_id = ? ORDER BY id`,
      )
      .run(copyId, now, now, source.id);
    return copyId;
  })();
}

/** Widget counts per dashboard id (0 for dashboards without widgets). */
export async function countWidgets(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('widgets')
    .select(['dashboard_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('dashboard_id', 'in', [...ids])
    .groupBy('dashboard_id')
    .execute();
  for (const row of rows) counts.set(row.dashboard_id, Number(row.n));
  return counts;
}
