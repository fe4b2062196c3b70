import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DocumentReference } from '../../../contract/dashboard-document-schema.ts';
import type { ImportReport } from '../../../contract/dashboard-import-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError, isApiError } from '../../api/api-error.ts';
import { documentQueries, useImportDashboard } from '../../api/document-queries.ts';
import { metricQueries } from '../../api/metric-queries.ts';
import { agentOptions } from '../../lib/agent-options.ts';
import { Button } from '../../ui/button.tsx';
import { Field } from '../../ui/field.tsx';
import { Select } from '../../ui/select.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { DocumentPreview } from './document-preview.tsx';

type Choices = Record<string, number>;

/** The server's words for a refused document or import: its field messages, else the error's. */
function serverMessages(error: unknown): string[] {
  if (isApiError(error) && error.status === 400) {
    const { detail, document, project } = error.fieldErrors;
    const messages = [...(document ?? []), ...(project ?? []), ...(detail ?? [])];
    if (messages.length > 0) return messages;
  }
  return [describeError(error)];
}

/** Why the document cannot be written yet, or null when it can. */
function blockingReason(report: ImportReport, choices: { metrics: Choices; agents: Choices }): string | null {
  const open =
    report.unmatched.metrics.filter((m) => choices.metrics[String(m.id)] === undefined).length +
    report.unmatched.agents.filter((a) => choices.agents[String(a.id)] === undefined).length;
  if (open > 0)
    return `Choose what ${open === 1 ? 'the missing name' : `the ${open} missing names`} should use.`;
  const invalid = report.widgets.filter((w) => w.errors !== null).length;
  if (invalid > 0)
    return `${invalid === 1 ? 'One widget' : `${invalid} widgets`} cannot be shown in this project.`;
  if (report.dashboard_errors) return 'The dashboard filters do not fit this project.';
  return null;
}

/**
 * A document about to become a dashboard in `project`: the server's dry run (nothing written) names
 * what is wrong with it or what it cannot match, each unmatched metric or agent gets a choice among
 * the project's, each widget is drawn on the project's data, and the submit writes it in one
 * transaction and opens the new dashboard.
 */
export function DocumentReview({
  document,
  project,
  submitLabel,
}: {
  /** Whatever the file held: the server says what is wrong with it. */
  document: unknown;
  project: number | null;
  submitLabel: string;
}) {
  const api = useApiClient();
  const navigate = useNavigate();
  const [choices, setChoices] = useState<{ metrics: Choices; agents: Choices }>({ metrics: {}, agents: {} });
  const request = { document, project, metrics: choices.metrics, agents: choices.agents };
  const preview = useQuery(documentQueries.importPreview(api, request));
  const metrics = useQuery(metricQueries.list(api, { projectId: project }));
  const importing = useImportDashboard();

  if (preview.isPending) return <Spinner label="Checking the document" />;
  if (preview.isError)
    return (
      <div
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
      >
        <p className="font-medium">Nothing was imported.</p>
        <ul className="list-disc pl-5">
          {serverMessages(preview.error).map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
    );

  const report = preview.data;
  const reason = blockingReason(report, choices);
  const metricOptions = (metrics.data ?? []).map((m) => ({ value: String(m.id), label: m.name }));
  const agentChoices = agentOptions(metrics.data ?? [], []).map((a) => ({
    value: String(a.id),
    label: a.name,
  }));
  const choose = (kind: 'metrics' | 'agents', reference: DocumentReference, value: string) =>
    setChoices((now) => {
      const next = { ...now[kind] };
      if (value === '') delete next[String(reference.id)];
      else next[String(reference.id)] = Number(value);
      return { ...now, [kind]: next };
    });
  const unmatched = [
    ...report.unmatched.metrics.map((reference) => ({ kind: 'metrics' as const, reference })),
    ...report.unmatched.agents.map((reference) => ({ kind: 'agents' as const, reference })),
  ];

  return (
    <div className="space-y-4">
      {unmatched.length > 0 ? (
        <fieldset className="space-y-2 rounded-md border border-amber-300 p-3 dark:border-amber-700">
          <legend className="px-1 text-sm font-medium">Not in this project</legend>
          {unmatched.map(({ kind, reference }) => (
            <Field
              key={`${kind}${reference.id}`}
              label={`${kind === 'metrics' ? 'Metric' : 'Agent'} “${reference.name}” becomes`}
            >
              {(control) => (
                <Select
                  {...control}
                  value={String(choices[kind][String(reference.id)] ?? '')}
                  onChange={(event) => choose(kind, reference, event.target.value)}
                  options={[
                    { value: '', label: `Choose a ${kind === 'metrics' ? 'metric' : 'agent'}…` },
                    ...(kind === 'metrics' ? metricOptions : agentChoices),
                  ]}
                />
              )}
            </Field>
          ))}
        </fieldset>
      ) : null}
      <DocumentPreview
        document={report.document}
        projectId={project}
        widgetErrors={report.widgets.map((w) => w.errors)}
      />
      {importing.isError ? (
        <div role="alert" className="text-sm text-red-700 dark:text-red-300">
          {serverMessages(importing.error).join(' ')}
        </div>
      ) : null}
      <div className="flex items-center justify-end gap-3">
        {reason ? <p className="text-sm text-slate-600 dark:text-slate-300">{reason}</p> : null}
        <Button
          variant="primary"
          disabled={reason !== null}
          loading={importing.isPending}
          onClick={() =>
            importing.mutate(request, {
              onSuccess: (dashboard) => void navigate(`/dashboards/${dashboard.id}`),
            })
          }
        >
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
