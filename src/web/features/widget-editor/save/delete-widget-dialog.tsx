import { TRASH_KEEP_DAYS } from '../../../../contract/trash-schema.ts';
import { useApiClient } from '../../../api/api-client-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';

/** Confirms deleting the widget, saying whether the trash keeps it. */
export function DeleteWidgetDialog(props: {
  open: boolean;
  name: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onDelete: () => void;
}) {
  const { open, name, busy, error, onCancel, onDelete } = props;
  // Only the embedded server keeps a trash; another Cekura API (also through forwarding) deletes for good.
  const api = useApiClient();
  const afterwards =
    api.embedded && !api.forwarding
      ? `It goes to the Trash, where it can be restored for ${TRASH_KEEP_DAYS} days.`
      : 'This cannot be undone.';
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      role="alertdialog"
      title={`Delete “${name || 'Untitled widget'}”?`}
      description={`The widget is removed from its dashboard for everyone. ${afterwards}`}
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
