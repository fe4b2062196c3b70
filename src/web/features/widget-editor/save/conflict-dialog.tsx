import { classNames } from '../../../lib/class-names.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { hasClash, type ConflictRow } from './save-conflict.ts';

const CHANGE_TEXT: Record<ConflictRow['change'], string> = {
  theirs: 'Changed by them',
  mine: 'Changed by you',
  'both-same': 'Both, same value',
  'both-different': 'Both, different values',
};

/**
 * The save conflict (D21): someone saved the widget after it was loaded. Their changes and mine side
 * by side, field by field, and three ways out: Reload theirs (drop mine), save mine (write my changed
 * fields; their other changes stay), or Cancel (keep editing, nothing written). Saving mine is named
 * for what it does: "Overwrite their values", in the destructive colour, only when we both changed a
 * field to different values; otherwise nothing of theirs is lost and it is "Keep theirs and add mine".
 */
export function ConflictDialog(props: {
  open: boolean;
  rows: readonly ConflictRow[];
  updatedAt: string | null;
  busy: boolean;
  onReloadTheirs: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  const { open, rows, busy, onReloadTheirs, onOverwrite, onCancel } = props;
  const clash = hasClash(rows);
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      role="alertdialog"
      className="max-w-3xl"
      title="Someone else changed this widget"
      description={
        <>
          It was saved by someone else
          {props.updatedAt ? ` at ${new Date(props.updatedAt).toLocaleString()}` : ''} after you opened it.
          Nothing has been written yet.{' '}
          {clash
            ? 'Overwriting replaces their values where you both changed a field (highlighted).'
            : 'None of your changes touches theirs: saving keeps their changes and adds yours.'}
        </>
      }
      footer={
        <>
          <Button onClick={onCancel} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button onClick={onReloadTheirs} disabled={busy}>
            Reload theirs
          </Button>
          <Button variant={clash ? 'danger' : 'primary'} onClick={onOverwrite} loading={busy}>
            {clash ? 'Overwrite their values' : 'Keep theirs and add mine'}
          </Button>
        </>
      }
    >
      <div className="max-h-80 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Their changes and yours, field by field</caption>
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase dark:bg-slate-800/60 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2">
                Field
              </th>
              <th scope="col" className="px-3 py-2">
                Theirs
              </th>
              <th scope="col" className="px-3 py-2">
                Mine
              </th>
              <th scope="col" className="px-3 py-2">
                Who
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.key}
                className={classNames(
                  'border-t border-slate-200 align-top dark:border-slate-800',
                  row.change === 'both-different' && 'bg-amber-50 dark:bg-amber-950/30',
                )}
              >
                <th scope="row" className="px-3 py-2 font-medium">
                  {row.label}
                </th>
                <td className="max-w-56 px-3 py-2 break-words">{row.theirs}</td>
                <td className="max-w-56 px-3 py-2 break-words">{row.mine}</td>
                <td className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
                  {CHANGE_TEXT[row.change]}
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-3 py-2 text-slate-500">
                  Only its save time changed.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
