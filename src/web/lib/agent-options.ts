import type { Metric } from '../../contract/metric-schema.ts';

export interface AgentOption {
  id: number;
  name: string;
}

/**
 * The agents a dashboard can be filtered on, read from the project's metrics (each lists the agents it
 * is linked to, with their names): the API has no agents list, and the editor caches the same metrics.
 * Selected ids that no metric names are kept as "Agent <id>" so a selection never disappears.
 * Sorted by name. Total.
 */
export function agentOptions(metrics: readonly Metric[], selected: readonly number[]): AgentOption[] {
  const byId = new Map<number, string>();
  for (const metric of metrics) {
    const ids = metric.agents ?? [];
    ids.forEach((id, index) => {
      if (!byId.has(id)) byId.set(id, metric.agent_names?.[index] ?? `Agent ${id}`);
    });
  }
  for (const id of selected) if (!byId.has(id)) byId.set(id, `Agent ${id}`);
  return [...byId.entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}
