import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';

/** Confirms deleting the widget, which the API cannot undo. */
export function DeleteWidgetDialog(props: {
  open: boolean;
  name: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onDelete: () => void;
}) {
  const { open, name, busy, error, onCancel, onDelete } = props;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      role="alertdialog"
      title={`Delete “${name || 'Untitled widget'}”?`}
      description="The widget is removed from its dashboard for everyone. This cannot be undone."
      footer={
        <>
          <Button onClick={onCancel} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={onDelete} loading={busy}>
            Delete widget
          </Button>
        </>
      }
    >
      {error ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
