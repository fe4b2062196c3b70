import type { DrfErrors } from '../../../contract/drf-errors.ts';
import { DRAFT_KEYS, type WidgetDraft, type WidgetDraftKey } from './widget-form-model.ts';

/** What to choose when a required setting is still empty, phrased for the preview panel. */
const MISSING: Partial<Record<WidgetDraftKey, string>> = {
  field: 'Choose a field to see data',
  metric: 'Choose a metric to see data',
  aggregation_function: 'Choose an aggregation to see data',
  time_period: 'Choose a time period to see data',
};

function isBlank(value: unknown): boolean {
  return value === '' || value === null;
}

/**
 * Why the preview sends no request: the first rule error in form order, as "Choose a metric to see
 * data" when a required setting is simply missing, otherwise "Fix Filters: <rule message>". Errors on
 * keys that are not draft fields (`non_field_errors`) come last. Null when the draft can be previewed.
 * Total.
 */
export function describePreviewBlocker(draft: WidgetDraft, errors: DrfErrors | null): string | null {
  if (errors === null) return null;
  for (const key of DRAFT_KEYS) {
    const messages = errors[key];
    if (!messages || messages.length === 0) continue;
    const missing = MISSING[key];
    if (missing !== undefined && isBlank(draft[key])) return missing;
    return `Fix ${labelOf(key)} to see data: ${messages[0] ?? ''}`;
  }
  const [other] = Object.values(errors).flat();
  return other === undefined ? null : `Fix the widget to see data: ${other}`;
}

function labelOf(key: WidgetDraftKey): string {
  switch (key) {
    case 'aggregation_function':
      return 'the aggregation';
    case 'time_period':
      return 'the time period';
    case 'group_by':
      return 'Group by';
    case 'data_type':
      return 'the data type';
    case 'chart_type':
      return 'the chart type';
    case 'display':
      return 'the display options';
    default:
      return `the ${key.replace('_', ' ')}`;
  }
}
