import type { OpenDatabase } from '../db/open-database.ts';
import * as z from 'zod';
import { CallLogInputSchema, toIngestCall } from '../../contract/call-log-input-schema.ts';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import { storeCallLogs } from '../ingest/call-ingest-store.ts';
import { callIdOf } from '../ingest/call-id-of.ts';
import {
  createMissingNames,
  loadIngestCatalogue,
  type CreatedCatalogue,
} from '../ingest/ingest-catalogue.ts';
import { redactCall } from '../ingest/redact-call.ts';
import { findMissingNames, resolveIngestCall, type StorableCall } from '../ingest/resolve-ingest-call.ts';
import { slugify } from '../store/metric-slug.ts';
import { hasMetricNamed, insertMetric } from '../store/metric-write-store.ts';
import type { CheckpointStore, SyncCheckpoint } from './sync-checkpoint.ts';
import { upstreamGet, type RetryPolicy } from './upstream-get.ts';

const DAY_MS = 86_400_000;
/** The call-log list accepts windows of at most 31 days (D19). */
export const SYNC_WINDOW_DAYS = 31;

export interface SyncOptions {
  upstreamUrl: string;
  apiKey: string;
  /** The local project the calls go to. */
  projectId: number;
  /** The upstream project (`project_id`, needed with an organisation-level upstream key). */
  upstreamProjectId: number | null;
  days: number;
  /** Upstream agent ids; empty for all agents. */
  agentIds: readonly number[];
  redact: boolean;
  now: Date;
  pageSize?: number;
  fetch?: typeof fetch;
  retry: RetryPolicy;
  checkpoints: CheckpointStore;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  pages: number;
  received: number;
  stored: number;
  unchanged: number;
  skipped: number;
  /** The oldest call time reached so far (ISO), per the cursor. */
  reached: string;
}

export interface SyncReport extends SyncProgress {
  /** Metrics copied from the upstream's metric list (with their descriptions and enum values). */
  metricsCreated: number;
  /** Agents and metrics the calls named but the project lacked (the import's rule, ADR 0019). */
  created: { agents: string[]; metrics: string[] };
  problems: string[];
  resumed: boolean;
}

const PageSchema = z
  .object({ next: z.string().nullable().optional(), results: z.array(z.unknown()) })
  .loose();

/** Creates the upstream's metrics the local project lacks (matched by name); returns how many. */
async function syncMetrics(
  database: OpenDatabase,
  options: SyncOptions,
  fetchFn: typeof fetch,
): Promise<number> {
  const url = new URL('/test_framework/v2/metrics/', options.upstreamUrl);
  if (options.upstreamProjectId !== null)
    url.searchParams.set('project_id', String(options.upstreamProjectId));
  const metrics = MetricListResponseSchema.parse(
    await upstreamGet(fetchFn, url, options.apiKey, options.retry),
  );
  let created = 0;
  for (const metric of metrics) {
    if (await hasMetricNamed(database.db, options.projectId, metric.name)) continue;
    await insertMetric(database.db, {
      projectId: options.projectId,
      name: metric.name,
      slug: metric.slug ?? slugify(metric.name),
      description: metric.description ?? null,
      type: metric.type ?? 'basic',
      evalType: metric.eval_type,
      enumValues: metric.eval_type === 'enum' ? (metric.enum_values ?? []) : null,
      agentIds: [],
      createdAt: options.now.toISOString(),
    });
    created += 1;
  }
  return created;
}

/**
 * Copies the project's call logs of the last `days` days (and its metrics) from the upstream API:
 * newest first through `GET /observability/v2/call-logs/`, in windows of at most 31 days, one page
 * per request. After each page, the calls are stored (idempotently by call_id, one transaction per
 * page) and the cursor moves to the oldest timestamp on the page (that timestamp is asked for again,
 * so calls sharing it are not lost; the repeats are unchanged). The cursor is saved after every
 * page: an interrupted sync continues where it stopped. Agents and metrics the calls name but the
 * project lacks are created and listed, as an import does (ADR 0019); a call that still does not fit
 * (a reference by id alone, a bad value) is reported and skipped.
 */
