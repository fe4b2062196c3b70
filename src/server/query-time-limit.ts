/**
 * The time limit of every data computation (chart data, call-log lists): WIDGET_STUDIO_QUERY_TIMEOUT_MS,
 * 15 s by default, read on every computation so that a test or an operator can change it at run time.
 * A computation still running at the limit is stopped and its request answers 504 with a `detail`
 * that says what to do (docs/decisions/0009). On a worker thread the worker is replaced
 * (data-worker-pool.ts); on the main thread, where better-sqlite3 cannot be interrupted, the per-row
 * SQL functions check the deadline (`checkQueryDeadline`).
 */
export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;

export function queryTimeLimitMs(): number {
  const raw = process.env.WIDGET_STUDIO_QUERY_TIMEOUT_MS?.trim() ?? '';
  const value = Number(raw);
  return raw !== '' && Number.isFinite(value) && value > 0 ? value : DEFAULT_QUERY_TIMEOUT_MS;
}

/** A computation stopped at its time limit: the app answers 504 with this message as `detail`. */
export class QueryTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(
      `The query took longer than ${formatSeconds(limitMs)} and was stopped. Narrow the filters or the time range and try again.`,
    );
    this.name = 'QueryTimeoutError';
  }
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

interface Deadline {
  at: number;
  limitMs: number;
}

const deadlines = new WeakMap<object, Deadline>();

/**
 * Runs `run` (synchronous queries on `connection`) with a deadline `limitMs` from now, which
 * `checkQueryDeadline` enforces from inside the connection's SQL functions.
 */
export function runWithQueryDeadline<T>(connection: object, limitMs: number, run: () => T): T {
  const previous = deadlines.get(connection);
  deadlines.set(connection, { at: performance.now() + limitMs, limitMs });
  try {
    return run();
  } finally {
    if (previous) deadlines.set(connection, previous);
    else deadlines.delete(connection);
  }
}

/** Throws QueryTimeoutError when the computation running on `connection` is past its deadline. */
export function checkQueryDeadline(connection: object): void {
  const deadline = deadlines.get(connection);
  if (deadline !== undefined && performance.now() > deadline.at)
    throw new QueryTimeoutError(deadline.limitMs);
}
