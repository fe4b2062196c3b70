import { createHmac, randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Context } from 'hono';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import { WidgetSchema } from '../../contract/widget-schema.ts';
import {
  classifyForwardedWrite,
  dashboardOfCreateBody,
  stateAfterWrite,
  type ForwardedWrite,
} from './forwarded-write.ts';
import {
  dashboardOfGatewayWidget,
  latestGatewayVersion,
  recordGatewayVersion,
} from './gateway-version-store.ts';
import { createKeyedLock } from './keyed-lock.ts';
import type { ServerContext } from '../http/server-context.ts';
import {
  answerJson,
  forwardedBody,
  forwardedRequestHeaders,
  relayAnswer,
  type Upstream,
  type UpstreamAnswer,
} from './upstream.ts';

const JSON_HEADERS = () => new Headers({ accept: 'application/json', 'content-type': 'application/json' });

/** The database's random secret for scope fingerprints, created on first use. */
function gatewaySecret(sqlite: BetterSqlite3.Database): Buffer {
  sqlite.prepare('INSERT OR IGNORE INTO gateway_secret (id, secret) VALUES (1, ?)').run(randomBytes(32));
  return sqlite.prepare('SELECT secret FROM gateway_secret WHERE id = 1').pluck().get() as Buffer;
}

/**
 * Whose history a forwarded request belongs to: an HMAC-SHA256, under the database's own random
 * secret, of the upstream base URL and the API key. The key is never stored and cannot be read back
 * from the fingerprint; two keys (or one key against two upstreams) never share a history.
 */
function createGatewayScope(sqlite: BetterSqlite3.Database, upstreamUrl: string) {
  const secret = gatewaySecret(sqlite);
  const base = new URL(upstreamUrl).toString().replace(/\/+$/, '');
  return (apiKey: string): string =>
    createHmac('sha256', secret).update(base).update('\n').update(apiKey).digest('hex');
}

export type GatewayHistory = ReturnType<typeof createGatewayHistory>;

/**
 * The gateway's version history (ADR 0020): a forwarded write that changes a dashboard and succeeds
 * upstream records a version of that dashboard, built from the upstream's answer, under the
 * fingerprint of the key and upstream (`createGatewayScope`). A failed or unreachable write records
 * nothing. Writes to one dashboard (and restores) pass one at a time per scope, so versions follow
 * the order the upstream applied them in.
 */
export function createGatewayHistory(ctx: ServerContext, upstream: Upstream) {
  const { sqlite } = ctx.database;
  const scopeOf = createGatewayScope(sqlite, upstream.url);
  const withLock = createKeyedLock();
  const origin = 'http://gateway.local';

  /** One JSON request upstream on the caller's behalf (reads for a base state, restore writes). */
  const call = (key: string, method: string, path: string, body?: unknown): Promise<UpstreamAnswer | null> =>
    upstream.send(key, method, `${origin}${path}`, {
      headers: JSON_HEADERS(),
      body: body === undefined ? undefined : new Uint8Array(new TextEncoder().encode(JSON.stringify(body))),
    });

  /** The dashboard as the upstream shows it to this key, or null (gone, not visible, unreachable). */
  async function readDashboard(key: string, id: number): Promise<Dashboard | null> {
    const answer = await call(key, 'GET', `/dashboards/dashboards/${id}/`);
    if (answer?.status !== 200) return null;
    const parsed = DashboardSchema.safeParse(answerJson(answer));
    return parsed.success ? parsed.data : null;
  }

  /** The dashboard a write changes, learnt before it is forwarded; null for a new dashboard. */
  async function dashboardOf(
    key: string,
    scope: string,
    write: ForwardedWrite,
    body: unknown,
  ): Promise<number | null> {
    switch (write.kind) {
      case 'dashboard-create':
      case 'dashboard-duplicate':
        return null;
      case 'dashboard-update':
      case 'bulk-widgets':
        return write.dashboardId;
      case 'widget-create':
        return dashboardOfCreateBody(body);
      case 'widget-update':
      case 'widget-delete': {
        const known = dashboardOfGatewayWidget(sqlite, scope, write.widgetId);
        if (known !== null) return known;
        const answer = await call(key, 'GET', `/dashboards/widgets/${write.widgetId}/`);
        const widget = answer?.status === 200 ? WidgetSchema.safeParse(answerJson(answer)) : null;
        return widget?.success ? (widget.data.dashboard ?? null) : null;
      }
    }
  }

  function record(scope: string, state: Dashboard, before: Dashboard | null, restoredFrom: number | null) {
    return recordGatewayVersion(sqlite, state, {
      scope,
      now: ctx.clock(),
      retention: ctx.retention,
      before,
      restoredFrom,
    });
  }

  /**
   * Forwards a versioned write and records its version; null for a request that is not one (the
   * caller forwards it as it is).
   */
  async function forwardWrite(c: Context, key: string): Promise<Response | null> {
    const write = classifyForwardedWrite(c.req.method, new URL(c.req.url).pathname);
    if (write === null) return null;
    const raw = await forwardedBody(c);
    const headers = forwardedRequestHeaders(c);
    let body: unknown;
    try {
      body = raw && raw.byteLength > 0 ? (JSON.parse(new TextDecoder().decode(raw)) as unknown) : undefined;
    } catch {
      body = undefined; // not JSON (a form): the upstream judges it; only the answer is read
    }
    const scope = scopeOf(key);
    const dashboardId = await dashboardOf(key, scope, write, body);
    return withLock(`${scope}:${dashboardId ?? 'new'}`, async () => {
      const latest = dashboardId === null ? null : latestGatewayVersion(sqlite, scope, dashboardId);
      // The first change of a dashboard this scope has no history of: its state before, so that the
      // change can be undone (recorded only if the write lands).
      const before =
        dashboardId !== null && latest?.snapshot == null ? await readDashboard(key, dashboardId) : null;
      const answer = await upstream.send(key, c.req.method, c.req.url, { headers, body: raw });
      if (answer !== null && answer.status >= 200 && answer.status < 300) {
        const state = stateAfterWrite(write, latest?.snapshot ?? before, answerJson(answer));
        try {
          if (state) record(scope, state, latest === null ? before : null, null);
        } catch (error: unknown) {
          // The write landed upstream: a history that failed to record must not turn it into an error.
          ctx.log(`ERROR gateway history: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return relayAnswer(c, answer);
    });
  }

  return { scopeOf, withLock, call, readDashboard, record, forwardWrite };
}
