import { CHART_TYPE_LABELS } from '../../contract/enums.ts';
import { fieldLabel } from '../../contract/field-catalogue.ts';
import type { Widget } from '../../contract/widget-schema.ts';

/** A widget's name, or a title made from its chart and field when it has none. */
export function widgetTitle(widget: Pick<Widget, 'name' | 'chart_type' | 'field'>): string {
  if (widget.name) return widget.name;
  return widget.chart_type === 'stat'
    ? 'Call summary'
    : `${CHART_TYPE_LABELS[widget.chart_type]} of ${fieldLabel(widget.field)}`;
}
