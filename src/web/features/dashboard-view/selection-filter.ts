import { lookupField } from '../../../contract/field-catalogue.ts';
import type { Filter, FilterCondition } from '../../../contract/filter-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import type { ChartSelection } from '../widget-preview/widget-preview.tsx';

const HOUR = 3_600_000;
const PERIOD_MS: Record<string, number> = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR };

/**
 * The filter of the calls behind a clicked chart element: the widget's `effective_filters` AND the
 * element's own conditions (the call for a per-call line point; the bucket's time span for a bar or
 * bucketed line; the label for a pie slice; the group's value for a grouped series). This is what the
 * call-logs list gets as `filters_v2`, as the Cekura guide describes "that bucket and group". Total.
 */
export function selectionFilter(widget: Widget, selection: ChartSelection): Filter | null {
  const conditions: Filter[] = [];
  switch (selection.kind) {
    case 'point':
      conditions.push(
        selection.callId !== null
          ? { field: 'id', op: 'eq', value: selection.callId }
          : { field: 'timestamp', op: 'eq', value: selection.timestamp },
      );
      break;
    case 'bucket':
      conditions.push(...bucketConditions(selection.bucket, bucketSpan(widget)));
      break;
    case 'slice':
      conditions.push(valueCondition(widget, selection.label));
      break;
  }
  if (selection.kind !== 'slice' && selection.group !== null) {
    const condition = groupCondition(widget.group_by, selection.group);
    if (condition) conditions.push(condition);
  }
  const all = widget.effective_filters ? [widget.effective_filters, ...conditions] : conditions;
  if (all.length === 0) return null;
  return all.length === 1 ? (all[0] ?? null) : { operator: 'and', conditions: all };
}

type Span = { ms: number } | { months: 1 };

function bucketSpan(widget: Widget): Span {
  const groupBy = widget.group_by;
  if (typeof groupBy === 'object' && groupBy !== null && 'type' in groupBy && groupBy.type === 'bucket') {
    const interval = 'interval' in groupBy ? Number(groupBy.interval) : NaN;
    if (Number.isFinite(interval) && interval > 0) return { ms: interval };
  }
  if (widget.time_period === 'month') return { months: 1 };
  return { ms: PERIOD_MS[widget.time_period ?? ''] ?? 24 * HOUR };
}

function bucketConditions(bucket: string, span: Span): FilterCondition[] {
  const start = Date.parse(bucket);
  if (Number.isNaN(start)) return [{ field: 'timestamp', op: 'eq', value: bucket }];
  const date = new Date(start);
  const end =
    'ms' in span
      ? start + span.ms
      : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return [
    { field: 'timestamp', op: 'gte', value: new Date(start).toISOString() },
    { field: 'timestamp', op: 'lt', value: new Date(end).toISOString() },
  ];
}

/** A pie slice: the plotted field equals the label, typed by the field (D9). */
function valueCondition(widget: Widget, label: string): Filter {
  if (widget.field === 'metric_evaluations.value' && widget.metric !== null) {
    return {
      operator: 'same_row',
      conditions: [
        { field: 'metric_evaluations.metric.id', op: 'eq', value: widget.metric },
        { field: 'metric_evaluations.value', op: 'eq', value: typedValue('metric_evaluations.value', label) },
      ],
    };
  }
  const field = widget.field === 'agent_id' ? 'agent.id' : widget.field;
  return { field, op: 'eq', value: typedValue(field, label) };
}

/**
 * A series' group label back to a condition. `agent.id` groups are labelled with the agent's name
 * when known (D1), so a non-numeric label filters on `agent.agent_name` instead.
 */
function groupCondition(groupBy: unknown, label: string): Filter | null {
  if (
    typeof groupBy !== 'object' ||
    groupBy === null ||
    !('field' in groupBy) ||
    typeof groupBy.field !== 'string'
  )
    return null;
  const field = groupBy.field;
  if (field === 'agent.id' || field === 'agent_id') {
    return /^\d+$/.test(label)
      ? { field: 'agent.id', op: 'eq', value: Number(label) }
      : { field: 'agent.agent_name', op: 'eq', value: label };
  }
  return { field, op: 'eq', value: typedValue(field, label) };
}

function typedValue(field: string, label: string): unknown {
  const type = lookupField(field)?.valueType;
  if (type === 'boolean') return label === 'true' ? true : label === 'false' ? false : label;
  if (type === 'integer' || type === 'number' || type === 'dynamic') {
    const n = Number(label);
    return label.trim() !== '' && Number.isFinite(n) ? n : label;
  }
  return label;
}
