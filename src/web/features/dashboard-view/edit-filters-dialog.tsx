import { useState } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import { splitFilterErrorPath, validateFilter } from '../../../contract/filter-validation.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { useValueSuggestions } from '../../api/use-value-suggestions.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { FilterBuilder } from '../filter-builder/filter-builder.tsx';

/**
 * "Edit dashboard filters": the dashboard filters other than the date range and the agents (those
 * have their own controls), edited with the filter-tree builder and validated with the contract's
 * rules before saving. The metrics (for the metric picker and the check of metric ids) are fetched when
 * the dialog opens; the form waits for them so that a metric condition is never flagged as unknown
 * only because the list had not arrived yet.
 */
export function EditFiltersDialog({
  open,
  projectId,
  initial,
  metrics,
  saving,
  serverErrors,
  onClose,
  onSave,
}: {
  open: boolean;
  /** The dashboard's project: the calls whose values are suggested. */
  projectId: number | null;
  initial: Filter | null;
  /** Undefined while they load. */
  metrics: readonly Metric[] | undefined;
  saving: boolean;
  serverErrors: readonly string[];
  onClose: () => void;
  onSave: (filter: Filter | null) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Edit dashboard filters"
      description="These filters apply to every widget on this dashboard. The date range and agents are set in the bar above."
      className="max-w-3xl"
    >
      {!open ? null : metrics === undefined ? (
        <p role="status" className="py-6 text-sm text-slate-500 dark:text-slate-400">
          Loading metrics…
        </p>
      ) : (
        <FiltersForm
          projectId={projectId}
          initial={initial}
          metrics={metrics}
          saving={saving}
          serverErrors={serverErrors}
          onCancel={onClose}
          onSave={onSave}
        />
      )}
    </Dialog>
  );
}

function FiltersForm({
  projectId,
  initial,
  metrics,
  saving,
  serverErrors,
  onCancel,
  onSave,
}: {
  projectId: number | null;
  initial: Filter | null;
  metrics: readonly Metric[];
  saving: boolean;
  serverErrors: readonly string[];
  onCancel: () => void;
  onSave: (filter: Filter | null) => void;
}) {
  const [draft, setDraft] = useState<Filter | null>(initial);
  const valueSuggestions = useValueSuggestions(projectId);
  const problems = validateFilter(draft, { metrics });
  // Server paths refer to the whole dashboard filter, not to this part of it: show them unplaced.
  const errors = serverErrors.map((message) => splitFilterErrorPath(message).message);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length === 0) onSave(draft);
      }}
    >
      <div className="max-h-[60vh] overflow-auto pr-1">
        <FilterBuilder
          value={draft}
          onChange={setDraft}
          metrics={metrics}
          valueSuggestions={valueSuggestions}
          errors={errors}
          label="Dashboard filters"
        />
      </div>
      <div className="mt-6 flex items-center justify-end gap-2">
        {problems.length > 0 ? (
          <p className="mr-auto text-sm text-rose-600 dark:text-rose-400">
            Fix the highlighted conditions to save.
          </p>
        ) : null}
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" loading={saving} disabled={problems.length > 0}>
          Save filters
        </Button>
      </div>
    </form>
  );
}
