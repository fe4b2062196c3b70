import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WidgetsTable } from './db/database-types.ts';
import type { Scope } from './scope.ts';

/** A widget row with what its wire form needs from the dashboard and the metric. */
export type WidgetRecord = Selectable<WidgetsTable> & {
  dashboard_filters: string | null;
  dashboard_project_id: number | null;
  metric_name: string | null;
};

/** The columns a write sets (JSON columns as text). */
export interface WidgetValues {
  dashboard_id: number;
  name: string | null;
  filters: string | null;
  chart_type: string;
  data_type: string | null;
  field: string;
  metric_id: number | null;
  time_period: string | null;
  aggregation_function: string | null;
  group_by: string | null;
  metadata: string | null;
}

function scopedWidgets(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('widgets as w')
    .innerJoin('dashboards as d', 'd.id', 'w.dashboard_id')
    .leftJoin('metrics as m', 'm.id', 'w.metric_id')
    .where('d.organisation_id', '=', scope.organisationId)
    .$if(scope.projectId !== null, (q) => q.where('d.project_id', '=', scope.projectId ?? 0));
}

function selectRecord(query: ReturnType<typeof scopedWidgets>) {
  return query
    .selectAll('w')
    .select([
      'd.filters as dashboard_filters',
      'd.project_id as dashboard_project_id',
      'm.name as metric_name',
    ]);
}

export async function findWidget(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<WidgetRecord | undefined> {
  return selectRecord(scopedWidgets(db, scope)).where('w.id', '=', id).executeTakeFirst();
}

/** Widgets the scope can see among `ids`, in no particular order. */
export async function findWidgets(
  db: Kysely<Database>,
  scope: Scope,
  ids: readonly number[],
): Promise<WidgetRecord[]> {
  if (ids.length === 0) return [];
  return selectRecord(scopedWidgets(db, scope))
    .where('w.id', 'in', [...ids])
    .execute();
}

export async function listWidgets(
  db: Kysely<Database>,
  scope: Scope,
  options: { dashboardId: number | null; offset: number; limit: number },
): Promise<{ count: number; rows: WidgetRecord[] }> {
  const base = scopedWidgets(db, scope).$if(options.dashboardId !== null, (q) =>
    q.where('w.dashboard_id', '=', options.dashboardId ?? 0),
  );
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await selectRecord(base).orderBy('w.id').limit(options.limit).offset(options.offset).execute();
  return { count: Number(total?.n ?? 0), rows };
}

export async function widgetsOfDashboard(
  db: Kysely<Database>,
  scope: Scope,
  dashboardId: number,
): Promise<WidgetRecord[]> {
  return selectRecord(scopedWidgets(db, scope))
    .where('w.dashboard_id', '=', dashboardId)
    .orderBy('w.id')
    .execute();
}

export async function insertWidget(db: Kysely<Database>, values: WidgetValues, now: string): Promise<number> {
  const row = await db
    .insertInto('widgets')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWidget(
  db: Kysely<Database>,
  id: number,
  values: WidgetValues,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('widgets')
    .set({ ...values, updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteWidget(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('widgets').where('id', '=', id).execute();
}

export interface BulkWidgetPlan {
  create: WidgetValues[];
  update: { id: number; values: WidgetValues; updatedAt: string }[];
  delete: number[];
}

/**
 * Applies a validated bulk plan in one transaction (D15: all or nothing). Returns the created ids in
 * order. Deletes run last so an update and a delete of the same id cannot conflict.
 */
export function applyBulkWidgets(
  sqlite: BetterSqlite3.Database,
  plan: BulkWidgetPlan,
  now: string,
): number[] {
  const columns =
    'dashboard_id, name, filters, chart_type, data_type, field, metric_id, time_period, aggregation_function, group_by, metadata';
  const insert = sqlite.prepare(
    `INSERT INTO widgets (${columns}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = sqlite.prepare(
    `UPDATE widgets SET dashboard_id = ?, name = ?, filters = ?, chart_type = ?, data_type = ?, field = ?,
       metric_id = ?, time_period = ?, aggregation_function = ?, group_by = ?, metadata = ?, updated_at = ?
     WHERE id = ?`,
  );
  const remove = sqlite.prepare('DELETE FROM widgets WHERE id = ?');
  const ordered = (v: WidgetValues) => [
    v.dashboard_id,
    v.name,
    v.filters,
    v.chart_type,
    v.data_type,
    v.field,
    v.metric_id,
    v.time_period,
    v.aggregation_function,
    v.group_by,
    v.metadata,
  ];
  return sqlite.transaction(() => {
    const created = plan.create.map((values) =>
      Number(insert.run(...ordered(values), now, now).lastInsertRowid),
    );
    for (const item of plan.update) update.run(...ordered(item.values), item.updatedAt, item.id);
    for (const id of plan.delete) remove.run(id);
    return created;
  })();
}
