import { CHART_TYPE_LABELS, type ChartType } from '../../../../contract/enums.ts';
import { EVAL_TYPE_LABELS } from '../../../../contract/field-catalogue.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import { METRIC_VALUE_FIELD, allowedChartTypes } from '../../../../contract/widget-rules.ts';
import type { PickerGroup, PickerOption } from '../../../ui/searchable-picker.tsx';

/**
 * The Metric picker's groups: the project's metrics first, then agent metrics without a project (under
 * their first agent), each showing its eval type and searchable by agent name; a metric whose eval type the current
 * chart cannot show says which chart choosing it switches to (D22). Total.
 */
export function metricPickerGroups(metrics: readonly Metric[], chartType: ChartType): PickerGroup[] {
  const groups = new Map<string, PickerOption[]>();
  for (const metric of [...metrics].sort((a, b) => a.name.localeCompare(b.name))) {
    const agentNames = agentNamesOf(metric);
    const agent = agentNames[0];
    // Project metrics are listed together; only metrics without a project are filed under an agent.
    const group = metric.project != null || !agent ? 'Project' : `Agent: ${agent}`;
    const fits = allowedChartTypes(METRIC_VALUE_FIELD, metric);
    const target = fits.includes(chartType) ? null : fits.find((chart) => chart !== 'stat');
    const option: PickerOption = {
      value: String(metric.id),
      label: metric.name,
      detail: EVAL_TYPE_LABELS[metric.eval_type],
      keywords: `${metric.slug ?? ''} ${metric.eval_type} ${agentNames.join(' ')}`,
      ...(target ? { reason: `Switches the chart to ${CHART_TYPE_LABELS[target]}` } : {}),
    };
    groups.set(group, [...(groups.get(group) ?? []), option]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === 'Project' ? -1 : b === 'Project' ? 1 : a.localeCompare(b)))
    .map(([label, options]) => ({ id: label, label, options }));
}

/** `agent_names` arrives as a list or as one comma-separated string, depending on the server. */
function agentNamesOf(metric: Metric): string[] {
  const names = metric.agent_names;
  if (names === undefined) return [];
  if (typeof names === 'string')
    return names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '');
  return names;
}
