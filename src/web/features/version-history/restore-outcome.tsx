import { Button } from '../../ui/button.tsx';
import type { RestoreDone } from './use-restore-flow.ts';

/** What the last restore did (with its undo), or why it did not happen. */
export function RestoreOutcome({
  done,
  conflict,
  pending,
  onUndo,
}: {
  done: RestoreDone | null;
  conflict: string | null;
  pending: boolean;
  onUndo: (done: RestoreDone) => void;
}) {
  return (
    <>
      {done ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 rounded-md border border-emerald-400 bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100"
        >
          <span className="min-w-0 flex-1">{done.message}</span>
          {done.undo ? (
            <Button size="sm" loading={pending} onClick={() => onUndo(done)}>
              Undo restore
            </Button>
          ) : null}
        </div>
      ) : null}
      {conflict ? (
        <p
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
        >
          {conflict}
        </p>
      ) : null}
    </>
  );
}
