import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WidgetsTable } from '../db/database-types.ts';
import type { Scope } from '../http/scope.ts';
import { trashWidget, type TrashContext } from './trash-store.ts';

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

const COLUMNS = [
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
] as const;
const INSERT = `INSERT INTO widgets (${COLUMNS.join(', ')}, created_at, updated_at)
  SELECT ${COLUMNS.map(() => '?').join(', ')}, ?, ? WHERE EXISTS (SELECT 1 FROM dashboards WHERE id = ?)`;
const UPDATE = `UPDATE widgets SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;

function ordered(values: WidgetValues): (string | number | null)[] {
  return COLUMNS.map((column) => values[column]);
}

/**
 * Inserts a widget if its dashboard still exists: one statement, so a delete of the dashboard cannot
 * slip in between a check and the insert. The new id, or null when the dashboard is gone.
 */
export function insertWidget(
  sqlite: BetterSqlite3.Database,
  values: WidgetValues,
  now: string,
): number | null {
  const result = sqlite.prepare(INSERT).run(...insertParameters(values, now));
  return result.changes === 1 ? Number(result.lastInsertRowid) : null;
}

function insertParameters(values: WidgetValues, now: string) {
  return [...ordered(values), now, now, values.dashboard_id];
}

/**
 * Writes `values` over the version `expectedUpdatedAt` of a widget, while the dashboard it goes to
 * exists. False, writing nothing, when the widget changed or either is gone since they were read.
 */
export function updateWidget(
  sqlite: BetterSqlite3.Database,
  id: number,
  values: WidgetValues,
  updatedAt: string,
  expectedUpdatedAt: string,
): boolean {
  const result = sqlite
    .prepare(`${UPDATE} AND updated_at = ? AND EXISTS (SELECT 1 FROM dashboards WHERE id = ?)`)
    .run(...ordered(values), updatedAt, id, expectedUpdatedAt, values.dashboard_id);
  return result.changes === 1;
}

/** Deletes the version `expectedUpdatedAt` of a widget; false when it changed or is gone. */
export function deleteWidget(sqlite: BetterSqlite3.Database, id: number, expectedUpdatedAt: string): boolean {
  return (
    sqlite.prepare('DELETE FROM widgets WHERE id = ? AND updated_at = ?').run(id, expectedUpdatedAt)
      .changes === 1
  );
}

export interface BulkWidgetPlan {
  create: WidgetValues[];
  update: { id: number; values: WidgetValues; updatedAt: string }[];
  delete: number[];
  /** `updated_at` of each widget the plan updates or deletes, as read when the plan was made. */
  basedOn: Map<number, string>;
}

/**
 * Applies a validated bulk plan to its dashboard in one transaction (D15: all or nothing). Returns the
 * created ids in order; 'gone', writing nothing, when the dashboard is gone; 'stale', writing
 * nothing, when a widget of the plan changed or left the dashboard since it was read. Deletes run last so an
 * update and a delete of the same id cannot conflict.
 */
export function applyBulkWidgets(
  sqlite: BetterSqlite3.Database,
  dashboardId: number,
  plan: BulkWidgetPlan,
  now: string,
  /** Who deletes: deleted widgets go to the trash like a DELETE's (absent: a restore, undone by history). */
  trash?: TrashContext,
): number[] | 'gone' | 'stale' {
  const dashboard = sqlite.prepare('SELECT 1 FROM dashboards WHERE id = ?');
  const version = sqlite.prepare('SELECT updated_at FROM widgets WHERE id = ? AND dashboard_id = ?').pluck();
  const insert = sqlite.prepare(INSERT);
  const update = sqlite.prepare(UPDATE);
  const remove = sqlite.prepare('DELETE FROM widgets WHERE id = ?');
  return sqlite.transaction(() => {
    if (dashboard.get(dashboardId) === undefined) return 'gone';
    for (const [id, updatedAt] of plan.basedOn)
      if (version.get(id, dashboardId) !== updatedAt) return 'stale';
    // The dashboard exists in this transaction, so every insert lands.
    const created = plan.create.map((values) =>
      Number(insert.run(...insertParameters(values, now)).lastInsertRowid),
    );
    for (const item of plan.update) update.run(...ordered(item.values), item.updatedAt, item.id);
    for (const id of plan.delete) {
      if (trash) trashWidget(sqlite, id, trash);
      remove.run(id);
    }
    return created;
  })();
}
