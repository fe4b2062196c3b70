import type { Filter } from '../../../contract/filter-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { describeCondition, type MetricNameOf } from './describe-condition.ts';

/** The dashboard's other filters as readable chips (metric ids by name); a click opens the filter editor. */
export function FilterChips({
  filters,
  metricName,
  onEdit,
}: {
  filters: readonly Filter[];
  metricName: MetricNameOf;
  onEdit: () => void;
}) {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Dashboard filters" className="flex flex-wrap items-center gap-1.5">
      {filters.map((filter, index) => (
        <li key={index}>
          <button
            type="button"
            onClick={onEdit}
            title="Edit dashboard filters"
            className={classNames(
              'inline-flex max-w-72 items-center truncate rounded-full border border-indigo-200 bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800 hover:bg-indigo-100 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-200 dark:hover:bg-indigo-900/60',
              FOCUS_RING,
            )}
          >
            {describeCondition(filter, metricName)}
          </button>
        </li>
      ))}
    </ul>
  );
}
