import type { Dashboard } from '../../contract/dashboard-schema.ts';
import { widgetLabel } from '../../contract/describe-dashboard-changes.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import { validateDashboardCandidate, type DashboardFields } from '../store/dashboard-input.ts';
import { ApiError, badRequest } from '../http/api-error.ts';
import { nextUpdatedAt } from '../http/next-updated-at.ts';
import { readFilterColumn } from '../db/json-column.ts';
import type { DashboardRow } from '../store/dashboard-store.ts';
import {
  pickFields,
  toWidgetValues,
  validateWidgetCandidate,
  WIDGET_WRITABLE_FIELDS,
} from '../store/widget-input.ts';
import type { BulkWidgetPlan, WidgetRecord } from '../store/widget-store.ts';

export interface RestorePlan {
  /** New dashboard fields, or null when only a widget is restored. */
  dashboard: DashboardFields | null;
  widgets: BulkWidgetPlan;
}

/**
 * What bringing back `snapshot` (or only its widget `widgetId`) changes on the dashboard as it is now
 * (`row`, `current` widgets): widgets still there are updated, widgets gone since are created again
 * (with new ids: ids are never reused), widgets added since are deleted (whole restore only). The
 * project stays. Each widget is validated against today's metrics: a version naming a metric that no
 * longer exists is a 400 that names the widget, and nothing is written.
 */
export function planRestore(
  snapshot: Dashboard,
  row: DashboardRow,
  current: readonly WidgetRecord[],
  widgetId: number | undefined,
  metrics: readonly Metric[],
  now: Date,
): RestorePlan {
  const own = new Map(current.map((w) => [w.id, w]));
  const chosen =
    widgetId === undefined ? snapshot.widgets : snapshot.widgets.filter((w) => w.id === widgetId);
  if (widgetId !== undefined && chosen.length === 0)
    throw badRequest({ widget: [`Widget ${widgetId} is not in this version.`] });

  const plan: BulkWidgetPlan = { create: [], update: [], delete: [], basedOn: new Map() };
  const problems: string[] = [];
  for (const widget of chosen) {
    const candidate = { ...pickFields(widget, WIDGET_WRITABLE_FIELDS), dashboard: row.id };
    const result = validateWidgetCandidate(candidate, metrics);
    if (!result.ok) {
      const reasons = Object.entries(result.errors).map(
        ([field, messages]) => `${field}: ${String(messages)}`,
      );
      problems.push(`${widgetLabel(widget)} (${reasons.join('; ')})`);
      continue;
    }
    const values = toWidgetValues(result.input, row.id);
    const record = own.get(widget.id);
    if (record) {
      plan.update.push({ id: record.id, values, updatedAt: nextUpdatedAt(record.updated_at, now) });
      plan.basedOn.set(record.id, record.updated_at);
    } else plan.create.push(values);
  }
  if (widgetId === undefined) {
    const kept = new Set(snapshot.widgets.map((w) => w.id));
    for (const record of current) {
      if (kept.has(record.id)) continue;
      plan.delete.push(record.id);
      plan.basedOn.set(record.id, record.updated_at);
    }
  }
  if (problems.length > 0)
    throw new ApiError(400, {
      detail: `Nothing was restored: it no longer fits this project: ${problems.join(', ')}.`,
    });

  if (widgetId !== undefined) return { dashboard: null, widgets: plan };
  const currentFields: DashboardFields = {
    name: row.name,
    project: row.project_id,
    filters: readFilterColumn(row.filters),
  };
  const checked = validateDashboardCandidate(
    currentFields,
    { name: snapshot.name, filters: snapshot.filters },
    metrics,
  );
  if (!checked.ok)
    throw new ApiError(400, {
      detail: 'Nothing was restored: its dashboard filters no longer fit this project.',
      errors: checked.errors,
    });
  return { dashboard: checked.fields, widgets: plan };
}
