import type { Metric } from '../../../../contract/metric-schema.ts';
import {
  METRIC_VALUE_FIELD,
  allowedAggregations,
  allowedChartTypes,
  chartTypeUnavailableReason,
  checkWidget,
} from '../../../../contract/widget-rules.ts';
import { changedDraftKeys } from '../save/diff-widget.ts';
import { fieldRelevance } from '../form/field-relevance.ts';
import { formatDraftValue } from './format-draft-value.ts';
import {
  DRAFT_FIELD_LABELS,
  DRAFT_KEYS,
  draftToPreviewBody,
  type WidgetDraft,
  type WidgetDraftKey,
} from './widget-form-model.ts';

/** A setting the editor changed on its own to keep the draft valid, for the "cleared" note. */
export interface AdaptedSetting {
  key: WidgetDraftKey;
  label: string;
  from: string;
  /** The new value in words, or null when the setting was cleared. */
  to: string | null;
}

export interface AdaptResult {
  draft: WidgetDraft;
  adapted: AdaptedSetting[];
}

export interface AdaptContext {
  /** The metrics of the project; null while unknown (then metric checks are skipped). */
  metrics: readonly Metric[] | null;
}

/** The time period a bar chart gets when it needs one: day buckets suit the default 7-day range. */
const DEFAULT_TIME_PERIOD = 'day';
const MAX_PASSES = 6;

function findMetric(draft: WidgetDraft, metrics: readonly Metric[] | null): Metric | null {
  return draft.metric === null ? null : (metrics?.find((m) => m.id === draft.metric) ?? null);
}

function isEmpty(draft: WidgetDraft, key: WidgetDraftKey): boolean {
  const value = draft[key];
  return value === '' || value === null;
}

/** Clears settings the chart type does not use (contract 3.4, D1, D2), unless the user just set them. */
function clearUnused(draft: WidgetDraft, userKeys: ReadonlySet<WidgetDraftKey>): WidgetDraft {
  const uses = fieldRelevance(draft.chart_type, draft.group_by);
  const next = { ...draft };
  const keep = (key: WidgetDraftKey) => userKeys.has(key);
  if (!uses.field && next.field !== '' && !keep('field')) next.field = '';
  if (next.field !== METRIC_VALUE_FIELD && next.metric !== null && !keep('metric')) next.metric = null;
  if (!uses.aggregation && next.aggregation_function !== '' && !keep('aggregation_function')) {
    next.aggregation_function = '';
  }
  if (!uses.timePeriod && next.time_period !== '' && !keep('time_period')) next.time_period = '';
  const grouping = next.group_by;
  const groupingUsed =
    grouping === null || (grouping.type === 'field' ? uses.groupByField : uses.groupByBucket);
  if (!groupingUsed && !keep('group_by')) next.group_by = null;
  if (next.field === '' && next.data_type !== '' && !keep('data_type')) next.data_type = '';
  return next;
}

/**
 * One repair step driven by `checkWidget`'s errors: the user's latest choice wins and the rest adapts.
 * A field or metric the chart cannot show switches the chart type when the user chose that field or
 * metric, and is cleared when the user chose the chart type. A missing aggregation or time period of a
 * bar chart is filled with the first allowed one; a disallowed one is replaced the same way. A data
 * type override that no longer fits goes back to inferred. Returns the same draft when nothing applies.
 */
function repairOnce(
  draft: WidgetDraft,
  userKeys: ReadonlySet<WidgetDraftKey>,
  context: AdaptContext,
): WidgetDraft {
  const errors = checkWidget(draftToPreviewBody(draft, null), { metrics: context.metrics });
  if (errors === null) return draft;
  const metric = findMetric(draft, context.metrics);
  const chartMismatch =
    draft.field !== '' && chartTypeUnavailableReason(draft.chart_type, draft.field, metric) !== null;
  const userPickedWhat = userKeys.has('field') || userKeys.has('metric');

  if ((errors.field || errors.metric) && chartMismatch) {
    const fitting = allowedChartTypes(draft.field, metric).filter((chart) => chart !== 'stat');
    const [first] = fitting;
    if (userPickedWhat && !userKeys.has('chart_type') && first !== undefined) {
      return { ...draft, chart_type: first };
    }
    if (draft.chart_type === 'stat' && !userKeys.has('field')) return { ...draft, field: '' };
    if (metric && !userKeys.has('metric')) return { ...draft, metric: null };
    if (!metric && !userKeys.has('field')) return { ...draft, field: '' };
  }
  if (errors.aggregation_function && !userKeys.has('aggregation_function')) {
    const allowed = allowedAggregations(draft.field, metric);
    const required = draft.chart_type === 'bar';
    const replacement = required ? (allowed[0] ?? '') : '';
    if (replacement !== draft.aggregation_function) return { ...draft, aggregation_function: replacement };
  }
  if (errors.time_period && isEmpty(draft, 'time_period') && !userKeys.has('time_period')) {
    return { ...draft, time_period: DEFAULT_TIME_PERIOD };
  }
  if (errors.data_type && draft.data_type !== '' && !userKeys.has('data_type')) {
    return { ...draft, data_type: '' };
  }
  if (errors.group_by && draft.group_by !== null && !userKeys.has('group_by')) {
    return { ...draft, group_by: null };
  }
  return draft;
}

/**
 * Adapts a draft after the user changed some of it (`previous` → `next`): every setting that is still
 * valid is kept, settings the new chart type does not use are cleared, and `checkWidget` (the same
 * rules the server applies) decides what else must change, always keeping what the user just chose.
 * Returns the adapted draft and every setting the editor changed on its own, for the note with undo.
 * What cannot be repaired automatically (a field still to choose, an unknown metric) stays for the form
 * to show as an error. Total; a draft that needs nothing comes back as `next` itself.
 */
export function adaptWidget(previous: WidgetDraft, next: WidgetDraft, context: AdaptContext): AdaptResult {
  const userKeys = new Set(changedDraftKeys(previous, next));
  if (userKeys.size === 0) return { draft: next, adapted: [] };
  let draft = clearUnused(next, userKeys);
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const repaired = repairOnce(draft, userKeys, context);
    if (repaired === draft) break;
    draft = clearUnused(repaired, userKeys);
  }
  const changed = changedDraftKeys(next, draft);
  if (changed.length === 0) return { draft: next, adapted: [] };
  const metrics = context.metrics ?? [];
  const adapted = DRAFT_KEYS.filter((key) => changed.includes(key)).map((key) => ({
    key,
    label: DRAFT_FIELD_LABELS[key],
    from: formatDraftValue(key, next, metrics),
    to: isEmpty(draft, key) ? null : formatDraftValue(key, draft, metrics),
  }));
  return { draft, adapted };
}

/** "Cleared Aggregation (95th Percentile); Chart type changed from Line to Pie." */
export function describeAdapted(adapted: readonly AdaptedSetting[]): string {
  const cleared = adapted.filter((a) => a.to === null).map((a) => `${a.label} (${a.from})`);
  const changed = adapted
    .filter((a) => a.to !== null)
    .map((a) =>
      a.from === 'None' || a.from === ''
        ? `${a.label} set to ${a.to}`
        : `${a.label} changed from ${a.from} to ${a.to}`,
    );
  const parts = [...(cleared.length > 0 ? [`Cleared ${cleared.join(', ')}`] : []), ...changed];
  return parts.length === 0 ? '' : `${parts.join('; ')}.`;
}
