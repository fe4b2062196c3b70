import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../../api/api-client-context.tsx';
import { dashboardQueries } from '../../api/dashboard-queries.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Button, buttonClassName } from '../../ui/button.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { readUrlState } from './dashboard-url-state.ts';
import { refreshMs } from './refresh-schedule.ts';
import { UpdatedAgo } from './updated-ago.tsx';
import { useWallAppearance } from './use-wall-appearance.ts';
import { readWallParams, WALL_MAX_BACKOFF_MS, writeWallParams, type WallParams } from './wall-params.ts';
import { WallDashboard } from './wall-dashboard.tsx';
import { WallSetup } from './wall-setup.tsx';

/**
 * Route component of `/wall`: full screen, no app chrome, large type, dark unless asked otherwise,
 * cycling through the chosen dashboards every N seconds with their data refreshing on its own. A lost
 * server (a restart) shows a small "Reconnecting" sign while the last data stays up, and every query
 * keeps retrying. Without dashboards in the link it asks which to show.
 */
export function WallView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const wall = useMemo(() => readWallParams(searchParams), [searchParams]);
  useWallAppearance(wall.theme);
  const setWall = useCallback(
    (next: WallParams) => setSearchParams((params) => writeWallParams(params, next)),
    [setSearchParams],
  );
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="px-6 py-4">
        {wall.dashboardIds.length === 0 ? (
          <WallSetup wall={wall} onStart={setWall} />
        ) : (
          <WallCycle wall={wall} onThemeChange={(theme) => setWall({ ...wall, theme })} />
        )}
      </main>
    </div>
  );
}

function WallCycle({
  wall,
  onThemeChange,
}: {
  wall: WallParams;
  onThemeChange: (theme: 'dark' | 'light') => void;
}) {
  const api = useApiClient();
  const [searchParams] = useSearchParams();
  const view = useMemo(() => readUrlState(searchParams), [searchParams]);
  const [index, setIndex] = useState(0);
  const count = wall.dashboardIds.length;
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setIndex((at) => (at + 1) % count), wall.everySeconds * 1000);
    return () => clearInterval(timer);
  }, [count, wall.everySeconds]);
  const dashboardId = wall.dashboardIds[index % count] ?? wall.dashboardIds[0] ?? 0;
  const dashboard = useQuery({
    ...dashboardQueries.detail(api, dashboardId),
    // A wall is never left alone: it asks again until the server answers (a restart, a lost network).
    refetchInterval: WALL_MAX_BACKOFF_MS,
    retry: true,
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, WALL_MAX_BACKOFF_MS),
  });
  useDocumentTitle(dashboard.data ? `Wall · ${dashboard.data.name}` : 'Wall');
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const [reconnecting, setReconnecting] = useState(false);
  const [updatedAt, setUpdatedAt] = useState(0);
  const onStatus = useCallback((status: { reconnecting: boolean; updatedAt: number }) => {
    setReconnecting(status.reconnecting);
    setUpdatedAt(status.updatedAt);
  }, []);
  const lost = reconnecting || (dashboard.failureCount > 0 && !dashboard.isSuccess) || dashboard.isError;

  return (
    <div className="space-y-3">
      <header className="flex flex-wrap items-center gap-4">
        <h1 dir="auto" className="min-w-0 flex-1 truncate text-3xl font-semibold">
          {dashboard.data?.name ?? `Dashboard ${dashboardId}`}
        </h1>
        {count > 1 ? (
          <span className="text-sm text-slate-500 tabular-nums dark:text-slate-400">
            {(index % count) + 1} / {count} · next in {wall.everySeconds} s
          </span>
        ) : null}
        {lost ? (
          <span
            role="status"
            className="inline-flex items-center gap-2 rounded-full bg-amber-100 px-3 py-1 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          >
            <Spinner className="size-3.5" /> Reconnecting…
          </span>
        ) : (
          <UpdatedAgo at={updatedAt} />
        )}
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            else void document.documentElement.requestFullscreen?.().catch(() => undefined);
          }}
        >
          {fullScreen ? 'Leave full screen' : 'Full screen'}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onThemeChange(wall.theme === 'dark' ? 'light' : 'dark')}
        >
          {wall.theme === 'dark' ? 'Light' : 'Dark'}
        </Button>
        <Link to={`/dashboards/${dashboardId}`} className={buttonClassName('ghost', 'sm')}>
          Exit wall mode
        </Link>
      </header>
      {dashboard.data ? (
        <WallDashboard
          key={dashboard.data.id}
          dashboard={dashboard.data}
          view={view}
          refreshMs={refreshMs(view.refresh) || 60_000}
          onStatus={onStatus}
        />
      ) : (
        <p role="status" className="py-20 text-center text-xl text-slate-500 dark:text-slate-400">
          {dashboard.isError || dashboard.failureCount > 0 ? 'Waiting for the server…' : 'Loading…'}
        </p>
      )}
    </div>
  );
}
