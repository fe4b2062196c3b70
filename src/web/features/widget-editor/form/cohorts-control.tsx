import type { Filter } from '../../../../contract/filter-schema.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import type { Cohort } from '../../../../contract/widget-insights.ts';
import { useValueSuggestions } from '../../../api/use-value-suggestions.ts';
import { Button } from '../../../ui/button.tsx';
import { Field } from '../../../ui/field.tsx';
import { TextInput } from '../../../ui/text-input.tsx';
import { FilterBuilder } from '../../filter-builder/filter-builder.tsx';

/** At most four cohorts side by side (the contract's limit), at least two. */
const MAX_COHORTS = 4;
const MIN_COHORTS = 2;

/** A new cohort's name: "Cohort C" for the third. */
export function nextCohortLabel(cohorts: readonly Cohort[]): string {
  return `Cohort ${String.fromCharCode(65 + cohorts.length)}`;
}

/**
 * The cohorts of a cohort comparison: each a name and a filter set built with the filter builder (agent
 * A vs agent B, EU vs US), drawn side by side as one series each. A blank name says so inline.
 */
export function CohortsControl({
  cohorts,
  onChange,
  projectId,
  metrics,
  metadataKeys,
  now,
}: {
  cohorts: readonly Cohort[];
  onChange: (cohorts: Cohort[]) => void;
  projectId: number | null;
  metrics: readonly Metric[] | null;
  metadataKeys: readonly string[];
  now: Date;
}) {
  const valueSuggestions = useValueSuggestions(projectId);
  const update = (index: number, change: Partial<Cohort>) =>
    onChange(cohorts.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <div className="space-y-3" data-testid="cohorts">
      {cohorts.map((cohort, index) => {
        const n = index + 1;
        return (
          <fieldset
            key={index}
            className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
            data-testid="cohort"
          >
            <legend className="px-1 text-sm font-medium text-slate-800 dark:text-slate-200">
              Cohort {n}
            </legend>
            <div className="flex items-end gap-2">
              <Field
                label={`Name of cohort ${n}`}
                error={cohort.label.trim() === '' ? 'Name this cohort.' : undefined}
                className="w-56"
              >
                {(control) => (
                  <TextInput
                    {...control}
                    maxLength={40}
                    value={cohort.label}
                    onChange={(e) => update(index, { label: e.target.value })}
                  />
                )}
              </Field>
              {cohorts.length > MIN_COHORTS ? (
                <Button
                  variant="ghost"
                  aria-label={`Remove cohort ${n}`}
                  onClick={() => onChange(cohorts.filter((_, i) => i !== index))}
                >
                  Remove
                </Button>
              ) : null}
            </div>
            <FilterBuilder
              label={`Filters of cohort ${n}`}
              value={cohort.filters}
              onChange={(filters: Filter | null) => update(index, { filters })}
              metrics={metrics ?? undefined}
              metadataKeys={metadataKeys}
              valueSuggestions={valueSuggestions}
              now={now}
            />
          </fieldset>
        );
      })}
      {cohorts.length < MAX_COHORTS ? (
        <Button
          variant="secondary"
          onClick={() => onChange([...cohorts, { label: nextCohortLabel(cohorts), filters: null }])}
        >
          Add cohort
        </Button>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          At most four cohorts: remove one to add another.
        </p>
      )}
    </div>
  );
}
