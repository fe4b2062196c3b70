import type { Dashboard } from './dashboard-schema.ts';
import type { Widget } from './widget-schema.ts';

/** One change between two versions of a dashboard, in words. `kind` lets a summary group moves. */
export interface DashboardChange {
  kind: 'dashboard' | 'added' | 'removed' | 'changed' | 'moved' | 'resized';
  text: string;
}

const WIDGET_FIELDS = [
  ['chart_type', 'chart type'],
  ['data_type', 'data type'],
  ['field', 'field'],
  ['aggregation_function', 'aggregation'],
  ['time_period', 'time period'],
] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** How a widget is called in a sentence: its name, else its chart type and id. */
export function widgetLabel(widget: Pick<Widget, 'id' | 'name' | 'chart_type'>): string {
  return widget.name?.trim() ? widget.name : `${widget.chart_type} chart #${widget.id}`;
}

function metricText(widget: Widget): string {
  if (widget.metric === null) return 'none';
  return widget.metric_name ?? `metric #${widget.metric}`;
}

function layoutOf(widget: Widget): { x?: unknown; y?: unknown; w?: unknown; h?: unknown } {
  const layout = widget.metadata?.layout;
  return typeof layout === 'object' && layout !== null ? layout : {};
}

function otherMetadata(widget: Widget): Record<string, unknown> {
  const { layout: _layout, display: _display, ...rest } = widget.metadata ?? {};
  return rest;
}

/** Field changes of one widget kept between two versions, as "chart type line → bar". */
export function describeWidgetFieldChanges(before: Widget, after: Widget): string[] {
  const parts: string[] = [];
  if (!same(before.name, after.name)) parts.push(`renamed ${shown(before.name)} → ${shown(after.name)}`);
  for (const [key, words] of WIDGET_FIELDS) {
    if (!same(before[key], after[key])) parts.push(`${words} ${shown(before[key])} → ${shown(after[key])}`);
  }
  if (!same(before.metric, after.metric)) parts.push(`metric ${metricText(before)} → ${metricText(after)}`);
  if (!same(before.group_by, after.group_by))
    parts.push(`group by ${shown(before.group_by)} → ${shown(after.group_by)}`);
  if (!same(before.filters, after.filters)) parts.push('changed its filters');
  if (!same(before.metadata?.display, after.metadata?.display)) parts.push('changed its display options');
  if (!same(otherMetadata(before), otherMetadata(after))) parts.push('changed its other metadata');
  return parts;
}

/**
 * Everything that differs between two versions of a dashboard, in words, dashboard fields first, then
 * widgets in id order. `before` null means the dashboard was created; timestamps are ignored.
 */
export function describeDashboardChanges(before: Dashboard | null, after: Dashboard): DashboardChange[] {
  if (before === null) {
    const count = after.widgets.length;
    const text =
      count === 0
        ? 'Created the dashboard'
        : `Created the dashboard with ${count} widget${count === 1 ? '' : 's'}`;
    return [{ kind: 'dashboard', text }];
  }
  const changes: DashboardChange[] = [];
  if (!same(before.name, after.name))
    changes.push({
      kind: 'dashboard',
      text: `Renamed the dashboard ${shown(before.name)} → ${shown(after.name)}`,
    });
  if (!same(before.project, after.project))
    changes.push({
      kind: 'dashboard',
      text: `Moved to project ${shown(before.project)} → ${shown(after.project)}`,
    });
  if (!same(before.filters, after.filters))
    changes.push({ kind: 'dashboard', text: 'Changed the dashboard filters' });

  const old = new Map(before.widgets.map((w) => [w.id, w]));
  const now = new Map(after.widgets.map((w) => [w.id, w]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => a - b);
  for (const id of ids) {
    const was = old.get(id);
    const is = now.get(id);
    if (!was && is) changes.push({ kind: 'added', text: `Added ${widgetLabel(is)}` });
    else if (was && !is) changes.push({ kind: 'removed', text: `Removed ${widgetLabel(was)}` });
    else if (was && is) {
      const fields = describeWidgetFieldChanges(was, is);
      if (fields.length > 0)
        changes.push({ kind: 'changed', text: `Changed ${widgetLabel(was)}: ${fields.join('; ')}` });
      const a = layoutOf(was);
      const b = layoutOf(is);
      if (!same(a.x, b.x) || !same(a.y, b.y))
        changes.push({ kind: 'moved', text: `Moved ${widgetLabel(is)}` });
      if (!same(a.w, b.w) || !same(a.h, b.h))
        changes.push({ kind: 'resized', text: `Resized ${widgetLabel(is)}` });
    }
  }
  return changes;
}

const SUMMARY_LIMIT = 240;

/**
 * One line for the timeline: the changes joined with "; ", moves and resizes counted rather than listed
 * ("moved 3 cards"), cut at a whole change with "and N more" past 240 characters. "No changes" when
 * there are none.
 */
export function summariseDashboardChanges(changes: readonly DashboardChange[]): string {
  const listed = changes.filter((c) => c.kind !== 'moved' && c.kind !== 'resized').map((c) => c.text);
  const moved = changes.filter((c) => c.kind === 'moved').length;
  const resized = changes.filter((c) => c.kind === 'resized').length;
  const cards = (n: number) => `${n} card${n === 1 ? '' : 's'}`;
  if (moved > 0) listed.push(`${listed.length === 0 ? 'Moved' : 'moved'} ${cards(moved)}`);
  if (resized > 0) listed.push(`${listed.length === 0 ? 'Resized' : 'resized'} ${cards(resized)}`);
  if (listed.length === 0) return 'No changes';
  let summary = '';
  for (const [index, part] of listed.entries()) {
    const next = summary === '' ? part : `${summary}; ${part}`;
    const rest = listed.length - index;
    if (next.length > SUMMARY_LIMIT && summary !== '') return `${summary}; and ${rest} more`;
    summary = next;
  }
  return summary;
}
