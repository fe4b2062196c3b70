import { Button } from '../../../ui/button.tsx';
import { describeChangedKeys } from '../save/diff-widget.ts';
import type { WidgetDraftKey } from './widget-form-model.ts';

/** Offers back a draft kept on this device from an earlier visit (reload, crash, closed tab). */
export function DraftRestoreBanner(props: {
  savedAt: number;
  keys: readonly WidgetDraftKey[];
  serverChangedSince: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { savedAt, keys, serverChangedSince, onRestore, onDiscard } = props;
  return (
    <div
      role="region"
      aria-label="Unsaved draft"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="min-w-0 flex-1">
        You have unsaved changes from {new Date(savedAt).toLocaleString()} ({describeChangedKeys(keys)}).
        {serverChangedSince
          ? ' The widget was saved by someone since; check their changes before saving.'
          : ''}
      </p>
      <Button size="sm" variant="primary" onClick={onRestore}>
        Restore draft
      </Button>
      <Button size="sm" variant="ghost" onClick={onDiscard}>
        Discard
      </Button>
    </div>
  );
}
