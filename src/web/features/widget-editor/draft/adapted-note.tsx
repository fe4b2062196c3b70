import { Button } from '../../../ui/button.tsx';
import { InfoIcon } from '../../../ui/icons.tsx';
import { describeAdapted, type AdaptedSetting } from './adapt-widget.ts';

/** The dismissible note after the editor adapted settings to a new chart type, field or metric. */
export function AdaptedNote(props: {
  adapted: readonly AdaptedSetting[];
  onUndo: () => void;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-100"
    >
      <InfoIcon className="mt-0.5 size-4 shrink-0" />
      <p className="flex-1">{describeAdapted(props.adapted)}</p>
      <Button size="sm" variant="secondary" onClick={props.onUndo}>
        Undo
      </Button>
      <Button size="sm" variant="ghost" onClick={props.onDismiss} aria-label="Dismiss note">
        Dismiss
      </Button>
    </div>
  );
}
