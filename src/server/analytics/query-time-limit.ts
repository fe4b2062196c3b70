/**
 * The time limit of every data computation (chart data, call-log lists, value counts):
 * WIDGET_STUDIO_QUERY_TIMEOUT_MS, 15 s by default, read on every computation so that a test or an
 * operator can change it at run time. A computation still running at the limit is interrupted
 * (analytics-database.ts) and its request answers 504 with a `detail` that says what to do
 * (docs/decisions/0009).
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
