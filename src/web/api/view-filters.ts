import type { Filter } from '../../contract/filter-schema.ts';

/**
 * The filters a dashboard view asks its data with (ADR 0016/0021): the stored ones (`undefined`: the
 * request is Cekura's own), `dashboard` filters that replace the stored ones for every widget (our
 * `dashboard_filters` extension of `bulk_data`, honoured only by a server that computes the data),
 * or one `filters` override per widget (Cekura's own `filters`, which replaces a widget's filters and
 * keeps the dashboard's, D5): what the real API understands.
 */
export type ViewFilters =
  | undefined
  | { kind: 'dashboard'; filters: Filter | null }
  | { kind: 'per-widget'; filters: Readonly<Record<number, Filter | null>> };

export interface BulkDataBody {
  widget_ids: number[];
  filters?: Filter | null;
  dashboard_filters?: Filter | null;
}

/**
 * The `bulk_data` bodies that fetch `widgetIds` under `view`: one for the stored or `dashboard`
 * filters, else one per distinct widget override (widgets with equal overrides share a request), in
 * the order each override first appears. Total.
 */
export function bulkDataBodies(widgetIds: readonly number[], view: ViewFilters): BulkDataBody[] {
  if (widgetIds.length === 0) return [];
  if (view === undefined) return [{ widget_ids: [...widgetIds] }];
  if (view.kind === 'dashboard') return [{ widget_ids: [...widgetIds], dashboard_filters: view.filters }];
  const groups = new Map<string, BulkDataBody>();
  for (const id of widgetIds) {
    const filters = view.filters[id] ?? null;
    const key = JSON.stringify(filters);
    const group = groups.get(key);
    if (group) group.widget_ids.push(id);
    else groups.set(key, { widget_ids: [id], filters });
  }
  return [...groups.values()];
}