export async function syncCalls(database: OpenDatabase, options: SyncOptions): Promise<SyncReport> {
  const fetchFn = options.fetch ?? fetch;
  const pageSize = options.pageSize ?? 100;
  const key = (agentId: number | null) => (agentId === null ? '*' : String(agentId));
  const fromMs = options.now.getTime() - options.days * DAY_MS;
  const loaded = options.checkpoints.load();
  const resumable =
    loaded !== null && loaded.upstream === options.upstreamUrl && loaded.projectId === options.projectId;
  const checkpoint: SyncCheckpoint = resumable
    ? loaded
    : { upstream: options.upstreamUrl, projectId: options.projectId, cursors: {} };
  const report: SyncReport = {
    pages: 0,
    received: 0,
    stored: 0,
    unchanged: 0,
    skipped: 0,
    reached: options.now.toISOString(),
    metricsCreated: await syncMetrics(database, options, fetchFn),
    created: { agents: [], metrics: [] },
    problems: [],
    resumed: false,
  };
  const agents = options.agentIds.length === 0 ? [null] : options.agentIds;
  for (const agentId of agents) {
    const found = checkpoint.cursors[key(agentId)];
    if (found && !found.done) report.resumed = true;
    const cursor =
      found && !found.done ? found : { fromMs, cursorMs: options.now.getTime(), page: 1, done: false };
    checkpoint.cursors[key(agentId)] = cursor;
    while (!cursor.done) {
      const windowFrom = Math.max(cursor.fromMs, cursor.cursorMs - SYNC_WINDOW_DAYS * DAY_MS);
      const url = new URL('/observability/v2/call-logs/', options.upstreamUrl);
      url.searchParams.set('timestamp_from', new Date(windowFrom).toISOString());
      url.searchParams.set('timestamp_to', new Date(cursor.cursorMs).toISOString());
      url.searchParams.set('page_size', String(pageSize));
      url.searchParams.set('page', String(cursor.page));
      if (options.upstreamProjectId !== null)
        url.searchParams.set('project_id', String(options.upstreamProjectId));
      if (agentId !== null) url.searchParams.set('agent_id', String(agentId));
      const page = PageSchema.parse(await upstreamGet(fetchFn, url, options.apiKey, options.retry));
      await storePage(database, options, page.results, report);
      report.pages += 1;
      report.received += page.results.length;
      const times = page.results.flatMap((r) => {
        const at =
          typeof r === 'object' && r !== null && 'timestamp' in r && typeof r.timestamp === 'string'
            ? Date.parse(r.timestamp)
            : NaN;
        return Number.isFinite(at) ? [at] : [];
      });
      const oldest = times.length > 0 ? Math.min(...times) : null;
      if (page.results.length < pageSize || !page.next || oldest === null) {
        // The window is exhausted: on to the next older one, or done.
        if (windowFrom <= cursor.fromMs) cursor.done = true;
        else Object.assign(cursor, { cursorMs: windowFrom, page: 1 });
      } else if (oldest >= cursor.cursorMs) {
        cursor.page += 1; // a whole page at one instant: page on within it
      } else Object.assign(cursor, { cursorMs: oldest, page: 1 });
      report.reached = new Date(cursor.done ? cursor.fromMs : cursor.cursorMs).toISOString();
      options.checkpoints.save(checkpoint);
      options.onProgress?.({ ...report });
    }
  }
  return report;
}

async function storePage(
  database: OpenDatabase,
  options: SyncOptions,
  results: readonly unknown[],
  report: SyncReport,
) {
  const calls = results.flatMap((value) => {
    const parsed = CallLogInputSchema.safeParse(value);
    if (parsed.success) return [toIngestCall(parsed.data)];
    report.skipped += 1;
    report.problems.push(
      `call ${callIdOf(value) ?? '(no call_id)'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
    return [];
  });
  let catalogue = loadIngestCatalogue(database.sqlite, options.projectId);
  const created: CreatedCatalogue = { agents: [], metrics: [] };
  const storable: StorableCall[] = [];
  for (const call of calls) {
    const missing = findMissingNames(call, catalogue);
    if (missing.agents.length > 0 || missing.metrics.length > 0)
      catalogue = createMissingNames(database.sqlite, options.projectId, missing, created, options.now);
    const resolved = resolveIngestCall(options.redact ? redactCall(call) : call, catalogue);
    if (resolved.ok) storable.push(resolved.call);
    else {
      report.skipped += 1;
      report.problems.push(`call ${call.callId}: ${resolved.problems.map((p) => p.message).join(' ')}`);
    }
  }
  report.created.agents.push(...created.agents.map((a) => a.name));
  report.created.metrics.push(...created.metrics.map((m) => m.name));
  const result = await storeCallLogs(database, options.projectId, storable, { now: options.now });
  report.stored += result.stored;
  report.unchanged += result.unchanged;
}
