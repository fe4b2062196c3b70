import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';

/** Asked when leaving the editor with unsaved changes (the draft stays on this device either way). */
export function LeaveDialog(props: {
  open: boolean;
  changeCount: number;
  onStay: () => void;
  onLeave: () => void;
  onDiscardAndLeave: () => void;
}) {
  const { open, changeCount, onStay, onLeave, onDiscardAndLeave } = props;
  return (
    <Dialog
      open={open}
      onClose={onStay}
      role="alertdialog"
      title="Leave without saving?"
      description={`This widget has ${changeCount} unsaved ${changeCount === 1 ? 'change' : 'changes'}. If you leave, the draft stays on this device and is offered back when you open the widget again.`}
      footer={
        <>
          <Button variant="ghost" onClick={onDiscardAndLeave}>
            Discard changes
          </Button>
          <Button onClick={onLeave}>Leave, keep draft</Button>
          <Button variant="primary" onClick={onStay} data-autofocus>
            Stay
          </Button>
        </>
      }
    />
  );
}
