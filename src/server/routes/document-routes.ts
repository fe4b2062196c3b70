import type { Hono } from 'hono';
import * as z from 'zod';
import {
  collectDocumentIds,
  DASHBOARD_DOCUMENT_FORMAT,
  DASHBOARD_DOCUMENT_VERSION,
  dashboardDocumentJsonSchema,
  DashboardDocumentSchema,
  remapDocumentIds,
  type DashboardDocument,
} from '../../contract/dashboard-document-schema.ts';
import { loadDashboard, metricsForProject } from './dashboard-access.ts';
import { validateDashboardCandidate } from '../store/dashboard-input.ts';
import { serializeDashboard } from '../store/dashboard-serializer.ts';
import { insertDashboard } from '../store/dashboard-store.ts';
import { ApiError, badRequest } from '../http/api-error.ts';
import { nextUpdatedAt } from '../http/next-updated-at.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { writeJsonColumn } from '../db/json-column.ts';
import { canSeeProject } from '../http/scope.ts';
import type { AppEnv, ServerContext } from '../http/server-context.ts';
import { versionContext } from '../history/version-context.ts';
import { recordingVersions, snapshotDashboard } from '../history/version-store.ts';
import { toWidgetValues, validateWidgetCandidate } from '../store/widget-input.ts';
import { insertWidget, widgetsOfDashboard } from '../store/widget-store.ts';

const NOT_A_DOCUMENT = 'This is not a Widget Studio dashboard document.';

/** What is read of a body before the whole document: its format and version (any other keys pass). */
const DocumentHeaderSchema = z.looseObject({ format: z.unknown(), version: z.unknown() });
const NamedRowsSchema = z.array(z.object({ id: z.number(), name: z.string() }));

