import type { DashboardDocument, DocumentWidget } from './dashboard-document-schema.ts';
import type { EvalType } from './enums.ts';
import type { Metric } from './metric-schema.ts';

/** How a metric of each eval type is charted in a template: Numeric → p95 bar, Enum → pie, Binary → rate. */
function shapeFor(
  evalType: EvalType,
  name: string,
): Pick<DocumentWidget, 'name' | 'chart_type' | 'aggregation_function' | 'time_period'> {
  switch (evalType) {
    case 'numeric':
    case 'continuous_qualitative':
      return {
        name: `${name} p95 per day`,
        chart_type: 'bar',
        aggregation_function: 'p95',
        time_period: 'day',
      };
    case 'enum':
      return { name, chart_type: 'pie', aggregation_function: null, time_period: null };
    case 'binary':
      return {
        name: `${name} rate per day`,
        chart_type: 'bar',
        aggregation_function: 'avg',
        time_period: 'day',
      };
  }
}

const COLUMNS = 12;
const WIDTH = 6;
const HEIGHT = 4;

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface BoundTemplate {
  /** The template with the project's metric ids, ready to import into the project. */
  document: DashboardDocument;
  /** Metric names the project does not have: their widgets are left out. */
  missing: string[];
}

/**
 * Binds a template document to a project's metrics: each placeholder metric is the project's metric
 * of the same name (case and surrounding spaces ignored), and its widget takes the chart of that
 * metric's type (Numeric and continuous → p95 bar per day, Enum → pie, Binary → rate per day).
 * Widgets whose metric the project lacks are left out and named in `missing`; the rest are laid out
 * two to a row in template order. Pure and total.
 */
export function bindDashboardTemplate(
  template: DashboardDocument,
  metrics: readonly Metric[],
): BoundTemplate {
  const bound = new Map<number, Metric>();
  const missing: string[] = [];
  for (const reference of template.references.metrics) {
    const metric = metrics.find((m) => sameName(m.name, reference.name));
    if (metric) bound.set(reference.id, metric);
    else missing.push(reference.name);
  }
  const widgets = template.widgets.flatMap((widget): DocumentWidget[] => {
    if (typeof widget.metric !== 'number') return [widget];
    const metric = bound.get(widget.metric);
    if (!metric) return [];
    return [{ ...widget, ...shapeFor(metric.eval_type, metric.name), metric: metric.id }];
  });
  const placed = widgets.map((widget, index) => ({
    ...widget,
    metadata: {
      ...widget.metadata,
      layout: {
        x: (index * WIDTH) % COLUMNS,
        y: Math.floor((index * WIDTH) / COLUMNS) * HEIGHT,
        w: WIDTH,
        h: HEIGHT,
      },
    },
  }));
  const used = [...bound.values()].filter((m, i, all) => all.indexOf(m) === i);
  return {
    document: {
      ...template,
      widgets: placed,
      references: { metrics: used.map((m) => ({ id: m.id, name: m.name })), agents: [] },
    },
    missing,
  };
}
