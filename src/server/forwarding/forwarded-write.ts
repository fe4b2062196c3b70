import { BulkWidgetOperationResponseSchema } from '../../contract/bulk-widgets-schema.ts';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import { WidgetSchema, type Widget } from '../../contract/widget-schema.ts';

/** A forwarded request that changes a dashboard, as the embedded server would version it. */
export type ForwardedWrite =
  | { kind: 'dashboard-create' }
  | { kind: 'dashboard-duplicate'; dashboardId: number }
  | { kind: 'dashboard-update'; dashboardId: number }
  | { kind: 'bulk-widgets'; dashboardId: number }
  | { kind: 'widget-create' }
  | { kind: 'widget-update'; widgetId: number }
  | { kind: 'widget-delete'; widgetId: number };

const ROUTES: readonly [string, RegExp, (id: number) => ForwardedWrite][] = [
  ['POST', /^\/dashboards\/dashboards\/$/, () => ({ kind: 'dashboard-create' })],
  [
    'POST',
    /^\/dashboards\/dashboards\/(\d+)\/duplicate\/$/,
    (id) => ({ kind: 'dashboard-duplicate', dashboardId: id }),
  ],
  ['PATCH', /^\/dashboards\/dashboards\/(\d+)\/$/, (id) => ({ kind: 'dashboard-update', dashboardId: id })],
  ['PUT', /^\/dashboards\/dashboards\/(\d+)\/$/, (id) => ({ kind: 'dashboard-update', dashboardId: id })],
  [
    'POST',
    /^\/dashboards\/dashboards\/(\d+)\/bulk_widgets\/$/,
    (id) => ({ kind: 'bulk-widgets', dashboardId: id }),
  ],
  ['POST', /^\/dashboards\/widgets\/$/, () => ({ kind: 'widget-create' })],
  ['PATCH', /^\/dashboards\/widgets\/(\d+)\/$/, (id) => ({ kind: 'widget-update', widgetId: id })],
  ['PUT', /^\/dashboards\/widgets\/(\d+)\/$/, (id) => ({ kind: 'widget-update', widgetId: id })],
  ['DELETE', /^\/dashboards\/widgets\/(\d+)\/$/, (id) => ({ kind: 'widget-delete', widgetId: id })],
];

/**
 * Which versioned write a request is, or null for reads, data requests and dashboard deletes (the
 * embedded server records no version of those either: a deleted dashboard keeps its history).
 */
export function classifyForwardedWrite(method: string, pathname: string): ForwardedWrite | null {
  for (const [routeMethod, pattern, make] of ROUTES) {
    if (routeMethod !== method.toUpperCase()) continue;
    const match = pattern.exec(pathname);
    if (match) return make(Number(match[1] ?? 0));
  }
  return null;
}

/** The dashboard a create's body names (JSON bodies only), or null. */
export function dashboardOfCreateBody(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || !('dashboard' in body)) return null;
  const id = body.dashboard;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

/** The dashboard with its widgets replaced: kept in id order, `widget_count` to match. */
export function withWidgets(dashboard: Dashboard, widgets: readonly Widget[]): Dashboard {
  const sorted = [...widgets].sort((a, b) => a.id - b.id);
  return { ...dashboard, widgets: sorted, widget_count: sorted.length };
}

/** `base` with `changed` widgets put in (replacing those of the same id) and `removed` ids taken out. */
export function applyWidgetChanges(
  base: Dashboard,
  changed: readonly Widget[],
  removed: readonly number[] = [],
): Dashboard {
  const byId = new Map(base.widgets.map((w) => [w.id, w]));
  for (const widget of changed) byId.set(widget.id, widget);
  for (const id of removed) byId.delete(id);
  return withWidgets(base, [...byId.values()]);
}

/**
 * The dashboard after a write the upstream accepted: its answer when that is the whole dashboard
 * (create, duplicate, update), otherwise `base` (the newest recorded state, or the state read before
 * the write) with the saved widgets from the answer put in. Null when the answer is not what the
 * contract says (nothing is recorded then) or a widget write has no base.
 */
export function stateAfterWrite(
  write: ForwardedWrite,
  base: Dashboard | null,
  answer: unknown,
): Dashboard | null {
  switch (write.kind) {
    case 'dashboard-create':
    case 'dashboard-duplicate':
    case 'dashboard-update': {
      const parsed = DashboardSchema.safeParse(answer);
      return parsed.success ? withWidgets(parsed.data, parsed.data.widgets) : null;
    }
    case 'widget-create':
    case 'widget-update': {
      const parsed = WidgetSchema.safeParse(answer);
      if (!base || !parsed.success || parsed.data.dashboard !== base.id) return null;
      return applyWidgetChanges(base, [parsed.data]);
    }
    case 'widget-delete':
      return base ? applyWidgetChanges(base, [], [write.widgetId]) : null;
    case 'bulk-widgets': {
      const parsed = BulkWidgetOperationResponseSchema.safeParse(answer);
      if (!base || !parsed.success) return null;
      return applyWidgetChanges(base, [...parsed.data.created, ...parsed.data.updated], parsed.data.deleted);
    }
  }
}
