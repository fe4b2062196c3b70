import * as z from 'zod';
import { NullableFilterSchema, type Filter } from './filter-schema.ts';
import { WidgetInputSchema } from './widget-schema.ts';

/**
 * Widget Studio's extension (not Cekura's contract): a dashboard with its widgets and layout as a
 * portable, versioned JSON document. Metric and agent ids are the exporting project's; `references`
 * names them so an import can find the same metric or agent in another project by name.
 */
export const DASHBOARD_DOCUMENT_FORMAT = 'widget-studio.dashboard';
export const DASHBOARD_DOCUMENT_VERSION = 1;

export const DocumentReferenceSchema = z.object({ id: z.number().int(), name: z.string() });
export type DocumentReference = z.infer<typeof DocumentReferenceSchema>;

export const DocumentWidgetSchema = WidgetInputSchema.omit({ dashboard: true });
export type DocumentWidget = z.infer<typeof DocumentWidgetSchema>;

export const DashboardDocumentSchema = z.object({
  format: z.literal(DASHBOARD_DOCUMENT_FORMAT),
  version: z.literal(DASHBOARD_DOCUMENT_VERSION),
  dashboard: z.object({ name: z.string().max(255).nullable(), filters: NullableFilterSchema }),
  widgets: z.array(DocumentWidgetSchema),
  references: z.object({
    metrics: z.array(DocumentReferenceSchema),
    agents: z.array(DocumentReferenceSchema),
  }),
});
export type DashboardDocument = z.infer<typeof DashboardDocumentSchema>;

/**
 * The document as JSON Schema publishes it. Widget `metadata` is checked in zod with a custom check
 * (so that every key, `__proto__` included, survives parsing), which JSON Schema cannot express; on
 * the wire it is what this twin says: an object with any keys, or null.
 */
const PublishedMetadataSchema = z.record(z.string(), z.unknown()).nullable();
const PublishedDocumentSchema = DashboardDocumentSchema.extend({
  widgets: z.array(DocumentWidgetSchema.extend({ metadata: PublishedMetadataSchema.optional() })),
});

/** The published JSON Schema of a dashboard document, generated from the zod schema. */
export function dashboardDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PublishedDocumentSchema, {
    override: (ctx) => {
      // Published as the wire sees it, in one line rather than a record-or-null union.
      if (ctx.zodSchema !== PublishedMetadataSchema) return;
      delete ctx.jsonSchema.anyOf;
      ctx.jsonSchema.type = ['object', 'null'];
    },
  });
}

/** Filter fields whose values are metric or agent ids. */
const METRIC_ID_FIELD = 'metric_evaluations.metric.id';
const AGENT_ID_FIELD = 'agent.id';

/** How ids of the exporting project become ids of the importing one (absent: unchanged). */
export interface IdMaps {
  metrics: ReadonlyMap<number, number>;
  agents: ReadonlyMap<number, number>;
}

function mapValue(value: unknown, map: ReadonlyMap<number, number>): unknown {
  if (typeof value === 'number') return map.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => mapValue(item, map));
  return value;
}

/** A filter with its metric and agent ids mapped (same reference when nothing changes). */
export function remapFilterIds(filter: Filter | null, maps: IdMaps): Filter | null {
  if (filter === null) return null;
  if ('conditions' in filter) {
    const conditions = filter.conditions.map((c) => remapFilterIds(c, maps) ?? c);
    return conditions.every((c, i) => c === filter.conditions[i]) ? filter : { ...filter, conditions };
  }
  const map =
    filter.field === METRIC_ID_FIELD ? maps.metrics : filter.field === AGENT_ID_FIELD ? maps.agents : null;
  if (!map) return filter;
  const value = mapValue(filter.value, map);
  return JSON.stringify(value) === JSON.stringify(filter.value) ? filter : { ...filter, value };
}

/**
 * The document with every metric and agent id (widget metrics, filter conditions on metric or agent
 * ids, the reference tables) mapped to the importing project's ids. Pure; ids without a mapping stay.
 */
export function remapDocumentIds(document: DashboardDocument, maps: IdMaps): DashboardDocument {
  return {
    ...document,
    dashboard: { ...document.dashboard, filters: remapFilterIds(document.dashboard.filters, maps) },
    widgets: document.widgets.map((widget) => ({
      ...widget,
      metric:
        typeof widget.metric === 'number'
          ? (maps.metrics.get(widget.metric) ?? widget.metric)
          : widget.metric,
      filters: remapFilterIds(widget.filters ?? null, maps),
    })),
    references: {
      metrics: document.references.metrics.map((r) => ({ ...r, id: maps.metrics.get(r.id) ?? r.id })),
      agents: document.references.agents.map((r) => ({ ...r, id: maps.agents.get(r.id) ?? r.id })),
    },
  };
}

/** Metric and agent ids a document uses (widget metrics and filter conditions), each once, sorted. */
export function collectDocumentIds(
  filters: readonly (Filter | null | undefined)[],
  metrics: readonly (number | null | undefined)[],
): { metrics: number[]; agents: number[] } {
  const found = { metrics: new Set<number>(), agents: new Set<number>() };
  const addAll = (value: unknown, into: Set<number>) => {
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'number') into.add(item);
  };
  const walk = (filter: Filter | null | undefined) => {
    if (!filter) return;
    if ('conditions' in filter) filter.conditions.forEach(walk);
    else if (filter.field === METRIC_ID_FIELD) addAll(filter.value, found.metrics);
    else if (filter.field === AGENT_ID_FIELD) addAll(filter.value, found.agents);
  };
  filters.forEach(walk);
  for (const id of metrics) if (typeof id === 'number') found.metrics.add(id);
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { metrics: sorted(found.metrics), agents: sorted(found.agents) };
}
