import type { Metric } from '../../../contract/metric-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { AlertIcon } from '../../ui/icons.tsx';
import { COMBINATOR_LABELS } from './combinator.ts';
import type { FilterNode } from './filter-tree.ts';
import { describeCondition } from './summarize-filter.ts';

export interface ReadOnlyFilterNodeProps {
  readonly node: FilterNode;
  /** Ids of conditions that take part in a contradiction. */
  readonly flagged: ReadonlySet<string>;
  readonly metrics?: readonly Metric[];
}

/** A filter subtree as nested text lists (no controls), for reading an inherited or merged filter. */
export function ReadOnlyFilterNode({ node, flagged, metrics }: ReadOnlyFilterNodeProps) {
  if (node.kind === 'condition') {
    const isFlagged = flagged.has(node.id);
    return (
      <span
        className={classNames(
          'inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-sm',
          isFlagged
            ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'
            : 'text-slate-800 dark:text-slate-200',
        )}
      >
        {isFlagged ? <AlertIcon className="size-3.5" /> : null}
        {describeCondition({ field: node.field, op: node.op, value: node.value }, { metrics })}
        {isFlagged ? <span className="sr-only"> (contradicts another condition)</span> : null}
      </span>
    );
  }
  return (
    <div>
      <span className="text-xs font-semibold text-slate-600 dark:text-slate-400">
        {COMBINATOR_LABELS[node.operator]}
      </span>
      <ul className="ml-1.5 mt-1 space-y-1 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
        {node.conditions.map((child) => (
          <li key={child.id}>
            <ReadOnlyFilterNode node={child} flagged={flagged} metrics={metrics} />
          </li>
        ))}
      </ul>
    </div>
  );
}
