import type { PatchedWidget, Widget } from '../../../../contract/widget-schema.ts';
import { isJsonEqual } from '../../../lib/is-json-equal.ts';
import {
  DRAFT_FIELD_LABELS,
  DRAFT_KEYS,
  draftToWidgetInput,
  isSameDisplay,
  type WidgetDraft,
  type WidgetDraftKey,
} from '../draft/widget-form-model.ts';

function isSameDraftValue(key: WidgetDraftKey, a: WidgetDraft, b: WidgetDraft): boolean {
  if (key === 'display') return isSameDisplay(a.display, b.display);
  return isJsonEqual(a[key], b[key]);
}

/**
 * The draft fields that differ between two drafts, in form order. Values compare structurally (a filter
 * with keys in another order is unchanged). Used for the "N unsaved changes" list and for the PATCH.
 */
export function changedDraftKeys(saved: WidgetDraft, draft: WidgetDraft): WidgetDraftKey[] {
  return DRAFT_KEYS.filter((key) => !isSameDraftValue(key, saved, draft));
}

/** "Chart type, Field and Filters". */
export function describeChangedKeys(keys: readonly WidgetDraftKey[]): string {
  const labels = keys.map((key) => DRAFT_FIELD_LABELS[key]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}

/**
 * The PATCH body that turns `saved` (the draft of the widget as loaded) into `draft`: only the changed
 * fields, under their wire names, empties as null, never a read-only field. When the display options
 * changed, `metadata` is sent whole (DRF replaces a JSON field wholesale), built from `onto.metadata`
 * (the server copy being written over, normally the loaded one, the current one on Overwrite) with
 * only `display` replaced, so `layout` and keys other clients own survive (D14). An unchanged draft
 * gives `{}`.
 */
export function diffWidget(
  saved: WidgetDraft,
  draft: WidgetDraft,
  onto: Pick<Widget, 'metadata'>,
): PatchedWidget {
  const changed = changedDraftKeys(saved, draft);
  if (changed.length === 0) return {};
  const wire = draftToWidgetInput(draft, { dashboard: null, metadata: onto.metadata });
  const patch: PatchedWidget = {};
  for (const key of changed) {
    switch (key) {
      case 'display':
      case 'insights':
        // Both live in `metadata`, sent whole: built from both, whichever of them changed.
        patch.metadata = wire.metadata;
        break;
      case 'name':
        patch.name = wire.name;
        break;
      case 'chart_type':
        patch.chart_type = wire.chart_type;
        break;
      case 'field':
        patch.field = wire.field;
        break;
      case 'metric':
        patch.metric = wire.metric;
        break;
      case 'aggregation_function':
        patch.aggregation_function = wire.aggregation_function;
        break;
      case 'time_period':
        patch.time_period = wire.time_period;
        break;
      case 'group_by':
        patch.group_by = wire.group_by;
        break;
      case 'data_type':
        patch.data_type = wire.data_type;
        break;
      case 'filters':
        patch.filters = wire.filters;
        break;
    }
  }
  return patch;
}
