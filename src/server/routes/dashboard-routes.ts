import type { Context, Hono } from 'hono';
import { DuplicateDashboardRequestSchema } from '../../contract/dashboard-schema.ts';
import { truncateText } from '../../contract/well-formed-text.ts';
import {
  countWidgets,
  deleteDashboard,
  duplicateDashboard,
  findDashboard,
  insertDashboard,
  listDashboards,
  updateDashboard,
} from '../store/dashboard-store.ts';
import { serializeDashboard, serializeDashboardListItem } from '../store/dashboard-serializer.ts';
import { validateDashboardCandidate, type DashboardFields } from '../store/dashboard-input.ts';
import { badRequest, notFound } from '../http/api-error.ts';
import { retryWhileStale, STALE, writeOnVersion } from '../http/conditional-write.ts';
import { assertIfMatch, etagOf } from '../http/etag.ts';
import { nextUpdatedAt } from '../http/next-updated-at.ts';
import { pageEnvelope, readPageRequest } from '../http/pagination.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import { readFilterColumn, writeJsonColumn } from '../db/json-column.ts';
import { predefinedWidgets } from '../store/predefined-widgets.ts';
import { canSeeProject, type Scope } from '../http/scope.ts';
import { intQuery, type AppEnv, type ServerContext } from '../http/server-context.ts';
import { widgetsOfDashboard } from '../store/widget-store.ts';
import { loadDashboard, metricsForProject } from './dashboard-access.ts';
import { isCurrentVersion, trashDashboard } from '../store/trash-store.ts';
import { trashContext, versionContext } from '../history/version-context.ts';
import { recordingVersions } from '../history/version-store.ts';

export const DASHBOARD_CONFLICT = 'The dashboard was changed by someone else.';
const BASE = '/dashboards/dashboards';

async function respondWithDashboard(ctx: ServerContext, c: Context<AppEnv>, id: number, status: 200 | 201) {
  const scope = c.get('scope');
  const row = await findDashboard(ctx.database.db, scope, id);
  if (!row) throw notFound();
  const widgets = await widgetsOfDashboard(ctx.database.db, scope, id);
  c.header('ETag', etagOf(row.id, row.updated_at));
  return c.json(serializeDashboard(row, widgets), status);
}

function projectError(project: number): ReturnType<typeof badRequest> {
  return badRequest({ project: [`Invalid pk "${project}" - object does not exist.`] });
}

async function validateWrite(
  ctx: ServerContext,
  scope: Scope,
  current: DashboardFields,
  body: Record<string, unknown>,
): Promise<DashboardFields> {
  const requested = typeof body.project === 'number' ? body.project : current.project;
  const metrics = await metricsForProject(
    ctx,
    scope,
    requested !== null && canSeeProject(scope, requested) ? requested : null,
  );
  const result = validateDashboardCandidate(current, body, metrics);
  if (!result.ok) throw badRequest(result.errors);
  const { fields } = result;
  // A project-scoped key always writes into its own project (D18).
  if (fields.project === null && scope.projectId !== null) return { ...fields, project: scope.projectId };
  if (fields.project !== null && !canSeeProject(scope, fields.project)) throw projectError(fields.project);
  return fields;
}

