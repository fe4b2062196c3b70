import type { DrfErrors } from '../../../../contract/drf-errors.ts';
import { DRAFT_KEYS, type WidgetDraft, type WidgetDraftKey } from '../draft/widget-form-model.ts';

/** What to choose when a required setting is still empty. */
const MISSING: Partial<Record<WidgetDraftKey, string>> = {
  field: 'Choose a field',
  metric: 'Choose a metric',
  aggregation_function: 'Choose an aggregation',
  time_period: 'Choose a time period',
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
  return describeBlocker(draft, errors, 'to see data', true);
}

/** Why Save is disabled by the rules, short enough to sit beside the button: "Choose a metric to save". */
export function describeSaveBlocker(draft: WidgetDraft, errors: DrfErrors | null): string | null {
  return describeBlocker(draft, errors, 'to save', false);
}

function describeBlocker(
  draft: WidgetDraft,
  errors: DrfErrors | null,
  goal: string,
  withMessage: boolean,
): string | null {
  if (errors === null) return null;
  for (const key of DRAFT_KEYS) {
    const messages = errors[key];
    if (!messages || messages.length === 0) continue;
    const missing = MISSING[key];
    if (missing !== undefined && isBlank(draft[key])) return `${missing} ${goal}`;
    return `Fix ${labelOf(key)} ${goal}${withMessage ? `: ${messages[0] ?? ''}` : ''}`;
  }
  const [other] = Object.values(errors).flat();
  if (other === undefined) return null;
  return `Fix the widget ${goal}${withMessage ? `: ${other}` : ''}`;
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
    case 'insights':
      return 'the comparison or thresholds';
    default:
      return `the ${key.replace('_', ' ')}`;
  }
}
