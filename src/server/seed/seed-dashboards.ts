import type BetterSqlite3 from 'better-sqlite3';
import type { Filter } from '../../contract/filter-schema.ts';
import type { SeededProject } from './seed-calls.ts';

interface SampleWidget {
  name: string;
  chart_type: 'line' | 'bar' | 'pie' | 'stat';
  field: string;
  metric?: string;
  aggregation_function?: string;
  time_period?: string;
  group_by?: unknown;
  filters?: Filter;
  layout: { x: number; y: number; w: number; h: number };
}

/** "Last 7 days", as the Cekura guide writes it. */
export const LAST_7_DAYS: Filter = {
  operator: 'and',
  conditions: [
    { field: 'timestamp', op: 'gte', value: 'today-7d' },
    { field: 'timestamp', op: 'lte', value: 'now' },
  ],
};

function supportWidgets(): SampleWidget[] {
  return [
    { name: 'Call summary', chart_type: 'stat', field: '', layout: { x: 0, y: 0, w: 4, h: 3 } },
    {
      name: 'Success rate by agent',
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'day',
      group_by: { type: 'field', field: 'agent.id' },
      layout: { x: 4, y: 0, w: 8, h: 3 },
    },
    { name: 'Call duration', chart_type: 'line', field: 'duration', layout: { x: 0, y: 3, w: 6, h: 4 } },
    {
      name: 'Latency p95 per day',
      chart_type: 'bar',
      field: 'metric_evaluations.value',
      metric: 'latency',
      aggregation_function: 'p95',
      time_period: 'day',
      layout: { x: 6, y: 3, w: 6, h: 4 },
    },
    {
      name: 'Why calls ended',
      chart_type: 'pie',
      field: 'call_ended_reason',
      layout: { x: 0, y: 7, w: 4, h: 4 },
    },
    {
      name: 'Sentiment',
      chart_type: 'pie',
      field: 'metric_evaluations.value',
      metric: 'sentiment',
      layout: { x: 4, y: 7, w: 4, h: 4 },
    },
    {
      name: 'Topics of unhappy failed calls',
      chart_type: 'pie',
      field: 'topic',
      filters: {
        operator: 'and',
        conditions: [
          { field: 'success', op: 'eq', value: false },
          {
            operator: 'or',
            conditions: [
              {
                operator: 'same_row',
                conditions: [
                  { field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' },
                  { field: 'metric_evaluations.value', op: 'lte', value: 2 },
                ],
              },
              { field: 'metadata.region', op: 'in', value: ['EU', 'APAC'] },
            ],
          },
        ],
      },
      layout: { x: 8, y: 7, w: 4, h: 4 },
    },
  ];
}

function salesWidgets(): SampleWidget[] {
  return [
    { name: 'Outreach summary', chart_type: 'stat', field: '', layout: { x: 0, y: 0, w: 3, h: 3 } },
    {
      name: 'Calls per day by region',
      chart_type: 'bar',
      field: 'call_ended_reason',
      aggregation_function: 'count',
      time_period: 'day',
      group_by: { type: 'field', field: 'metadata.region' },
      layout: { x: 3, y: 0, w: 9, h: 3 },
    },
    {
      name: 'Conversation quality',
      chart_type: 'line',
      field: 'metric_evaluations.value',
      metric: 'conversation-quality',
      layout: { x: 0, y: 3, w: 6, h: 4 },
    },
    {
      name: 'Average duration, 6-hour buckets',
      chart_type: 'line',
      field: 'duration',
      aggregation_function: 'avg',
      group_by: { type: 'bucket', interval: 6 * 3_600_000 },
      layout: { x: 6, y: 3, w: 6, h: 4 },
    },
    {
      name: 'Intent resolved',
      chart_type: 'pie',
      field: 'metric_evaluations.value',
      metric: 'intent-resolved',
      layout: { x: 0, y: 7, w: 4, h: 4 },
    },
    {
      name: 'Interruptions per day',
      chart_type: 'bar',
      field: 'metric_evaluations.value',
      metric: 'interruptions',
      aggregation_function: 'avg',
      time_period: 'day',
      layout: { x: 4, y: 7, w: 4, h: 4 },
    },
    {
      name: 'Languages of inbound calls',
      chart_type: 'pie',
      field: 'metadata.language',
      filters: { field: 'metadata.call_type', op: 'eq', value: 'inbound' },
      layout: { x: 8, y: 7, w: 4, h: 4 },
    },
  ];
}

/** Two sample dashboards (one per project) using every chart type, grouping, nesting and layouts. */
export function seedDashboards(
  sqlite: BetterSqlite3.Database,
  organisationId: number,
  projects: readonly SeededProject[],
  now: Date,
): number[] {
  const iso = now.toISOString();
  const insertDashboard = sqlite.prepare(
    `INSERT INTO dashboards (organisation_id, project_id, name, filters, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertWidget = sqlite.prepare(
    `INSERT INTO widgets (dashboard_id, name, filters, chart_type, data_type, field, metric_id, time_period,
       aggregation_function, group_by, metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const plans: [SeededProject | undefined, string, SampleWidget[]][] = [
    [projects[0], 'Support overview', supportWidgets()],
    [projects[1], 'Sales performance', salesWidgets()],
  ];
  const ids: number[] = [];
  for (const [project, name, widgets] of plans) {
    if (!project) continue;
    const dashboardId = Number(
      insertDashboard.run(organisationId, project.id, name, JSON.stringify(LAST_7_DAYS), iso, iso)
        .lastInsertRowid,
    );
    ids.push(dashboardId);
    for (const widget of widgets) {
      const metricId = widget.metric
        ? (project.metrics.find((m) => m.spec.slug === widget.metric)?.id ?? null)
        : null;
      insertWidget.run(
        dashboardId,
        widget.name,
        widget.filters ? JSON.stringify(widget.filters) : null,
        widget.chart_type,
        widget.field,
        metricId,
        widget.time_period ?? null,
        widget.aggregation_function ?? null,
        widget.group_by === undefined ? null : JSON.stringify(widget.group_by),
        JSON.stringify({ layout: widget.layout }),
        iso,
        iso,
      );
    }
  }
  return ids;
}
