import { useState } from 'react';
import { Dialog } from '../../ui/dialog.tsx';
import { Field } from '../../ui/field.tsx';
import { Select } from '../../ui/select.tsx';
import { CONTROL_CLASS_NAME } from '../../ui/text-input.tsx';
import { projectLabel } from './dashboard-list-model.ts';
import { DocumentReview } from './document-review.tsx';

/** What a file holds: its JSON, or its text when it is not JSON (the server then says what it is not). */
function readDocument(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Import dashboard: a document file (exported from any project) into one of the key's projects, with
 * a dry-run preview of every widget on that project's data before anything is written.
 */
export function ImportDashboardDialog({
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
      title="Import dashboard"
      description="A dashboard file exported from Widget Studio. Metrics and agents are matched by name in the project you choose; nothing is written until you import."
      className="max-w-4xl"
    >
      {open ? <ImportForm projects={projects} defaultProject={defaultProject} /> : null}
    </Dialog>
  );
}

function ImportForm({
  projects,
  defaultProject,
}: {
  projects: readonly number[];
  defaultProject: number | null;
}) {
  const [file, setFile] = useState<{ name: string; document: unknown; key: number } | null>(null);
  const [project, setProject] = useState<number | null>(defaultProject ?? projects[0] ?? null);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <Field label="Dashboard file" className="min-w-64 flex-1">
          {(control) => (
            <input
              {...control}
              type="file"
              accept="application/json,.json"
              className={CONTROL_CLASS_NAME}
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                if (!chosen) return setFile(null);
                void chosen
                  .text()
                  .then((text) =>
                    setFile({ name: chosen.name, document: readDocument(text), key: Date.now() }),
                  );
              }}
            />
          )}
        </Field>
        {projects.length > 0 ? (
          <Field label="Into project">
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
      {file ? (
        <DocumentReview
          key={`${file.key}:${project}`}
          document={file.document}
          project={project}
          submitLabel="Import"
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Choose a file to see what it would create.
        </p>
      )}
    </div>
  );
}
