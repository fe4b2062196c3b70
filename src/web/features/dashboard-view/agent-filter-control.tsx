import { useCallback, useId, useRef, useState } from 'react';
import { classNames } from '../../lib/class-names.ts';
import { useOutsidePointer } from '../../lib/use-outside-pointer.ts';
import { Button } from '../../ui/button.tsx';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { ChevronDownIcon } from '../../ui/icons.tsx';
import type { AgentOption } from '../../lib/agent-options.ts';
import type { MetricsStatus } from './use-dashboard-metrics.ts';

/**
 * The dashboard's agent filter (D20: `agent.id in [...]` in the dashboard filters): a button showing
 * the selection that opens a checkbox list; Apply saves, an empty selection means all agents. The
 * list comes from the metrics, which are not loaded with the dashboard: `onWanted` asks for them when
 * the pointer or the focus reaches the button (so the list is usually there when the menu opens) and
 * on opening, and the menu says so while they load.
 */
export function AgentFilterControl({
  agents,
  status,
  selected,
  onChange,
  onWanted,
  saving,
}: {
  agents: readonly AgentOption[];
  status: MetricsStatus;
  selected: readonly number[] | null;
  onChange: (ids: number[]) => void;
  onWanted: () => void;
  saving: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<number[]>([]);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const current = selected ?? [];

  const close = useCallback(() => setOpen(false), []);
  useOutsidePointer(open, [panelRef, buttonRef], close);

  const summary =
    current.length === 0
      ? 'All agents'
      : current.length === 1
        ? (agents.find((a) => a.id === current[0])?.name ?? `Agent ${current[0]}`)
        : `${current.length} agents`;

  return (
    <div className="relative flex items-center gap-2">
      <span id={`${panelId}-label`} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        Agents
      </span>
      <button
        ref={buttonRef}
        type="button"
        aria-labelledby={`${panelId}-label ${panelId}-value`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        disabled={saving}
        onPointerEnter={onWanted}
        onFocus={onWanted}
        onClick={() => {
          onWanted();
          setDraft([...current]);
          setOpen((value) => !value);
        }}
        className={classNames(
          'inline-flex h-9 min-w-36 items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800',
          FOCUS_RING,
        )}
      >
        <span id={`${panelId}-value`} className="truncate">
          {summary}
        </span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          className="absolute top-full left-0 z-30 mt-2 w-72 rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Show calls of</legend>
            {status === 'loading' ? (
              <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
                Loading agents…
              </p>
            ) : agents.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">
                {status === 'error'
                  ? 'Could not load the agents of this project.'
                  : 'No agents found for this project.'}
              </p>
            ) : (
              <ul className="max-h-64 space-y-1 overflow-auto">
                {agents.map((agent, index) => (
                  <li key={agent.id}>
                    <label className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
                      <input
                        type="checkbox"
                        className="size-4 accent-indigo-600"
                        checked={draft.includes(agent.id)}
                        autoFocus={index === 0}
                        onChange={(event) =>
                          setDraft((ids) =>
                            event.target.checked ? [...ids, agent.id] : ids.filter((id) => id !== agent.id),
                          )
                        }
                      />
                      <span className="truncate">{agent.name}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <div className="mt-3 flex justify-between gap-2">
            <Button size="sm" variant="ghost" onClick={() => setDraft([])}>
              All agents
            </Button>
            <Button
              size="sm"
              variant="primary"
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
                onChange([...draft].sort((a, b) => a - b));
              }}
            >
              Apply
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
