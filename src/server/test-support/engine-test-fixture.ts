import type { Filter } from '../../contract/filter-schema.ts';
import { queryRows } from '../analytics/analytics-database.ts';
import type { StoredCall, StoredEvaluation } from '../analytics/analytics-schema.ts';
import { openRowAppender } from '../analytics/row-appender.ts';
import { compileFilter, type Dimensions } from '../engine/filter-sql.ts';
import type { OpenDatabase } from '../db/open-database.ts';

/**
 * A small deterministic dataset for the engine's differential tests: ~500 calls over 40 days before a
 * fixed `now`, with nulls, missing metadata keys, calls without an agent, hostile strings (SQL
 * fragments, LIKE wildcards, quotes, backslashes) and unicode, written to a migrated database. The
 * rows are returned as plain objects so a JavaScript reference can evaluate the same data without
 * going through SQL.
 */

export const FIXTURE_NOW = new Date('2026-08-20T15:30:00.000Z');

export interface FixtureAgent {
  id: number;
  project_id: number;
  agent_name: string;
}
export interface FixtureMetric {
  id: number;
  project_id: number;
  name: string;
  eval_type: 'binary' | 'continuous_qualitative' | 'numeric' | 'enum';
  function_name: string | null;
}
export type FixtureEvaluation = StoredEvaluation & { id: number };
/** A stored call with its time as ISO text too and its metadata parsed; `insertEngineFixture` adds the rest. */
export type FixtureCall = Omit<StoredCall, 'call_id' | 'metadata' | 'created_ms'> & {
  timestamp: string;
  /** Parsed metadata (null when the column is null). */
  metadata: Record<string, string | null> | null;
};
export interface EngineFixture {
  now: Date;
  projectIds: number[];
  agents: FixtureAgent[];
  metrics: FixtureMetric[];
  calls: FixtureCall[];
  evaluations: FixtureEvaluation[];
}

/** Strings that must be treated as data, never as SQL or LIKE syntax. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE calls; --",
  '%',
  '_',
  '100%_done',
  "O'Brien",
  'back\\slash',
  'Ünïcödé Straße',
  '日本語テキスト',
  'emoji 🎉 party',
  'Robert"); DELETE FROM metric_evaluations; --',
] as const;

export const FIXTURE_POOLS = {
  call_ended_reason: [
    'Main agent-ended-call',
    'Testing agent-ended-call',
    'call-canceled',
    'exceeded-max-duration',
    'participant_disconnected',
    HOSTILE_STRINGS[0],
    null,
  ],
  dropoff_point: ['greeting', 'payment', 'Payment', 'verification', HOSTILE_STRINGS[3], '_', null, null],
  topic: ['Billing', 'billing', 'BILLING_issue', 'refund', 'Ünïcödé Straße', '%', "O'Brien", null],
  customer_number: ['+15550001111', '+15550002222', '+442071234567', 'back\\slash', null],
  region: ['US', 'EU', 'APAC', 'us', HOSTILE_STRINGS[0]],
  org_name: ['Acme Corp', 'acme corp', 'Globex', '日本語テキスト', 'emoji 🎉 party', '100%_done'],
  call_type: ['inbound', 'outbound', 'web'],
  language: ['en', 'de', 'fr', 'ja'],
  sentiment: ['positive', 'neutral', 'negative', HOSTILE_STRINGS[9]],
} as const;

export const FIXTURE_METADATA_KEYS = ['region', 'org_name', 'call_type', 'language', 'missing_key'] as const;

/** mulberry32: a tiny seeded PRNG, so the fixture is identical on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const AGENTS: FixtureAgent[] = [
  { id: 1, project_id: 1, agent_name: 'Alpha' },
  { id: 2, project_id: 1, agent_name: 'Beta Bot' },
  { id: 3, project_id: 1, agent_name: 'Ünïcödé agent' },
  { id: 4, project_id: 2, agent_name: "'; DROP TABLE calls; --" },
  { id: 5, project_id: 2, agent_name: '100% _sure_' },
];

const METRICS: FixtureMetric[] = [
  { id: 1, project_id: 1, name: 'Latency', eval_type: 'numeric', function_name: 'get_latency' },
  { id: 2, project_id: 1, name: 'CSAT', eval_type: 'numeric', function_name: null },
  { id: 3, project_id: 1, name: 'Intent resolved', eval_type: 'binary', function_name: null },
  { id: 4, project_id: 1, name: 'Sentiment', eval_type: 'enum', function_name: null },
  { id: 5, project_id: 2, name: 'accuracy %_', eval_type: 'continuous_qualitative', function_name: null },
  { id: 6, project_id: 2, name: 'Latency', eval_type: 'numeric', function_name: 'get_latency' },
];

function evaluationValue(
  random: () => number,
  metric: FixtureMetric,
): { value_num: number | null; value_text: string | null } {
  if (random() < 0.05) return { value_num: null, value_text: null };
  switch (metric.eval_type) {
    case 'numeric':
      return metric.function_name === 'get_latency'
        ? { value_num: Math.round(200 + random() * 1800), value_text: null }
        : { value_num: 1 + Math.floor(random() * 5), value_text: null };
    case 'continuous_qualitative':
      return { value_num: Math.round(random() * 100) / 100, value_text: null };
    case 'binary': {
      const yes = random() < 0.6;
      return { value_num: yes ? 1 : 0, value_text: yes ? 'true' : 'false' };
    }
    case 'enum':
      return { value_num: null, value_text: pick(random, FIXTURE_POOLS.sentiment) };
  }
}

function buildMetadata(random: () => number): Record<string, string | null> | null {
  if (random() < 0.08) return null;
  const metadata: Record<string, string | null> = {};
  if (random() < 0.85) metadata.region = random() < 0.1 ? null : pick(random, FIXTURE_POOLS.region);
  if (random() < 0.7) metadata.org_name = pick(random, FIXTURE_POOLS.org_name);
  if (random() < 0.9) metadata.call_type = pick(random, FIXTURE_POOLS.call_type);
  if (random() < 0.6) metadata.language = pick(random, FIXTURE_POOLS.language);
  return metadata;
}

/** Builds the rows (pure, deterministic). */
export function buildEngineFixture(options: { calls?: number; seed?: number } = {}): EngineFixture {
  const random = createRandom(options.seed ?? 20260820);
  const count = options.calls ?? 500;
  const now = FIXTURE_NOW;
  const spanMs = 40 * 86_400_000;
  const calls: FixtureCall[] = [];
  const evaluations: FixtureEvaluation[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = index + 1;
    const project_id = random() < 0.7 ? 1 : 2;
    const projectAgents = AGENTS.filter((agent) => agent.project_id === project_id);
    const agent_id = random() < 0.07 ? null : pick(random, projectAgents).id;
    // Whole seconds, with a few exactly on a day boundary to exercise the bucket edges.
    const ts_ms =
      random() < 0.03
        ? Math.floor((now.getTime() - random() * spanMs) / 86_400_000) * 86_400_000
        : Math.floor((now.getTime() - random() * spanMs) / 1000) * 1000;
    const successDraw = random();
    calls.push({
      id,
      project_id,
      agent_id,
      timestamp: new Date(ts_ms).toISOString(),
      ts_ms,
      duration: random() < 0.04 ? null : Math.round(Math.exp(3 + random() * 2.5) * 10) / 10,
      success: successDraw < 0.1 ? null : successDraw < 0.75 ? 1 : 0,
      is_reviewed: random() < 0.3 ? 1 : 0,
      call_ended_reason: pick(random, FIXTURE_POOLS.call_ended_reason),
      dropoff_point: pick(random, FIXTURE_POOLS.dropoff_point),
      topic: pick(random, FIXTURE_POOLS.topic),
      customer_number: pick(random, FIXTURE_POOLS.customer_number),
      metadata: buildMetadata(random),
    });
    for (const metric of METRICS) {
      if (metric.project_id !== project_id || random() < 0.25) continue;
      evaluations.push({
        id: evaluations.length + 1,
        call_id: id,
        metric_id: metric.id,
        ts_ms,
        ...evaluationValue(random, metric),
      });
    }
  }
  return { now, projectIds: [1, 2], agents: AGENTS, metrics: METRICS, calls, evaluations };
}

