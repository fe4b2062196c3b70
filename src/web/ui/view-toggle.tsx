import { classNames } from '../lib/class-names.ts';
import { FOCUS_RING } from './focus-ring.ts';
import { ChartIcon, TableIcon } from './icons.tsx';

export type ChartOrTable = 'chart' | 'table';

const OPTIONS: { value: ChartOrTable; label: string; Icon: typeof ChartIcon }[] = [
  { value: 'chart', label: 'Chart', Icon: ChartIcon },
  { value: 'table', label: 'Table', Icon: TableIcon },
];

/**
 * Chart or Table: two toggle buttons (`aria-pressed`) in a labelled group, used by dashboard cards and
 * the editor's preview. `label` names what is shown ("View of Calls per day").
 */
export function ViewToggle({
  value,
  onChange,
  label,
}: {
  value: ChartOrTable;
  onChange: (value: ChartOrTable) => void;
  label: string;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex shrink-0 rounded-md border border-slate-200 p-0.5 dark:border-slate-700"
    >
      {OPTIONS.map(({ value: option, label: text, Icon }) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
          className={classNames(
            'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs',
            value === option
              ? 'bg-slate-100 font-medium text-slate-900 dark:bg-slate-800 dark:text-slate-100'
              : 'text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
            FOCUS_RING,
          )}
        >
          <Icon className="size-3.5" />
          {text}
        </button>
      ))}
    </div>
  );
}
