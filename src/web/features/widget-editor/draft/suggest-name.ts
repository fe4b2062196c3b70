import type { WidgetDraft } from './widget-form-model.ts';

/** The draft fields that decide what a widget plots: when one changes, its name may no longer fit. */
const WHAT_IT_PLOTS = ['field', 'metric', 'aggregation_function'] as const;

/**
 * The generated description to offer as the widget's new name, or null: offered when what the widget
 * plots (field, metric or aggregation) changed since it was saved while its name stayed the saved one
 * ("Conversation quality" now plotting p95 duration). An unnamed widget already shows its description,
 * and a name the analyst changed is theirs: neither gets an offer. Pure.
 */
export function suggestName(draft: WidgetDraft, saved: WidgetDraft, description: string): string | null {
  const name = draft.name.trim();
  if (name === '' || name !== saved.name.trim() || name === description.trim()) return null;
  return WHAT_IT_PLOTS.some((key) => draft[key] !== saved[key]) ? description : null;
}
