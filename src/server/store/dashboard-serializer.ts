import {
  DashboardListSchema,
  DashboardSchema,
  type Dashboard,
  type DashboardList,
} from '../../contract/dashboard-schema.ts';
import type { DashboardRow } from './dashboard-store.ts';
import { readFilterColumn } from '../db/json-column.ts';
import type { WidgetRecord } from './widget-store.ts';
import { serializeWidget } from './widget-serializer.ts';

/** `DashboardList` (no widgets) of a stored row. */
export function serializeDashboardListItem(row: DashboardRow, widgetCount: number): DashboardList {
  return DashboardListSchema.parse({
    id: row.id,
    name: row.name,
    project: row.project_id,
    filters: readFilterColumn(row.filters),
    widget_count: widgetCount,
    created_at: row.created_at,
    updated_at: row.updated_at,
  });
}

/** `Dashboard` with its nested widgets. */
export function serializeDashboard(row: DashboardRow, widgets: readonly WidgetRecord[]): Dashboard {
  return DashboardSchema.parse({
    ...serializeDashboardListItem(row, widgets.length),
    widgets: widgets.map(serializeWidget),
  });
}
