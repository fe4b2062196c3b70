import type { Kysely } from 'kysely';
import type { WidgetInput } from '../../contract/widget-schema.ts';
import type { Database } from '../db/database-types.ts';
import { findLatencyMetricId } from './metric-store.ts';

/**
 * Quick-add widget configurations (D16): plain Widget inputs with a name, ready to POST once a
 * `dashboard` is added. Latency widgets use the project's `get_latency` metric and are left out when
 * the project has none, or when more than one project is meant (an organisation key asking without
 * `project_id`): a metric belongs to one project, so any pick would 400 on the others' dashboards.
 */
export async function predefinedWidgets(
  db: Kysely<Database>,
  projectIds: readonly number[],
): Promise<WidgetInput[]> {
  const latencyId = projectIds.length === 1 ? await findLatencyMetricId(db, projectIds) : null;
  const widgets: WidgetInput[] = [
    { name: 'Call summary', chart_type: 'stat', field: '' },
    {
      name: 'Calls per day',
      chart_type: 'bar',
      field: 'call_ended_reason',
      aggregation_function: 'count',
      time_period: 'day',
    },
    {
      name: 'Success rate per day',
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'day',
    },
    {
      name: 'Average duration per day',
      chart_type: 'bar',
      field: 'duration',
      aggregation_function: 'avg',
      time_period: 'day',
    },
    { name: 'Call duration', chart_type: 'line', field: 'duration' },
    { name: 'Why calls ended', chart_type: 'pie', field: 'call_ended_reason' },
    { name: 'Topics', chart_type: 'pie', field: 'topic' },
    {
      name: 'Success rate by agent',
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'day',
      group_by: { type: 'field', field: 'agent.id' },
    },
  ];
  if (latencyId !== null) {
    widgets.push(
      {
        name: 'Latency p95 per day',
        chart_type: 'bar',
        field: 'metric_evaluations.value',
        metric: latencyId,
        aggregation_function: 'p95',
        time_period: 'day',
      },
      { name: 'Latency', chart_type: 'line', field: 'metric_evaluations.value', metric: latencyId },
    );
  }
  return widgets;
}
