import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { dashboardQueries } from '../../api/dashboard-queries.ts';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { WALL_MAX_SECONDS, WALL_MIN_SECONDS, type WallParams } from './wall-params.ts';

/** Which dashboards the wall cycles through, and for how long each stays up. */
export function WallSetup({ wall, onStart }: { wall: WallParams; onStart: (wall: WallParams) => void }) {
  const api = useApiClient();
  const id = useId();
  const list = useQuery(dashboardQueries.list(api));
  const [chosen, setChosen] = useState<number[]>(wall.dashboardIds);
  const [seconds, setSeconds] = useState(String(wall.everySeconds));
  const everySeconds = Number(seconds);
  const secondsOk =
    Number.isInteger(everySeconds) && everySeconds >= WALL_MIN_SECONDS && everySeconds <= WALL_MAX_SECONDS;
  return (
    <form
      className="mx-auto mt-10 max-w-xl space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length > 0 && secondsOk) onStart({ ...wall, dashboardIds: chosen, everySeconds });
      }}
    >
      <h1 className="text-2xl font-semibold">Wall mode</h1>
      <fieldset>
        <legend className="text-sm font-medium">Dashboards to show, in turn</legend>
        {list.isPending ? (
          <p role="status" className="mt-2 text-sm text-slate-500 dark:text-slate-400">
            Loading dashboards…
          </p>
        ) : list.isError ? (
          <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-400">
            {describeError(list.error)}
          </p>
        ) : (
          <ul className="mt-2 max-h-72 space-y-1.5 overflow-auto">
            {list.data.map((dashboard) => (
              <li key={dashboard.id}>
                <Checkbox
                  label={dashboard.name || `Dashboard ${dashboard.id}`}
                  checked={chosen.includes(dashboard.id)}
                  onChange={(event) =>
                    setChosen((ids) =>
                      event.target.checked ? [...ids, dashboard.id] : ids.filter((d) => d !== dashboard.id),
                    )
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div>
        <label htmlFor={`${id}-every`} className="text-sm font-medium">
          Seconds per dashboard
        </label>
        <TextInput
          id={`${id}-every`}
          inputMode="numeric"
          className="mt-1 w-32"
          value={seconds}
          aria-invalid={!secondsOk}
          aria-describedby={`${id}-every-hint`}
          onChange={(event) => setSeconds(event.target.value)}
        />
        <p id={`${id}-every-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {WALL_MIN_SECONDS}–{WALL_MAX_SECONDS} seconds.
        </p>
      </div>
      <Button type="submit" variant="primary" disabled={chosen.length === 0 || !secondsOk}>
        Start wall mode
      </Button>
    </form>
  );
}
