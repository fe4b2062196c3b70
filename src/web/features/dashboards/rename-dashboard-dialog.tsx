import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DashboardList } from '../../../contract/dashboard-schema.ts';
import { isApiError } from '../../api/api-error.ts';
import { useUpdateDashboard } from '../../api/use-update-dashboard.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Field } from '../../ui/field.tsx';
import { PausedWriteNote } from '../../ui/paused-write-note.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useDropHeldWriteOnUnmount } from '../../api/use-drop-held-write.ts';
import { dashboardName } from './dashboard-list-model.ts';

/** Renames a dashboard with a PATCH of its name only. */
export function RenameDashboardDialog({
  dashboard,
  onClose,
}: {
  dashboard: DashboardList | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={dashboard !== null} onClose={onClose} title="Rename dashboard">
      {dashboard ? <RenameForm key={dashboard.id} dashboard={dashboard} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RenameForm({ dashboard, onClose }: { dashboard: DashboardList; onClose: () => void }) {
  const updateDashboard = useUpdateDashboard();
  useDropHeldWriteOnUnmount(updateDashboard.isPaused, updateDashboard.variables);
  const toast = useToast();
  const [name, setName] = useState(dashboard.name ?? '');
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Enter a name.');
    if (trimmed === dashboard.name) return onClose();
    setError(null);
    updateDashboard.mutate(
      { dashboardId: dashboard.id, patch: { name: trimmed } },
      {
        onSuccess: (updated) => {
          toast.show({ tone: 'success', title: `Renamed to “${dashboardName(updated)}”` });
          onClose();
        },
        onError: (failure) => {
          const nameErrors = isApiError(failure) ? failure.fieldErrors.name : undefined;
          if (nameErrors) setError(nameErrors.join(' '));
          else
            toast.show({
              tone: 'error',
              title: 'The dashboard was not renamed',
              description: failure.message,
            });
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Name" error={error}>
        {(control) => (
          <TextInput
            {...control}
            value={name}
            maxLength={255}
            onChange={(e) => setName(e.target.value)}
            data-autofocus
          />
        )}
      </Field>
      <PausedWriteNote paused={updateDashboard.isPaused} what="The new name" />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" loading={updateDashboard.isPending}>
          Rename
        </Button>
      </div>
    </form>
  );
}
