import { truncateText } from '../../contract/well-formed-text.ts';
import { WIDGET_NAME_MAX_LENGTH, type Widget } from '../../contract/widget-schema.ts';
import { widgetTitle } from './widget-title.ts';

/**
 * The name of a widget's duplicate, from a dashboard card or from the editor: "Copy of <title>", cut
 * to the longest name the API accepts without splitting a surrogate pair (a long name would
 * otherwise make the copy a 400). Total.
 */
export function widgetCopyName(widget: Pick<Widget, 'name' | 'chart_type' | 'field'>): string {
  return truncateText(`Copy of ${widgetTitle(widget)}`, WIDGET_NAME_MAX_LENGTH);
}
