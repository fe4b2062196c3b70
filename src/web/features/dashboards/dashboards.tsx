import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardList } from '../../../contract/dashboard-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { dashboardQueries } from '../../api/dashboard-queries.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useNow } from '../../lib/use-now.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { DashboardIcon, PlusIcon } from '../../ui/icons.tsx';
import { Select } from '../../ui/select.tsx';
import { CreateDashboardDialog } from './create-dashboard-dialog.tsx';
import { DashboardTable } from './dashboard-table.tsx';
import { listProjects, parseProjectParam, projectLabel, selectDashboards } from './dashboard-list-model.ts';
import { DashboardsError } from './dashboards-list-state.tsx';
import { DashboardsSkeleton } from './dashboards-skeleton.tsx';
import { DeleteDashboardDialog } from './delete-dashboard-dialog.tsx';
import { RenameDashboardDialog } from './rename-dashboard-dialog.tsx';
import { useDuplicateAction } from './use-duplicate-action.ts';

// Import draws charts: its code (and the chart library's) loads only when the dialog is first opened.
const ImportDashboardDialog = lazy(async () => ({
  default: (await import('./import-dashboard-dialog.tsx')).ImportDashboardDialog,
}));

const TemplateGalleryDialog = lazy(async () => ({
  default: (await import('./template-gallery-dialog.tsx')).TemplateGalleryDialog,
}));

// The dashboard page's ⋮ menu offers the same rename, duplicate and delete as the list.
export { DeleteDashboardDialog, RenameDashboardDialog, useDuplicateAction };

const FORWARDING_NOTE_ID = 'dashboards-import-forwarding-note';

/** The dashboards list (`/dashboards`): filter by project, create (blank, from a template or a file), rename, duplicate, delete. */
export function DashboardsPage() {
  useDocumentTitle('Dashboards');
  const api = useApiClient();
  const now = useNow();
  const list = useQuery(dashboardQueries.list(api));
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [templating, setTemplating] = useState(false);
  const [renaming, setRenaming] = useState<DashboardList | null>(null);
  const [deleting, setDeleting] = useState<DashboardList | null>(null);
  const duplicate = useDuplicateAction();

  const all = list.data ?? [];
  const projects = listProjects(all);
  const projectParam = parseProjectParam(searchParams.get('project'));
  const project = projectParam !== null && projects.includes(projectParam) ? projectParam : null;
  const shown = selectDashboards(all, project);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-4">
        <div className="mr-auto">
          <h1 className="text-2xl font-semibold">Dashboards</h1>
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
            {list.isSuccess
              ? `${shown.length} of ${all.length} ${all.length === 1 ? 'dashboard' : 'dashboards'}`
              : 'Your Cekura dashboards'}
          </p>
        </div>
        {projects.length > 1 ? (
          <label className="flex items-center gap-2 text-sm font-medium">
            Project
            <Select
              className="w-44"
              value={project === null ? '' : String(project)}
              onChange={(e) =>
                setSearchParams(e.target.value ? { project: e.target.value } : {}, { replace: true })
              }
              options={[
                { value: '', label: 'All projects' },
                ...projects.map((id) => ({ value: String(id), label: projectLabel(id) })),
              ]}
            />
          </label>
        ) : null}
        {api.embedded ? (
          <>
            <Button
              onClick={() => setImporting(true)}
              disabled={!list.isSuccess || api.forwarding}
              aria-describedby={api.forwarding ? FORWARDING_NOTE_ID : undefined}
            >
              Import dashboard
            </Button>
            <Button
              onClick={() => setTemplating(true)}
              disabled={!list.isSuccess || api.forwarding}
              aria-describedby={api.forwarding ? FORWARDING_NOTE_ID : undefined}
            >
              New from template
            </Button>
          </>
        ) : null}
        <Button variant="primary" onClick={() => setCreating(true)} disabled={!list.isSuccess}>
          <PlusIcon />
          New dashboard
        </Button>
      </div>
      {api.forwarding ? (
        // The import is one transaction in this server's own store; forwarded, it would be a series of
        // writes to the real API that could stop half-way (ADR 0020).
        <p id={FORWARDING_NOTE_ID} className="-mt-3 text-right text-sm text-slate-600 dark:text-slate-400">
          Import dashboard and New from template work on Widget Studio&apos;s own server only: this one
          forwards to Cekura&apos;s API, which has no way to import a dashboard in one step.
        </p>
      ) : null}

      {list.isPending ? (
        <DashboardsSkeleton />
      ) : list.isError ? (
        <DashboardsError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : shown.length === 0 ? (
        <EmptyState
          icon={<DashboardIcon className="size-10" />}
          title={project === null ? 'No dashboards yet' : `No dashboards in ${projectLabel(project)}`}
          description="A dashboard groups widgets that share one date range. Create one to start charting your calls."
          action={
            <Button variant="primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              New dashboard
            </Button>
          }
        />
      ) : (
        <DashboardTable
          dashboards={shown}
          now={now}
          duplicatingId={duplicate.pendingId}
          onRename={setRenaming}
          onDuplicate={duplicate.run}
          onDelete={setDeleting}
        />
      )}

      <CreateDashboardDialog
        open={creating}
        onClose={() => setCreating(false)}
        projects={projects}
        defaultProject={project}
      />
      {importing ? (
        <Suspense fallback={null}>
          <ImportDashboardDialog
            open={importing}
            onClose={() => setImporting(false)}
            projects={projects}
            defaultProject={project}
          />
        </Suspense>
      ) : null}
      {templating ? (
        <Suspense fallback={null}>
          <TemplateGalleryDialog
            open={templating}
            onClose={() => setTemplating(false)}
            projects={projects}
            defaultProject={project}
          />
        </Suspense>
      ) : null}
      <RenameDashboardDialog dashboard={renaming} onClose={() => setRenaming(null)} />
      <DeleteDashboardDialog dashboard={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
