import { Button } from '../../ui/button.tsx';
import { CheckIcon, PencilIcon, PlusIcon } from '../../ui/icons.tsx';

/** "Edit layout", or in edit mode: Add widget, Cancel, Save layout (with what the changed cards did). */
export function LayoutToolbar({
  editing,
  changeCount,
  changeSummary,
  saving,
  onEdit,
  onAdd,
  onCancel,
  onSave,
}: {
  editing: boolean;
  changeCount: number;
  /** What the changed cards did, in words ("2 cards moved"). */
  changeSummary: string;
  saving: boolean;
  onEdit: () => void;
  onAdd: () => void;
  onCancel: () => void;
  onSave: () => void;
}) {
  if (!editing) {
    return (
      <div>
        <Button onClick={onEdit}>
          <PencilIcon /> Edit layout
        </Button>
      </div>
    );
  }
  return (
    <div className="ml-auto flex items-center gap-2" role="group" aria-label="Layout editing">
      <span className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
        {changeCount === 0
          ? 'Drag cards by their handle, or focus a card and use the arrow keys.'
          : changeSummary}
      </span>
      <Button onClick={onAdd}>
        <PlusIcon /> Add widget
      </Button>
      <Button variant="ghost" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
      <Button variant="primary" onClick={onSave} loading={saving} disabled={changeCount === 0}>
        {saving ? null : <CheckIcon />} Save layout
      </Button>
    </div>
  );
}
