import type { Dashboard } from '../../contract/dashboard-schema.ts';
import type { Widget } from '../../contract/widget-schema.ts';
import { badRequest } from '../http/api-error.ts';
import { pickFields, WIDGET_WRITABLE_FIELDS } from '../store/widget-input.ts';

/** The forwarded writes that bring a version back: one `bulk_widgets` body and one dashboard PATCH. */
export interface GatewayRestorePlan {
  /** `{name, filters}` to PATCH, or null when they are as the version has them (or one widget is restored). */
  dashboard: { name: string | null; filters: Dashboard['filters'] } | null;
  /** The `bulk_widgets` body, or null when no widget changes. */
  widgets: { create: Record<string, unknown>[]; update: Record<string, unknown>[]; delete: number[] } | null;
}

function writable(widget: Widget, dashboardId: number): Record<string, unknown> {
  return { ...pickFields(widget, WIDGET_WRITABLE_FIELDS), dashboard: dashboardId };
}

/**
 * What to send upstream so that the dashboard as it is now (`current`, read from the upstream just
 * before) becomes `snapshot` again, or only its widget `widgetId`: widgets still there are updated
 * when they differ, widgets gone since are created again (new ids: the upstream gives them), widgets
 * added since are deleted (whole restore only), name and filters are PATCHed when they differ. A
 * widget that is not in the version is a 400.
 */
export function planGatewayRestore(
  snapshot: Dashboard,
  current: Dashboard,
  widgetId: number | undefined,
): GatewayRestorePlan {
  const chosen =
    widgetId === undefined ? snapshot.widgets : snapshot.widgets.filter((w) => w.id === widgetId);
  if (widgetId !== undefined && chosen.length === 0)
    throw badRequest({ widget: [`Widget ${widgetId} is not in this version.`] });
  const now = new Map(current.widgets.map((w) => [w.id, w]));
  const create: Record<string, unknown>[] = [];
  const update: Record<string, unknown>[] = [];
  for (const widget of chosen) {
    const wanted = writable(widget, current.id);
    const present = now.get(widget.id);
    if (!present) create.push(wanted);
    else if (JSON.stringify(writable(present, current.id)) !== JSON.stringify(wanted))
      update.push({ id: widget.id, ...wanted });
  }
  const kept = new Set(snapshot.widgets.map((w) => w.id));
  const remove =
    widgetId === undefined ? current.widgets.filter((w) => !kept.has(w.id)).map((w) => w.id) : [];
  const widgets =
    create.length + update.length + remove.length > 0 ? { create, update, delete: remove } : null;
  const fieldsDiffer =
    snapshot.name !== current.name || JSON.stringify(snapshot.filters) !== JSON.stringify(current.filters);
  const dashboard =
    widgetId === undefined && fieldsDiffer ? { name: snapshot.name, filters: snapshot.filters } : null;
  return { dashboard, widgets };
}
