import { fieldLabel } from '../../contract/field-catalogue.ts';
import type { Widget } from '../../contract/widget-schema.ts';
import { readCompareSetting } from '../../contract/widget-insights.ts';

/** What the dashboard's group-by switcher does to one widget. */
export type GroupByEffect =
  | { kind: 'none' }
  | { kind: 'regroup'; field: string }
  /** The widget is drawn as saved, and its card says why. */
  | { kind: 'kept'; note: string };

/**
 * What the exploratory group-by (`field`, or null when off) does to a widget: line and bar charts are
 * re-grouped by it (D1); pies and stats are untouched. A cohort comparison keeps one series per cohort
 * (its cohorts are its groups; cohorts × groups would be up to 4 × N series, ADR 0018) and its card
 * says so; a previous-period comparison is re-grouped like any bar. Pure and total.
 */
export function groupByEffect(
  widget: Pick<Widget, 'chart_type' | 'metadata'>,
  field: string | null,
): GroupByEffect {
  if (field === null || (widget.chart_type !== 'line' && widget.chart_type !== 'bar'))
    return { kind: 'none' };
  if (readCompareSetting(widget.metadata)?.mode === 'cohorts') {
    return {
      kind: 'kept',
      note: `Group by ${fieldLabel(field)} does not apply to a cohort comparison: each cohort stays one series.`,
    };
  }
  return { kind: 'regroup', field };
}

/**
 * The cards' notes with the group-by's own added (after any note already there): the same object when
 * the group-by adds none. Pure.
 */
export function withGroupByNotes(
  notices: Readonly<Record<number, string>>,
  widgets: readonly Pick<Widget, 'id' | 'chart_type' | 'metadata'>[],
  field: string | null,
): Readonly<Record<number, string>> {
  let next: Record<number, string> | null = null;
  for (const widget of widgets) {
    const effect = groupByEffect(widget, field);
    if (effect.kind !== 'kept') continue;
    next ??= { ...notices };
    const before = notices[widget.id];
    next[widget.id] = before ? `${before} ${effect.note}` : effect.note;
  }
  return next ?? notices;
}

/**
 * The widget as the group-by draws it: grouped by `field` when it is re-grouped, else itself (the same
 * object). Its data and its previous-period twin are both planned from this copy, so a twin is always
 * grouped like the bars it stands behind. Pure.
 */
export function asGroupedBy<T extends Pick<Widget, 'chart_type' | 'metadata' | 'group_by'>>(
  widget: T,
  field: string | null,
): T {
  const effect = groupByEffect(widget, field);
  return effect.kind === 'regroup' ? { ...widget, group_by: { type: 'field', field: effect.field } } : widget;
}
