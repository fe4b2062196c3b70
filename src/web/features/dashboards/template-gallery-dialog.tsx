import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { bindDashboardTemplate } from '../../../contract/bind-dashboard-template.ts';
import { DASHBOARD_TEMPLATES } from '../../../contract/dashboard-templates.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { metricQueries } from '../../api/metric-queries.ts';
import { classNames } from '../../lib/class-names.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Field } from '../../ui/field.tsx';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { Select } from '../../ui/select.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { projectLabel } from './dashboard-list-model.ts';
import { DocumentReview } from './document-review.tsx';

/**
 * New from template: a starter dashboard for voice-agent QA, bound to the chosen project's metrics
 * by name and type, each widget drawn on the project's data before the dashboard is created.
 */
export function TemplateGalleryDialog({
  open,
  onClose,
  projects,
  defaultProject,
}: {
  open: boolean;
  onClose: () => void;
  projects: readonly number[];
  defaultProject: number | null;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New from template"
      description="Starter dashboards for voice-agent QA. Metrics are found in the project by name and charted by their type: numeric as a p95 bar, enum as a pie, binary as a rate."
      className="max-w-5xl"
    >
      {open ? <Gallery projects={projects} defaultProject={defaultProject} /> : null}
    </Dialog>
  );
}

function Gallery({
  projects,
  defaultProject,
}: {
  projects: readonly number[];
  defaultProject: number | null;
}) {
  const api = useApiClient();
  const [project, setProject] = useState<number | null>(defaultProject ?? projects[0] ?? null);
  const [chosen, setChosen] = useState(DASHBOARD_TEMPLATES[0]?.id ?? '');
  const metrics = useQuery(metricQueries.list(api, { projectId: project }));
  const template = DASHBOARD_TEMPLATES.find((t) => t.id === chosen);
  const bound = useMemo(
    () => (template && metrics.data ? bindDashboardTemplate(template.document, metrics.data) : null),
    [template, metrics.data],
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-4">
        <fieldset className="min-w-0 flex-1">
          <legend className="mb-1 text-sm font-medium">Template</legend>
          <div role="radiogroup" aria-label="Templates" className="grid gap-2 sm:grid-cols-3">
            {DASHBOARD_TEMPLATES.map((t) => (
              <button
                key={t.id}
                type="button"
                role="radio"
                aria-checked={t.id === chosen}
                onClick={() => setChosen(t.id)}
                className={classNames(
                  'rounded-md border p-3 text-left',
                  t.id === chosen
                    ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/50'
                    : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800',
                  FOCUS_RING,
                )}
              >
                <span className="block font-medium">{t.title}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{t.description}</span>
              </button>
            ))}
          </div>
        </fieldset>
        {projects.length > 0 ? (
          <Field label="For project">
            {(control) => (
              <Select
                {...control}
                className="w-44"
                value={project === null ? '' : String(project)}
                onChange={(event) => setProject(Number(event.target.value))}
                options={projects.map((id) => ({ value: String(id), label: projectLabel(id) }))}
              />
            )}
          </Field>
        ) : null}
      </div>
      {metrics.isPending ? (
        <Spinner label="Loading the project's metrics" />
      ) : metrics.isError ? (
        <ErrorState
          title="Could not load the project's metrics"
          message={describeError(metrics.error)}
          onRetry={() => void metrics.refetch()}
          retrying={metrics.isFetching}
        />
      ) : bound ? (
        <>
          {bound.missing.length > 0 ? (
            <p role="note" className="text-sm text-amber-800 dark:text-amber-200">
              {`This project has no metric named ${bound.missing.map((name) => `“${name}”`).join(', ')}: ${bound.missing.length === 1 ? 'its widget is' : 'their widgets are'} left out.`}
            </p>
          ) : null}
          <DocumentReview
            key={`${chosen}:${project}`}
            document={bound.document}
            project={project}
            submitLabel="Create dashboard"
          />
        </>
      ) : null}
    </div>
  );
}
