import type { Context, Hono } from 'hono';
import { BulkWidgetOperationResponseSchema } from '../../contract/bulk-widgets-schema.ts';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import { RestoreVersionRequestSchema } from '../../contract/dashboard-version-schema.ts';
import { applyWidgetChanges } from '../forwarding/forwarded-write.ts';
import type { GatewayHistory } from '../forwarding/gateway-history.ts';
import { planGatewayRestore } from '../forwarding/gateway-restore-plan.ts';
import {
  findGatewayVersion,
  latestGatewayVersion,
  listGatewayVersions,
} from '../forwarding/gateway-version-store.ts';
import { ApiError, badRequest, notFound } from '../http/api-error.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import { idParam, intQuery, type AppEnv, type ServerContext } from '../http/server-context.ts';
import { answerJson, relayAnswer, type Upstream, type UpstreamAnswer } from '../forwarding/upstream.ts';
import { HISTORY_CONFLICT } from './version-routes.ts';

const BASE = '/studio/dashboards/:id{[0-9]+}';

/** A 2xx answer from the upstream. */
function landed(answer: UpstreamAnswer | null): answer is UpstreamAnswer {
  return answer !== null && answer.status >= 200 && answer.status < 300;
}

/**
 * The history routes of `version-routes.ts` in forwarding mode (ADR 0020), over the versions the
 * gateway recorded for the caller's key. Every route first reads the dashboard from the upstream with
 * that key: a dashboard the key cannot see there (or a key the upstream refuses) answers as the
 * upstream did, so a history never outlives the access it was recorded under. A restore is sent
 * upstream as ordinary writes (`bulk_widgets`, then a dashboard PATCH) and recorded as a new version.
 */
export function registerGatewayVersionRoutes(
  app: Hono<AppEnv>,
  ctx: ServerContext,
  upstream: Upstream,
  history: GatewayHistory,
): void {
  const { sqlite } = ctx.database;

  /** The key, its scope and the dashboard as the upstream shows it now; or the answer to give instead. */
  async function access(c: Context<AppEnv>) {
    const key = upstream.keyOf(c);
    if (key instanceof Response) return key;
    const id = idParam(c);
    const answer = await history.call(key, 'GET', `/dashboards/dashboards/${id}/`);
    if (answer?.status !== 200) return relayAnswer(c, answer);
    const parsed = DashboardSchema.safeParse(answerJson(answer));
    if (!parsed.success)
      return c.json({ detail: 'The upstream answered with something that is not a dashboard.' }, 502);
    return { key, scope: history.scopeOf(key), dashboard: parsed.data };
  }

  app.get(`${BASE}/versions/`, async (c) => {
    const seen = await access(c);
    if (seen instanceof Response) return seen;
    const widgetId = intQuery(new URL(c.req.url), 'widget');
    return c.json({
      results: listGatewayVersions(sqlite, seen.scope, seen.dashboard.id, widgetId),
      retention: ctx.retention,
      recorded: 'forwarded-writes',
    });
  });

  app.get(`${BASE}/versions/:version{[0-9]+}/`, async (c) => {
    const seen = await access(c);
    if (seen instanceof Response) return seen;
    const version = findGatewayVersion(sqlite, seen.scope, seen.dashboard.id, idParam(c, 'version'));
    if (!version) throw notFound();
    return c.json(version);
  });

  app.post(`${BASE}/restore/`, async (c) => {
    const body = requireObject(await readBody(c));
    const parsed = RestoreVersionRequestSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const request = parsed.data;
    const key = upstream.keyOf(c);
    if (key instanceof Response) return key;
    const scope = history.scopeOf(key);
    const id = idParam(c);
    return history.withLock(`${scope}:${id}`, async () => {
      // Read inside the lock: no write of this gateway lands between this read and the restore's writes.
      const seen = await access(c);
      if (seen instanceof Response) return seen;
      const version = findGatewayVersion(sqlite, scope, id, request.version);
      if (!version)
        throw badRequest({ version: [`Invalid pk "${request.version}" - object does not exist.`] });
      const latest = latestGatewayVersion(sqlite, scope, id);
      if (request.based_on !== undefined && latest?.id !== request.based_on)
        throw new ApiError(412, { detail: HISTORY_CONFLICT });

      const plan = planGatewayRestore(version.snapshot, seen.dashboard, request.widget);
      let state: Dashboard = seen.dashboard;
      if (plan.widgets) {
        const answer = await history.call(
          key,
          'POST',
          `/dashboards/dashboards/${id}/bulk_widgets/`,
          plan.widgets,
        );
        if (!landed(answer)) return relayAnswer(c, answer);
        const saved = BulkWidgetOperationResponseSchema.safeParse(answerJson(answer));
        if (saved.success)
          state = applyWidgetChanges(
            state,
            [...saved.data.created, ...saved.data.updated],
            saved.data.deleted,
          );
      }
      let failure: Response | null = null;
      if (plan.dashboard) {
        const answer = await history.call(key, 'PATCH', `/dashboards/dashboards/${id}/`, plan.dashboard);
        const saved = landed(answer) ? DashboardSchema.safeParse(answerJson(answer)) : null;
        if (saved?.success) state = saved.data;
        else if (!landed(answer)) failure = relayAnswer(c, answer);
      }
      // What landed is recorded even when the dashboard PATCH then failed: it is the upstream's state.
      history.record(scope, state, null, version.id);
      if (failure) return failure;
      const newest = listGatewayVersions(sqlite, scope, id)[0];
      if (!newest) throw notFound();
      return c.json({ version: newest, dashboard: state });
    });
  });
}
