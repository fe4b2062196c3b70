import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useCreateDashboard } from '../../api/use-create-dashboard.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Field } from '../../ui/field.tsx';
import { PausedWriteNote } from '../../ui/paused-write-note.tsx';
import { Select } from '../../ui/select.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useDropHeldWriteOnUnmount } from '../../api/use-drop-held-write.ts';
import { dashboardName, projectLabel } from './dashboard-list-model.ts';
import { QUICK_RANGES, type QuickRangeId } from '../../lib/quick-ranges.ts';
import { DEFAULT_DATE_RANGE, dateRangeFilter } from './date-range-presets.ts';

export interface CreateDashboardDialogProps {
  open: boolean;
  onClose: () => void;
  projects: readonly number[];
  defaultProject: number | null;
}

/** Name, project and date range for a new dashboard; opens it when created. */
export function CreateDashboardDialog({
  open,
  onClose,
  projects,
  defaultProject,
}: CreateDashboardDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New dashboard"
      description="Widgets you add share the dashboard's date range."
    >
      {open ? (
        <CreateDashboardForm onClose={onClose} projects={projects} defaultProject={defaultProject} />
      ) : null}
    </Dialog>
  );
}

function CreateDashboardForm({
  onClose,
  projects,
  defaultProject,
}: Omit<CreateDashboardDialogProps, 'open'>) {
  const createDashboard = useCreateDashboard();
  useDropHeldWriteOnUnmount(createDashboard.isPaused, createDashboard.variables);
  const toast = useToast();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [project, setProject] = useState<number | null>(defaultProject ?? projects[0] ?? null);
  const [range, setRange] = useState<QuickRangeId>(DEFAULT_DATE_RANGE);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setErrors({ name: 'Enter a name.' });
    if (trimmed.length > 255) return setErrors({ name: 'Use at most 255 characters.' });
    setErrors({});
    createDashboard.mutate(
      { name: trimmed, ...(project === null ? {} : { project }), filters: dateRangeFilter(range) },
      {
        onSuccess: (dashboard) => {
          toast.show({ tone: 'success', title: `Created “${dashboardName(dashboard)}”` });
          onClose();
          void navigate(`/dashboards/${dashboard.id}`);
        },
        onError: (error) => {
          const fieldErrors = isApiError(error) ? error.fieldErrors : {};
          const inline = {
            ...(fieldErrors.name ? { name: fieldErrors.name.join(' ') } : {}),
            ...(fieldErrors.project ? { project: fieldErrors.project.join(' ') } : {}),
          };
          setErrors(inline);
          if (Object.keys(inline).length === 0) {
            toast.show({ tone: 'error', title: 'The dashboard was not created', description: error.message });
          }
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Name" error={errors.name}>
        {(control) => (
          <TextInput
            {...control}
            value={name}
            maxLength={255}
            onChange={(e) => setName(e.target.value)}
            data-autofocus
            placeholder="e.g. Support quality"
          />
        )}
      </Field>
      {projects.length > 0 ? (
        <Field label="Project" error={errors.project}>
          {(control) => (
            <Select
              {...control}
              value={String(project ?? '')}
              onChange={(e) => setProject(Number(e.target.value))}
              options={projects.map((id) => ({ value: String(id), label: projectLabel(id) }))}
            />
          )}
        </Field>
      ) : null}
      <Field label="Date range" hint="Stored in the dashboard's filters; you can change it on the dashboard.">
        {(control) => (
          <Select
            {...control}
            value={range}
            onChange={(e) =>
              setRange(QUICK_RANGES.find((p) => p.id === e.target.value)?.id ?? DEFAULT_DATE_RANGE)
            }
            options={QUICK_RANGES.map((p) => ({ value: p.id, label: p.label }))}
          />
        )}
      </Field>
      <PausedWriteNote paused={createDashboard.isPaused} what="The dashboard" />
      <div className="flex justify-end gap-2 pt-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" loading={createDashboard.isPending}>
          Create dashboard
        </Button>
      </div>
    </form>
  );
}