/** The document in a request, or a 400 that names what is wrong with it (nothing is written). */
export function readDashboardDocument(value: unknown): DashboardDocument {
  const header = DocumentHeaderSchema.safeParse(value);
  if (!header.success) throw badRequest({ document: [NOT_A_DOCUMENT] });
  const record = header.data;
  if (record.format !== DASHBOARD_DOCUMENT_FORMAT) throw badRequest({ document: [NOT_A_DOCUMENT] });
  if (typeof record.version === 'number' && record.version > DASHBOARD_DOCUMENT_VERSION)
    throw badRequest({
      document: [
        `This document is version ${record.version}, made by a newer Widget Studio; this one reads version ${DASHBOARD_DOCUMENT_VERSION}.`,
      ],
    });
  const parsed = DashboardDocumentSchema.safeParse(value);
  if (!parsed.success)
    throw badRequest({
      document: parsed.error.issues
        .slice(0, 10)
        .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`),
    });
  return parsed.data;
}

function agentNames(ctx: ServerContext, projectIds: readonly number[]): { id: number; name: string }[] {
  if (projectIds.length === 0) return [];
  return NamedRowsSchema.parse(
    ctx.database.sqlite
      .prepare(
        `SELECT id, agent_name AS name FROM agents WHERE project_id IN (${projectIds.map(() => '?').join(', ')}) ORDER BY id`,
      )
      .all(...projectIds),
  );
}

const ChoicesSchema = z.record(z.string().regex(/^\d+$/), z.number().int()).optional();

/**
 * Our extension (issue 16), not Cekura's contract: export a dashboard as a portable document, and
 * import one into a project (metric and agent ids matched by name, unmatched ones listed with a
 * choice, every widget validated before anything is written, one transaction).
 */
export function registerDocumentRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db, sqlite } = ctx.database;

  app.get('/studio/schema/dashboard-document.json', (c) => c.json(dashboardDocumentJsonSchema()));

  app.get('/studio/dashboards/:id{[0-9]+}/export/', async (c) => {
    const scope = c.get('scope');
    const row = await loadDashboard(ctx, c);
    const dashboard = serializeDashboard(row, await widgetsOfDashboard(db, scope, row.id));
    const used = collectDocumentIds(
      [dashboard.filters, ...dashboard.widgets.map((w) => w.filters)],
      dashboard.widgets.map((w) => w.metric),
    );
    const projectIds = row.project_id === null ? scope.projectIds : [row.project_id];
    const metrics = await metricsForProject(ctx, scope, row.project_id);
    const agents = agentNames(ctx, projectIds);
    const document: DashboardDocument = {
      format: DASHBOARD_DOCUMENT_FORMAT,
      version: DASHBOARD_DOCUMENT_VERSION,
      dashboard: { name: dashboard.name, filters: dashboard.filters },
      widgets: dashboard.widgets.map((w) => ({
        name: w.name,
        filters: w.filters,
        chart_type: w.chart_type,
        data_type: w.data_type,
        field: w.field,
        metric: w.metric,
        time_period: w.time_period,
        aggregation_function: w.aggregation_function,
        group_by: w.group_by,
        metadata: w.metadata,
      })),
      references: {
        metrics: used.metrics.flatMap((id) =>
          metrics.filter((m) => m.id === id).map((m) => ({ id, name: m.name })),
        ),
        agents: used.agents.flatMap((id) =>
          agents.filter((a) => a.id === id).map((a) => ({ id, name: a.name })),
        ),
      },
    };
    return c.json(document);
  });

  app.post('/studio/dashboards/import/', async (c) => {
    const scope = c.get('scope');
    const body = requireObject(await readBody(c));
    const document = readDashboardDocument(body.document);
    const project = body.project === undefined ? scope.projectId : body.project;
    if (project !== null && (typeof project !== 'number' || !canSeeProject(scope, project)))
      throw badRequest({ project: [`Invalid pk "${JSON.stringify(project)}" - object does not exist.`] });
    const metricChoices = ChoicesSchema.safeParse(body.metrics);
    const agentChoices = ChoicesSchema.safeParse(body.agents);
    if (!metricChoices.success || !agentChoices.success)
      throw badRequest({
        [metricChoices.success ? 'agents' : 'metrics']: ['Expected {"<exported id>": <id in this project>}.'],
      });

    const metrics = await metricsForProject(ctx, scope, project);
    const agents = agentNames(ctx, project === null ? scope.projectIds : [project]);
    const resolve = (
      references: { id: number; name: string }[],
      targets: { id: number; name: string }[],
      choices: Record<string, number> | undefined,
    ) => {
      const map = new Map<number, number>();
      const unmatched: { id: number; name: string }[] = [];
      for (const reference of references) {
        const chosen = choices?.[String(reference.id)];
        const target =
          chosen !== undefined
            ? targets.find((t) => t.id === chosen)
            : targets.find((t) => t.name === reference.name);
        if (target) map.set(reference.id, target.id);
        else unmatched.push(reference);
      }
      return { map, unmatched };
    };
    const metricMatch = resolve(document.references.metrics, metrics, metricChoices.data);
    const agentMatch = resolve(document.references.agents, agents, agentChoices.data);
    const remapped = remapDocumentIds(document, { metrics: metricMatch.map, agents: agentMatch.map });

    const dashboardCheck = validateDashboardCandidate(
      { name: null, project, filters: null },
      { name: remapped.dashboard.name, filters: remapped.dashboard.filters },
      metrics,
    );
    const widgets = remapped.widgets.map((widget, index) => {
      const result = validateWidgetCandidate({ ...widget }, metrics);
      return { index, name: widget.name ?? null, result };
    });
    const report = {
      unmatched: { metrics: metricMatch.unmatched, agents: agentMatch.unmatched },
      dashboard_errors: dashboardCheck.ok ? null : dashboardCheck.errors,
      widgets: widgets.map((w) => ({
        index: w.index,
        name: w.name,
        errors: w.result.ok ? null : w.result.errors,
      })),
    };
    if (body.dry_run === true) return c.json({ ...report, document: remapped });
    const unmatchedCount = metricMatch.unmatched.length + agentMatch.unmatched.length;
    const invalid = widgets.filter((w) => !w.result.ok).length;
    if (unmatchedCount > 0 || invalid > 0 || !dashboardCheck.ok) {
      const problems = [
        unmatchedCount > 0
          ? `${unmatchedCount} metric or agent name${unmatchedCount === 1 ? ' is' : 's are'} not in this project`
          : null,
        invalid > 0 ? `${invalid} widget${invalid === 1 ? ' is' : 's are'} invalid here` : null,
        dashboardCheck.ok ? null : 'the dashboard filters are invalid here',
      ].filter((p): p is string => p !== null);
      throw new ApiError(400, { detail: `Nothing was imported: ${problems.join('; ')}.`, ...report });
    }

    const now = nextUpdatedAt(null, ctx.clock());
    const id = recordingVersions(
      sqlite,
      versionContext(ctx, c),
      [],
      () => {
        const dashboardId = insertDashboard(
          sqlite,
          scope.organisationId,
          {
            name: remapped.dashboard.name,
            project_id: project,
            filters: writeJsonColumn(remapped.dashboard.filters),
          },
          now,
        );
        for (const widget of widgets) {
          if (!widget.result.ok) continue;
          insertWidget(sqlite, toWidgetValues(widget.result.input, dashboardId), now);
        }
        return dashboardId;
      },
      (newId) => [newId],
    );
    return c.json(snapshotDashboard(sqlite, id), 201);
  });
}
