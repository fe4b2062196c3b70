import type { Metric } from '../../../contract/metric-schema.ts';
import type { WidgetInput } from '../../../contract/widget-schema.ts';

/**
 * The predefined widgets a dashboard's project can have: every one that names no metric, and those
 * whose metric is one of the project's. A server that ignores `project_id` (or an organisation key)
 * may fill in another project's metric; such a widget would only fail with a 400 when added, so it is
 * not offered. Without the project's metrics (null: they could not be loaded) no metric widget is
 * offered. Order is kept. Pure and total.
 */
export function quickAddsForProject(
  inputs: readonly WidgetInput[],
  metrics: readonly Metric[] | null,
): WidgetInput[] {
  const known = new Set((metrics ?? []).map((metric) => metric.id));
  return inputs.filter((input) => input.metric == null || known.has(input.metric));
}
