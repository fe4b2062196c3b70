import { useId } from 'react';
import { Link } from 'react-router';
import type { Filter } from '../../../contract/filter-schema.ts';
import { Button, buttonClassName } from '../../ui/button.tsx';
import { Select } from '../../ui/select.tsx';
import { REFRESH_CHOICES, type RefreshChoice } from './refresh-schedule.ts';
import { FilterIcon, RefreshIcon } from './control-icons.tsx';
import { AgentFilterControl } from './agent-filter-control.tsx';
import type { AgentOption } from '../../lib/agent-options.ts';
import type { MetricNameOf } from './describe-condition.ts';
import type { DateRange } from './dashboard-filters.ts';
import { DateRangeControl } from './date-range-control.tsx';
import { FilterChips } from './filter-chips.tsx';
import type { MetricsStatus } from './use-dashboard-metrics.ts';
import { UpdatedAgo } from './updated-ago.tsx';

/**
 * Date range, agents, the other filters as chips, Refresh with the age of the data, auto-refresh and
 * the way into wall mode.
 */
export function ControlBar({
  range,
  agents,
  agentsStatus,
  agentIds,
  otherFilters,
  metricName,
  saving,
  updatedAt,
  refreshing,
  onRangeChange,
  onAgentsChange,
  onAgentsWanted,
  onEditFilters,
  onRefresh,
  refreshChoice,
  onRefreshChoiceChange,
  wallHref,
}: {
  range: DateRange | null;
  agents: readonly AgentOption[];
  /** The agents come from the metrics, which load when the agent menu is about to open. */
  agentsStatus: MetricsStatus;
  agentIds: number[] | null;
  otherFilters: readonly Filter[];
  metricName: MetricNameOf;
  saving: boolean;
  updatedAt: number;
  refreshing: boolean;
  onRangeChange: (range: DateRange) => void;
  onAgentsChange: (ids: number[]) => void;
  onAgentsWanted: () => void;
  onEditFilters: () => void;
  onRefresh: () => void;
  refreshChoice: RefreshChoice['id'];
  onRefreshChoiceChange: (id: RefreshChoice['id']) => void;
  /** Wall mode with this dashboard (and the current view). */
  wallHref: string;
}) {
  const refreshId = useId();
  return (
    <div
      role="toolbar"
      aria-label="Dashboard controls"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <DateRangeControl range={range} onChange={onRangeChange} saving={saving} />
      <AgentFilterControl
        agents={agents}
        status={agentsStatus}
        selected={agentIds}
        onChange={onAgentsChange}
        onWanted={onAgentsWanted}
        saving={saving}
      />
      <FilterChips filters={otherFilters} metricName={metricName} onEdit={onEditFilters} />
      <Button size="sm" variant="ghost" onClick={onEditFilters}>
        <FilterIcon /> Edit dashboard filters
      </Button>
      <div className="ml-auto flex items-center gap-3">
        <UpdatedAgo at={updatedAt} />
        <Button size="sm" onClick={onRefresh} loading={refreshing} aria-label="Refresh data">
          {refreshing ? null : <RefreshIcon />} Refresh
        </Button>
        <label
          htmlFor={refreshId}
          className="text-sm font-medium whitespace-nowrap text-slate-700 dark:text-slate-300"
        >
          Auto-refresh
        </label>
        <Select
          id={refreshId}
          className="h-8 w-auto"
          value={refreshChoice}
          onChange={(event) =>
            onRefreshChoiceChange(
              REFRESH_CHOICES.find((choice) => choice.id === event.target.value)?.id ?? 'off',
            )
          }
          options={REFRESH_CHOICES.map((choice) => ({ value: choice.id, label: choice.label }))}
        />
        <Link to={wallHref} className={buttonClassName('ghost', 'sm')}>
          Wall mode
        </Link>
      </div>
    </div>
  );
}
