import type { Metric } from '../../../../contract/metric-schema.ts';
import { formatDraftValue } from '../draft/format-draft-value.ts';
import { DRAFT_FIELD_LABELS, type WidgetDraft, type WidgetDraftKey } from '../draft/widget-form-model.ts';

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * "N unsaved changes" as a native disclosure listing each changed field with its saved and draft
 * values. Renders "All changes saved" (no button) when nothing differs.
 */
export function UnsavedChanges(props: {
  keys: readonly WidgetDraftKey[];
  saved: WidgetDraft;
  draft: WidgetDraft;
  metrics: readonly Metric[];
  isNew: boolean;
}) {
  const { keys, saved, draft, metrics, isNew } = props;
  if (isNew) return <span className="text-sm text-slate-500 dark:text-slate-400">Not saved yet</span>;
  if (keys.length === 0) {
    return <span className="text-sm text-slate-500 dark:text-slate-400">All changes saved</span>;
  }
  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer rounded-md px-2 py-1 font-medium text-amber-700 select-none hover:bg-amber-50 dark:text-amber-300 dark:hover:bg-slate-800">
        {keys.length} unsaved {keys.length === 1 ? 'change' : 'changes'}
      </summary>
      <ul
        aria-label="Unsaved changes"
        className="absolute right-0 z-30 mt-1 w-80 space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {keys.map((key) => (
          <li key={key}>
            <span className="font-medium">{DRAFT_FIELD_LABELS[key]}</span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              {clip(formatDraftValue(key, saved, metrics))} → {clip(formatDraftValue(key, draft, metrics))}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
