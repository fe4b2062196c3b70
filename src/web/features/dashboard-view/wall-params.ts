/** Wall mode's own link parameters (the view's variables and refresh travel beside them). */
export interface WallParams {
  /** The dashboards to cycle through, in order, each once. */
  dashboardIds: number[];
  /** Seconds each dashboard stays on screen. */
  everySeconds: number;
  /** Dark unless the link asks for light. */
  theme: 'dark' | 'light';
}

/** Wall mode retries a lost server at least this often, however long it has been gone. */
export const WALL_MAX_BACKOFF_MS = 60_000;
export const WALL_DEFAULT_SECONDS = 60;
export const WALL_MIN_SECONDS = 10;
export const WALL_MAX_SECONDS = 3600;
const MAX_DASHBOARDS = 20;

/**
 * Reads `d=3,5,8&every=30&theme=light`. Ids that are not positive integers and repeats are left out,
 * `every` is clamped to 10–3600 s (60 when missing or not a number), any theme but `light` is dark. Total.
 */
export function readWallParams(params: URLSearchParams): WallParams {
  const ids = (params.get('d') ?? '')
    .split(',')
    .map((part) => (/^\d{1,12}$/.test(part.trim()) ? Number(part.trim()) : 0))
    .filter((id, index, all) => id > 0 && all.indexOf(id) === index)
    .slice(0, MAX_DASHBOARDS);
  const every = Number(params.get('every') ?? '');
  const everySeconds =
    Number.isFinite(every) && every > 0
      ? Math.min(WALL_MAX_SECONDS, Math.max(WALL_MIN_SECONDS, Math.round(every)))
      : WALL_DEFAULT_SECONDS;
  return { dashboardIds: ids, everySeconds, theme: params.get('theme') === 'light' ? 'light' : 'dark' };
}

/** The link's parameters with the wall's written in; every other parameter kept. Total. */
export function writeWallParams(params: URLSearchParams, wall: WallParams): URLSearchParams {
  const next = new URLSearchParams(params);
  if (wall.dashboardIds.length > 0) next.set('d', wall.dashboardIds.join(','));
  else next.delete('d');
  if (wall.everySeconds === WALL_DEFAULT_SECONDS) next.delete('every');
  else next.set('every', String(wall.everySeconds));
  if (wall.theme === 'light') next.set('theme', 'light');
  else next.delete('theme');
  return next;
}
