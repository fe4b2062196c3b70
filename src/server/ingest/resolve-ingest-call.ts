import type { CallMetricInput, IngestCall } from '../../contract/call-log-input-schema.ts';
import { EvalTypeSchema, type EvalType } from '../../contract/enums.ts';

/** The agents and metrics of one project, as an import resolves names and ids against them. */
export interface IngestCatalogue {
  agents: readonly { id: number; name: string }[];
  metrics: readonly { id: number; name: string; evalType: EvalType; enumValues: readonly string[] | null }[];
}

export interface StorableEvaluation {
  metricId: number;
  valueNum: number | null;
  valueText: string | null;
}

/** A call ready for the ingest store: references resolved, evaluations in storage form. */
export interface StorableCall extends Omit<IngestCall, 'metrics' | 'agentName'> {
  evaluations: StorableEvaluation[];
}

/** Why a call cannot be stored, by the field at fault (`agent` or `metrics`), as DRF words errors. */
export interface IngestProblem {
  field: 'agent' | 'metrics';
  message: string;
}

export type ResolvedCall = { ok: true; call: StorableCall } | { ok: false; problems: IngestProblem[] };

const TRUE_TEXT = new Set(['true', '1', 'yes', 'pass', 'passed']);
const FALSE_TEXT = new Set(['false', '0', 'no', 'fail', 'failed']);

/** A metric value in storage form (see `metric_evaluations`): a message when it does not fit the type. */
export function evaluationValue(
  metric: IngestCatalogue['metrics'][number],
  input: CallMetricInput,
): [number | null, string | null] | string {
  const raw = input.value ?? null;
  switch (metric.evalType) {
    case 'binary': {
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
      const yes = text === true || text === 1 || (typeof text === 'string' && TRUE_TEXT.has(text));
      const no = text === false || text === 0 || (typeof text === 'string' && FALSE_TEXT.has(text));
      if (yes || (raw === null && input.score === 1)) return [1, 'true'];
      if (no || (raw === null && input.score === 0)) return [0, 'false'];
      if (raw === null && input.score == null) return [null, null];
      return `Metric "${metric.name}": "${String(raw ?? input.score)}" is not a binary value (true or false).`;
    }
    case 'enum': {
      const choice = input.enum ?? (raw === null ? null : String(raw));
      if (choice === null) return [null, null];
      if (metric.enumValues && !metric.enumValues.includes(choice))
        return `Metric "${metric.name}": "${choice}" is not one of ${metric.enumValues.join(', ')}.`;
      return [null, choice];
    }
    default: {
      const number = raw === null || raw === '' ? (input.score ?? null) : Number(raw);
      if (number === null) return [null, null];
      if (!Number.isFinite(number)) return `Metric "${metric.name}": "${String(raw)}" is not a number.`;
      return [number, null];
    }
  }
}

/**
 * The entry with this id when its name agrees (or no name is given), else the one with this exact
 * name: an export from another database carries its own ids but the same names.
 */
function findByIdOrName<T extends { id: number; name: string }>(
  entries: readonly T[],
  id: number | null,
  name: string | null,
): T | undefined {
  const named = name === null || name === '' ? null : name;
  const byId = id === null ? undefined : entries.find((e) => e.id === id);
  if (byId && (named === null || byId.name === named)) return byId;
  return named === null ? undefined : entries.find((e) => e.name === named);
}

function describeReference(id: number | null, name: string | null): string {
  return [id === null ? null : `id ${id}`, name ? `"${name}"` : null].filter(Boolean).join(' / ');
}

/**
 * Resolves a validated call against the project's catalogue: the agent and each evaluation's
 * metric by id or name (`findByIdOrName`). An unknown agent or metric, a metric given
 * twice or a value that does not fit the metric's type is a problem, never silently dropped. Total
 * and pure.
 */
export function resolveIngestCall(call: IngestCall, catalogue: IngestCatalogue): ResolvedCall {
  const problems: IngestProblem[] = [];
  let agentId: number | null = null;
  if (call.agentId !== null || (call.agentName ?? '') !== '') {
    const agent = findByIdOrName(catalogue.agents, call.agentId, call.agentName);
    if (agent) agentId = agent.id;
    else
      problems.push({
        field: 'agent',
        message: `Unknown agent ${describeReference(call.agentId, call.agentName)} in this project.`,
      });
  }
  const evaluations: StorableEvaluation[] = [];
  for (const input of call.metrics) {
    const metric = findByIdOrName(catalogue.metrics, input.id ?? null, input.name ?? null);
    if (!metric) {
      problems.push({
        field: 'metrics',
        message: `Unknown metric ${describeReference(input.id ?? null, input.name ?? null)} in this project.`,
      });
      continue;
    }
    if (evaluations.some((e) => e.metricId === metric.id)) {
      problems.push({ field: 'metrics', message: `Metric "${metric.name}" is given twice.` });
      continue;
    }
    const value = evaluationValue(metric, input);
    if (typeof value === 'string') problems.push({ field: 'metrics', message: value });
    else evaluations.push({ metricId: metric.id, valueNum: value[0], valueText: value[1] });
  }
  if (problems.length > 0) return { ok: false, problems };
  const { metrics: _metrics, agentName: _agentName, ...rest } = call;
  return { ok: true, call: { ...rest, agentId, evaluations } };
}

/** Agents and metrics a call names that its project lacks and that can be created from the call. */
export interface MissingNames {
  agents: string[];
  metrics: { name: string; evalType: EvalType }[];
}

/**
 * What an import or a sync creates before resolving this call (ADR 0019): an agent named by
 * `agent_name` and a metric named with a known eval `type`, when neither id nor name finds them.
 * A reference by id alone is never created (another database's ids mean nothing here), nor a metric
 * without its type: `resolveIngestCall` reports those. Total and pure; empty lists when nothing is missing.
 */
export function findMissingNames(call: IngestCall, catalogue: IngestCatalogue): MissingNames {
  const agentName = call.agentName ?? '';
  const agents =
    agentName !== '' && !findByIdOrName(catalogue.agents, call.agentId, agentName) ? [agentName] : [];
  const metrics: MissingNames['metrics'] = [];
  for (const input of call.metrics) {
    const name = input.name ?? '';
    const evalType = EvalTypeSchema.safeParse(input.type);
    if (name === '' || !evalType.success || findByIdOrName(catalogue.metrics, input.id ?? null, name))
      continue;
    if (!metrics.some((m) => m.name === name)) metrics.push({ name, evalType: evalType.data });
  }
  return { agents, metrics };
}