/**
 * Writes a fixture into a migrated database (organisation 1 with projects 1 and 2): definitions into
 * SQLite, calls and evaluations into the analytics store. Settles when both are written.
 */
export async function insertEngineFixture(database: OpenDatabase, fixture: EngineFixture): Promise<void> {
  const { sqlite } = database;
  const created = fixture.now.toISOString();
  sqlite.transaction(() => {
    sqlite.prepare('INSERT INTO organisations (id, name) VALUES (1, ?)').run('Fixture org');
    const project = sqlite.prepare('INSERT INTO projects (id, organisation_id, name) VALUES (?, 1, ?)');
    for (const id of fixture.projectIds) project.run(id, `Project ${id}`);
    const agent = sqlite.prepare('INSERT INTO agents (id, project_id, agent_name) VALUES (?, ?, ?)');
    for (const a of fixture.agents) agent.run(a.id, a.project_id, a.agent_name);
    const metric = sqlite.prepare(
      `INSERT INTO metrics (id, project_id, name, slug, type, eval_type, function_name, created_at)
       VALUES (?, ?, ?, ?, 'basic', ?, ?, ?)`,
    );
    for (const m of fixture.metrics)
      metric.run(m.id, m.project_id, m.name, `metric-${m.id}`, m.eval_type, m.function_name, created);
  })();
  await database.analytics.write(async (connection) => {
    const appender = await openRowAppender(connection);
    for (const { timestamp: _timestamp, metadata, ...call } of fixture.calls) {
      appender.call({
        ...call,
        call_id: `provider-${call.id}`,
        metadata: metadata === null ? null : JSON.stringify(metadata),
        created_ms: fixture.now.getTime(),
      });
    }
    for (const e of fixture.evaluations) appender.evaluation(e);
    await appender.close();
  });
}

/** The fixture's agent and metric names, as the engine reads them from SQLite for a request. */
export function fixtureDimensions(fixture: EngineFixture): Dimensions {
  return {
    agentNames: new Map(fixture.agents.map((agent) => [agent.id, agent.agent_name])),
    metricNames: new Map(fixture.metrics.map((metric) => [metric.id, metric.name])),
  };
}

/** The ids of the calls a compiled filter selects in the analytics store, ascending. */
export async function compiledFilterIds(
  database: OpenDatabase,
  filter: Filter,
  now: Date,
  dimensions: Dimensions,
): Promise<number[]> {
  const { sql, params } = compileFilter(filter, { now, dimensions });
  const rows = await database.analytics.read(null, (connection) =>
    queryRows(connection, `SELECT c.id FROM calls c WHERE ${sql} ORDER BY c.id`, params),
  );
  return rows.map((row) => Number(row[0]));
}
