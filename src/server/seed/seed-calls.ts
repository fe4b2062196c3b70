import type { RowAppender } from '../analytics/row-appender.ts';
import type { Prng } from './prng.ts';
import {
  ENDED_REASONS_FAILURE,
  ENDED_REASONS_SUCCESS,
  LANGUAGES,
  ORG_NAMES,
  REGIONS,
  type SeedAgent,
  type SeedMetric,
  type SeedProject,
} from './seed-catalogue.ts';

const DAY_MS = 86_400_000;
/** Calls spread over this many days before now (more than 30, so the 30-day limit is visible). */
export const SEED_SPAN_DAYS = 45;

export interface SeededAgent {
  id: number;
  spec: SeedAgent;
  /** Median latency in ms for this agent. */
  latencyMedian: number;
}
export interface SeededProject {
  id: number;
  spec: SeedProject;
  agents: SeededAgent[];
  metrics: { id: number; spec: SeedMetric }[];
}

/** Relative call volume by UTC hour: quiet nights, busy office hours with two peaks. */
const HOURLY_WEIGHT = [
  0.12, 0.08, 0.06, 0.06, 0.08, 0.15, 0.3, 0.55, 0.8, 0.95, 1, 0.95, 0.8, 0.9, 1, 0.95, 0.85, 0.7, 0.55, 0.45,
  0.38, 0.3, 0.22, 0.16,
];
/** Relative volume by UTC weekday (Sunday first). */
const WEEKDAY_WEIGHT = [0.35, 1, 0.97, 0.95, 0.93, 0.85, 0.5];

/** Random call times over the span, shaped by hour and weekday and a gentle upward trend; ascending. */
function drawTimestamps(prng: Prng, count: number, now: Date): Float64Array {
  const end = now.getTime();
  const start = end - SEED_SPAN_DAYS * DAY_MS;
  const out = new Float64Array(count);
  let filled = 0;
  while (filled < count) {
    const t = start + prng.next() * (end - start);
    const date = new Date(t);
    const weight =
      (HOURLY_WEIGHT[date.getUTCHours()] ?? 1) *
      (WEEKDAY_WEIGHT[date.getUTCDay()] ?? 1) *
      (0.8 + 0.2 * ((t - start) / (end - start)));
    if (prng.next() < weight) out[filled++] = Math.floor(t);
  }
  return out.sort();
}

function digits(prng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(prng.int(0, 9));
  return out;
}

function hex(prng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += prng.int(0, 15).toString(16);
  return out;
}

function metadataFor(prng: Prng, project: SeededProject): string | null {
  if (prng.chance(0.01)) return null;
  const metadata: Record<string, string> = {};
  if (prng.chance(0.92)) metadata.region = prng.weighted(REGIONS);
  if (prng.chance(0.85)) metadata.org_name = prng.pick(ORG_NAMES);
  const inboundShare = project.spec.name === 'Support Line' ? 0.85 : 0.2;
  if (prng.chance(0.95)) metadata.call_type = prng.chance(inboundShare) ? 'inbound' : 'outbound';
  if (prng.chance(0.8)) metadata.language = prng.weighted(LANGUAGES);
  return JSON.stringify(metadata);
}

/**
 * Writes `count` calls and their metric evaluations through the analytics appender, ids from
 * `firstId` on (the caller runs this inside one analytics write). An "incident" a few days ago (one
 * agent fails more and gets slower) gives the charts something to show.
 */
export function seedCalls(
  appender: RowAppender,
  prng: Prng,
  projects: readonly SeededProject[],
  count: number,
  now: Date,
  firstId: number,
): void {
  if (count <= 0) return;
  const timestamps = drawTimestamps(prng, count, now);
  let callId = firstId - 1;
  const projectWeights = projects.map((p) => [p, p.spec.share] as const);
  const agentWeights = new Map(projects.map((p) => [p, p.agents.map((a) => [a, a.spec.volume] as const)]));
  const incidentStart = now.getTime() - 5 * DAY_MS;
  const incidentEnd = now.getTime() - 3 * DAY_MS;

  for (const ts of timestamps) {
    callId += 1;
    const project = prng.weighted(projectWeights);
    const agent = prng.weighted(agentWeights.get(project) ?? []);
    const incident = ts >= incidentStart && ts < incidentEnd && agent === project.agents[1];
    const successRate = agent.spec.successRate - (incident ? 0.3 : 0);
    const success = prng.chance(0.03) ? null : prng.chance(successRate);
    const duration = Math.min(
      3600,
      Math.max(4, prng.logNormal(agent.spec.medianDuration * (success === false ? 0.65 : 1.05), 0.55)),
    );
    const failed = success !== true;
    appender.call({
      id: callId,
      project_id: project.id,
      agent_id: agent.id,
      ts_ms: ts,
      duration: Math.round(duration * 10) / 10,
      success: success === null ? null : success ? 1 : 0,
      is_reviewed: prng.chance(0.12) ? 1 : 0,
      call_ended_reason: prng.weighted(failed ? ENDED_REASONS_FAILURE : ENDED_REASONS_SUCCESS),
      dropoff_point: failed || prng.chance(0.1) ? prng.pick(project.spec.dropoffPoints) : null,
      topic: prng.chance(0.05) ? null : prng.weighted(project.spec.topics),
      customer_number: `+1${digits(prng, 10)}`,
      call_id: `call_${hex(prng, 16)}`,
      metadata: metadataFor(prng, project),
      created_ms: ts,
    });
    for (const metric of project.metrics) {
      if (metric.spec.coverage < 1 && !prng.chance(metric.spec.coverage)) continue;
      const [num, text] = evaluationValue(prng, metric.spec, success, agent, incident);
      appender.evaluation({
        call_id: callId,
        metric_id: metric.id,
        value_num: num,
        value_text: text,
        ts_ms: ts,
      });
    }
  }
}

function evaluationValue(
  prng: Prng,
  metric: SeedMetric,
  success: boolean | null,
  agent: SeededAgent,
  incident: boolean,
): [number | null, string | null] {
  const good = success === true;
  switch (metric.slug) {
    case 'latency':
      return [Math.round(prng.logNormal(agent.latencyMedian * (incident ? 1.7 : 1), 0.35)), null];
    case 'csat': {
      const score = good
        ? prng.weighted([
            [5, 5],
            [4, 4],
            [3, 1.5],
            [2, 0.5],
            [1, 0.3],
          ] as const)
        : prng.weighted([
            [1, 3],
            [2, 3],
            [3, 2],
            [4, 1],
            [5, 0.4],
          ] as const);
      return [score, null];
    }
    case 'intent-resolved': {
      const resolved = prng.chance(good ? 0.9 : 0.25);
      return [resolved ? 1 : 0, resolved ? 'true' : 'false'];
    }
    case 'sentiment': {
      const weights = good ? [0.6, 0.3, 0.1] : [0.15, 0.35, 0.5];
      const values = metric.enumValues ?? ['positive', 'neutral', 'negative'];
      return [null, prng.weighted(values.map((v, i) => [v, weights[i] ?? 0.1] as const))];
    }
    case 'conversation-quality': {
      const score = Math.min(1, Math.max(0, 0.6 + (good ? 0.15 : -0.2) + prng.normal() * 0.15));
      return [Math.round(score * 100) / 100, null];
    }
    default:
      return [Math.min(15, Math.floor(prng.logNormal(good ? 1.2 : 2.2, 0.7))), null];
  }
}