export function registerDashboardRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db, sqlite } = ctx.database;

  app.get(`${BASE}/`, async (c) => {
    const scope = c.get('scope');
    const url = new URL(c.req.url);
    const projectId = intQuery(url, 'project_id');
    if (projectId !== null && !canSeeProject(scope, projectId)) throw notFound();
    const page = readPageRequest(url);
    const { count, rows } = await listDashboards(db, scope, {
      projectId,
      offset: page.offset,
      limit: page.pageSize,
    });
    const counts = await countWidgets(
      db,
      rows.map((r) => r.id),
    );
    return c.json(
      pageEnvelope(
        url,
        page,
        count,
        rows.map((row) => serializeDashboardListItem(row, counts.get(row.id) ?? 0)),
      ),
    );
  });

  app.post(`${BASE}/`, async (c) => {
    const scope = c.get('scope');
    const body = requireObject(await readBody(c));
    const fields = await validateWrite(ctx, scope, { name: null, project: null, filters: null }, body);
    const now = nextUpdatedAt(null, ctx.clock());
    const values = {
      name: fields.name,
      project_id: fields.project,
      filters: writeJsonColumn(fields.filters),
    };
    const id = recordingVersions(
      sqlite,
      versionContext(ctx, c),
      [],
      () => insertDashboard(sqlite, scope.organisationId, values, now),
      (newId) => [newId],
    );
    return respondWithDashboard(ctx, c, id, 201);
  });

  app.get(`${BASE}/predefined_widgets/`, async (c) => {
    const scope = c.get('scope');
    const projectId = intQuery(new URL(c.req.url), 'project_id');
    if (projectId !== null && !canSeeProject(scope, projectId)) throw notFound();
    return c.json(await predefinedWidgets(db, projectId === null ? scope.projectIds : [projectId]));
  });

  app.get(`${BASE}/:id{[0-9]+}/`, async (c) => {
    const row = await loadDashboard(ctx, c);
    return respondWithDashboard(ctx, c, row.id, 200);
  });

  const update = async (c: Context<AppEnv>) => {
    const scope = c.get('scope');
    const checked = await loadDashboard(ctx, c);
    assertIfMatch(c, etagOf(checked.id, checked.updated_at), DASHBOARD_CONFLICT);
    const body = requireObject(await readBody(c));
    await writeOnVersion(c, checked, {
      conflict: DASHBOARD_CONFLICT,
      reload: () => loadDashboard(ctx, c),
      write: async (row) => {
        const current: DashboardFields = {
          name: row.name,
          project: row.project_id,
          filters: readFilterColumn(row.filters),
        };
        const fields = await validateWrite(ctx, scope, current, body);
        const values = {
          name: fields.name,
          project_id: fields.project,
          filters: writeJsonColumn(fields.filters),
        };
        return recordingVersions(
          sqlite,
          versionContext(ctx, c),
          [row.id],
          () =>
            updateDashboard(
              sqlite,
              row.id,
              values,
              nextUpdatedAt(row.updated_at, ctx.clock()),
              row.updated_at,
            ),
          (landed) => (landed ? [row.id] : []),
        );
      },
    });
    return respondWithDashboard(ctx, c, checked.id, 200);
  };
  app.put(`${BASE}/:id{[0-9]+}/`, update);
  app.patch(`${BASE}/:id{[0-9]+}/`, update);

  app.delete(`${BASE}/:id{[0-9]+}/`, async (c) => {
    const checked = await loadDashboard(ctx, c);
    assertIfMatch(c, etagOf(checked.id, checked.updated_at), DASHBOARD_CONFLICT);
    await writeOnVersion(c, checked, {
      conflict: DASHBOARD_CONFLICT,
      reload: () => loadDashboard(ctx, c),
      // The trash entry and the delete commit together; a stale delete leaves neither.
      write: (row) =>
        sqlite.transaction(() => {
          if (!isCurrentVersion(sqlite, 'dashboards', row.id, row.updated_at)) return false;
          trashDashboard(sqlite, row.id, trashContext(ctx, c));
          return deleteDashboard(sqlite, row.id, row.updated_at);
        })(),
    });
    return c.body(null, 204);
  });

  app.post(`${BASE}/:id{[0-9]+}/duplicate/`, async (c) => {
    const first = await loadDashboard(ctx, c);
    const body = requireObject(await readBody(c));
    const parsed = DuplicateDashboardRequestSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    // The copy is of the dashboard as read; changed while the body arrived, it is read again (404 once
    // it is gone).
    const id = await retryWhileStale(DASHBOARD_CONFLICT, async (round) => {
      const row = round === 1 ? first : await loadDashboard(ctx, c);
      // The default name keeps the 255-character limit of `name`, and stays valid text when cut.
      const name = parsed.data.name ?? truncateText(`Copy of ${row.name ?? ''}`, 255);
      const source = { id: row.id, expectedUpdatedAt: row.updated_at };
      const copyId = recordingVersions(
        sqlite,
        versionContext(ctx, c),
        [],
        () => duplicateDashboard(sqlite, source, name, nextUpdatedAt(null, ctx.clock())),
        (newId) => (newId === null ? [] : [newId]),
      );
      return copyId ?? STALE;
    });
    return respondWithDashboard(ctx, c, id, 201);
  });
}
