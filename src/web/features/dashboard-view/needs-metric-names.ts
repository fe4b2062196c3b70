import type { DashboardFilterParts } from './dashboard-filters.ts';
import { namesMetric } from './describe-condition.ts';

/**
 * Whether the control bar, as loaded, shows a name that only the project's metrics list knows: the
 * agent filter's summary when exactly one agent is selected (agent names come from the metrics, D20),
 * or a filter chip on a metric id. Otherwise the dashboard opens without asking for the metrics; the
 * agent menu and the filter dialog fetch them when opened. Total.
 */
export function needsMetricNames(parts: Pick<DashboardFilterParts, 'agentIds' | 'rest'>): boolean {
  return parts.agentIds?.length === 1 || parts.rest.some(namesMetric);
}
