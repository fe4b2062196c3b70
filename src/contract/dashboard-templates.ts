import {
  DASHBOARD_DOCUMENT_FORMAT,
  DASHBOARD_DOCUMENT_VERSION,
  type DashboardDocument,
  type DocumentWidget,
} from './dashboard-document-schema.ts';

/**
 * Starter dashboards for voice-agent QA, written as dashboard documents. A widget that plots a metric
 * names it in `references.metrics` under a placeholder id (negative: never a real one); binding
 * (`bindDashboardTemplate`) finds the project's metric of that name and shapes the widget by its type.
 */
export interface DashboardTemplate {
  id: string;
  title: string;
  description: string;
  document: DashboardDocument;
}

const LAST_30_DAYS = {
  operator: 'and' as const,
  conditions: [
    { field: 'timestamp', op: 'gte' as const, value: 'now-30d' },
    { field: 'timestamp', op: 'lte' as const, value: 'now' },
  ],
};

/** A widget slot for the metric named `name` (chart chosen by its type when bound). */
function metricSlot(id: number): DocumentWidget {
  return { name: null, chart_type: 'bar', field: 'metric_evaluations.value', metric: id };
}

function template(
  id: string,
  title: string,
  description: string,
  widgets: DocumentWidget[],
  metrics: { id: number; name: string }[],
): DashboardTemplate {
  return {
    id,
    title,
    description,
    document: {
      format: DASHBOARD_DOCUMENT_FORMAT,
      version: DASHBOARD_DOCUMENT_VERSION,
      dashboard: { name: title, filters: LAST_30_DAYS },
      widgets,
      references: { metrics, agents: [] },
    },
  };
}

export const DASHBOARD_TEMPLATES: readonly DashboardTemplate[] = [
  template(
    'latency-and-reliability',
    'Latency and reliability',
    'How fast the agents answer and how often calls end as they should.',
    [
      { name: 'Call summary', chart_type: 'stat', field: '' },
      metricSlot(-1),
      {
        name: 'Success rate per day',
        chart_type: 'bar',
        field: 'success',
        aggregation_function: 'avg',
        time_period: 'day',
      },
      { name: 'Why calls ended', chart_type: 'pie', field: 'call_ended_reason' },
      metricSlot(-2),
      {
        name: 'Average duration per day',
        chart_type: 'bar',
        field: 'duration',
        aggregation_function: 'avg',
        time_period: 'day',
      },
    ],
    [
      { id: -1, name: 'Latency' },
      { id: -2, name: 'Interruptions' },
    ],
  ),
  template(
    'customer-experience',
    'Customer experience',
    'What callers felt and whether they got what they called for.',
    [metricSlot(-1), metricSlot(-2), metricSlot(-3), { name: 'Topics', chart_type: 'pie', field: 'topic' }],
    [
      { id: -1, name: 'CSAT' },
      { id: -2, name: 'Sentiment' },
      { id: -3, name: 'Intent resolved' },
    ],
  ),
  template(
    'failure-analysis',
    'Failure analysis',
    'Where and why calls fail, by agent, topic and drop-off point.',
    [
      { name: 'Why calls ended', chart_type: 'pie', field: 'call_ended_reason' },
      { name: 'Where calls dropped off', chart_type: 'pie', field: 'dropoff_point' },
      {
        name: 'Success rate by agent',
        chart_type: 'bar',
        field: 'success',
        aggregation_function: 'avg',
        time_period: 'day',
        group_by: { type: 'field', field: 'agent.id' },
      },
      {
        name: 'Topics of failed calls',
        chart_type: 'pie',
        field: 'topic',
        filters: { field: 'success', op: 'eq', value: false },
      },
      metricSlot(-1),
    ],
    [{ id: -1, name: 'Intent resolved' }],
  ),
];
