import { useState } from 'react';
import type {
  RestoreVersionRequest,
  RestoreVersionResponse,
} from '../../../contract/dashboard-version-schema.ts';
import { describeError, isApiError } from '../../api/api-error.ts';
import { useRestoreVersion } from '../../api/use-restore-version.ts';

export interface RestoreDone {
  message: string;
  undo: RestoreVersionRequest | null;
}

/**
 * Restore as the history panels do it: one request at a time, its outcome with an undo (restoring the
 * version that was newest before, based on the restore's own version), and a newer change than the
 * history shown as a conflict (nothing written; `onConflict` reads the history again).
 */
export function useRestoreFlow(
  dashboardId: number,
  newestId: number | undefined,
  options: { onConflict: () => void; onRestored?: (answer: RestoreVersionResponse) => void },
) {
  const restore = useRestoreVersion(dashboardId);
  const [conflict, setConflict] = useState<string | null>(null);
  const [done, setDone] = useState<RestoreDone | null>(null);
  const run = (request: RestoreVersionRequest, what: string) => {
    setConflict(null);
    setDone(null);
    restore.mutate(request, {
      onSuccess: (answer) => {
        options.onRestored?.(answer);
        // The undo lives in the dialog: a toast outside a modal dialog cannot be reached until it closes.
        setDone({
          message: `Restored ${what}: ${answer.version.summary}`,
          undo: newestId === undefined ? null : { version: newestId, based_on: answer.version.id },
        });
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 412) {
          setConflict(
            'Someone changed this dashboard after you opened its history, so nothing was restored. The history now shows their change; look again before restoring.',
          );
          options.onConflict();
        } else setConflict(`Could not restore ${what}: ${describeError(error)}`);
      },
    });
  };
  const reset = () => {
    setConflict(null);
    setDone(null);
  };
  return { run, reset, conflict, done, pending: restore.isPending };
}
