import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatProgressLine } from '../../../contract/import-progress-text.ts';
import type { ImportProgress, ImportReport } from '../../../contract/import-report-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { importCallsFile, importQueries } from '../../api/import-calls.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Field } from '../../ui/field.tsx';
import { Select } from '../../ui/select.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { ImportReportView } from './import-report-view.tsx';

type Run =
  | { state: 'idle' }
  | { state: 'running'; progress: ImportProgress | null }
  | { state: 'done'; report: ImportReport; skipInvalid: boolean }
  | { state: 'failed'; message: string };

/**
 * Import calls (embedded server only): a call export (JSON Lines, JSON pages of the v2 list, or CSV)
 * is streamed to `/studio/import/`; progress shows while it runs, then what was stored or why
 * nothing was.
 */
export function ImportCallsPage() {
  useDocumentTitle('Import calls');
  const api = useApiClient();
  const queryClient = useQueryClient();
  // In forwarding mode the calls live upstream: this server's import would store them where no chart reads.
  const ownData = api.embedded && !api.forwarding;
  const targets = useQuery({ ...importQueries.targets(api), enabled: ownData });
  const [file, setFile] = useState<File | null>(null);
  const [project, setProject] = useState<string>('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [redact, setRedact] = useState(true);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const projectId = Number(project || targets.data?.projects[0]?.id || NaN);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !Number.isFinite(projectId)) return;
    setRun({ state: 'running', progress: null });
    const format = /\.csv$/i.test(file.name) ? 'csv' : 'json';
    importCallsFile(api, file, { projectId, format, skipInvalid, redact }, (progress) =>
      setRun({ state: 'running', progress }),
    ).then(
      (report) => {
        setRun({ state: 'done', report, skipInvalid });
        // New calls change every chart and the call lists.
        if (report.stored > 0) void queryClient.invalidateQueries();
      },
      (error: unknown) => setRun({ state: 'failed', message: describeError(error) }),
    );
  };

  if (!ownData)
    return (
      <Page>
        <p className="text-sm">
          Importing works with Widget Studio&apos;s embedded server serving its own data only; this connection
          {api.embedded ? ' forwards to another API, which keeps the calls' : ' talks to another API'}. See{' '}
          <Link to="/connection">Connection</Link>.
        </p>
      </Page>
    );
  if (targets.isPending)
    return (
      <Page>
        <Spinner label="Loading the projects" />
      </Page>
    );
  if (targets.isError)
    return (
      <Page>
        <ErrorState
          title="Could not load the projects"
          message={describeError(targets.error)}
          onRetry={() => void targets.refetch()}
          retrying={targets.isFetching}
        />
      </Page>
    );
  const running = run.state === 'running';
  const progress = run.state === 'running' ? run.progress : null;
  const share = progress?.totalBytes ? progress.bytesRead / progress.totalBytes : null;
  return (
    <Page>
      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-300">
        Load your own calls to build dashboards on them: JSON Lines or JSON in the shape{' '}
        <code>GET /observability/v2/call-logs/</code> returns, or CSV with a header of call-log fields (
        <code>metadata.&lt;key&gt;</code> and <code>metric.&lt;name&gt;</code> columns too). A file with an
        invalid row stores nothing unless invalid rows are skipped; calls already stored (same call_id) are
        left as they are.
      </p>
      <form onSubmit={submit} className="grid max-w-xl gap-4" aria-label="Import calls">
        <Field label="Call log file" hint=".jsonl, .json or .csv, up to 2 GiB">
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".jsonl,.ndjson,.json,.csv,application/json,text/csv"
              disabled={running}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:bg-slate-800 dark:file:text-slate-100"
            />
          )}
        </Field>
        <Field label="Project">
          {(control) => (
            <Select
              {...control}
              value={String(projectId)}
              disabled={running}
              onChange={(e) => setProject(e.target.value)}
              options={targets.data.projects.map((p) => ({
                value: String(p.id),
                label: `${p.name} (${p.id})`,
              }))}
            />
          )}
        </Field>
        <Checkbox
          label="Skip invalid rows"
          hint="Store the valid rows and list the skipped ones with their line."
          checked={skipInvalid}
          disabled={running}
          onChange={(e) => setSkipInvalid(e.target.checked)}
        />
        <Checkbox
          label="Mask customer numbers"
          hint="Keep only the last four digits. Transcripts and recordings are never stored."
          checked={redact}
          disabled={running}
          onChange={(e) => setRedact(e.target.checked)}
        />
        <div>
          <Button type="submit" variant="primary" disabled={!file} loading={running}>
            Import
          </Button>
        </div>
      </form>
      {running ? (
        <div className="max-w-xl space-y-1.5" aria-live="polite">
          <label htmlFor="import-progress" className="block text-sm font-medium">
            Importing {file?.name}
          </label>
          <progress
            id="import-progress"
            className="h-2 w-full accent-indigo-600"
            {...(share === null ? {} : { value: share, max: 1 })}
          />
          <p className="text-xs tabular-nums text-slate-600 dark:text-slate-300">
            {progress ? formatProgressLine({ ...progress, totalBytes: null }) : 'Starting…'}
          </p>
        </div>
      ) : null}
      {run.state === 'done' ? <ImportReportView report={run.report} skipInvalid={run.skipInvalid} /> : null}
      {run.state === 'failed' ? <ErrorState title="The import failed" message={run.message} /> : null}
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Import calls</h1>
      {children}
    </div>
  );
}
