import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DashboardsTable } from './db/database-types.ts';
import type { Scope } from './scope.ts';

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

export async function insertDashboard(
  db: Kysely<Database>,
  organisationId: number,
  values: DashboardValues,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('dashboards')
    .values({ organisation_id: organisationId, ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDashboard(
  db: Kysely<Database>,
  id: number,
  values: DashboardValues,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('dashboards')
    .set({ ...values, updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

/** Deletes a dashboard and its widgets in one transaction. */
export function deleteDashboard(sqlite: BetterSqlite3.Database, id: number): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM widgets WHERE dashboard_id = ?').run(id);
    sqlite.prepare('DELETE FROM dashboards WHERE id = ?').run(id);
  })();
}

/** Copies a dashboard with every widget in one transaction; returns the new id. */
export function duplicateDashboard(
  sqlite: BetterSqlite3.Database,
  id: number,
  name: string,
  now: string,
): number {
  return sqlite.transaction(() => {
    const copyId = Number(
      sqlite
        .prepare(
          `INSERT INTO dashboards (organisation_id, project_id, name, filters, created_at, updated_at)
           SELECT organisation_id, project_id, ?, filters, ?, ? FROM dashboards WHERE id = ?`,
        )
        .run(name, now, now, id).lastInsertRowid,
    );
    sqlite
      .prepare(
        `INSERT INTO widgets (dashboard_id, name, filters, chart_type, data_type, field, metric_id, time_period,
           aggregation_function, group_by, metadata, created_at, updated_at)
         SELECT ?, name, filters, chart_type, data_type, field, metric_id, time_period,
           aggregation_function, group_by, metadata, ?, ?
         FROM widgets WHERE dashboard_id = ? ORDER BY id`,
      )
      .run(copyId, now, now, id);
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
