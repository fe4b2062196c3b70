/** How reads are retried: at most `maxRetries` more attempts, exponential backoff with jitter. */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is shown instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 400,
  maxDelayMs: 8000,
  maxRetryAfterMs: 30_000,
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may be sent again after a failure. Reads may; a write only when it carries a
 * precondition (`If-Match`: a repeat after a lost answer then fails with 412 instead of writing
 * twice) or the caller declares it a read (`preview_data` and `bulk_data` are POSTs that change nothing).
 */
export function isRetryableRequest(
  method: string,
  headers: Record<string, string>,
  idempotent: boolean,
): boolean {
  if (idempotent || SAFE_METHODS.has(method.toUpperCase())) return true;
  return Object.keys(headers).some((name) => name.toLowerCase() === 'if-match');
}

/**
 * 408 and 429 are the only 4xx worth repeating; 5xx except 501 (not implemented), 505 and 504: a
 * computation that ran into its time limit (the server stopped it after 15 s) would only run into it
 * again, keeping the analyst waiting four times as long for the same message.
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429) return true;
  return status >= 500 && status !== 501 && status !== 504 && status !== 505;
}

/**
 * `Retry-After` in milliseconds: either delay-seconds (`"3"`) or an HTTP date. Missing, malformed
 * or negative → null; a date in the past → 0.
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

/**
 * Delay before retry number `retry` (0 = first retry): `base · 2^retry`, capped, with "equal jitter"
 * (half fixed, half random) so that many clients failing together do not retry in lockstep.
 * `random` is a number in [0, 1).
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/**
 * The wait before the next attempt, or null when there must be none: retries used up, or the server
 * asked for a longer pause than we are willing to hold a spinner for. A `Retry-After` wins over backoff.
 */
export function nextRetryDelay(
  retry: number,
  retryAfterMs: number | null,
  policy: RetryPolicy,
  random: number,
): number | null {
  if (retry >= policy.maxRetries) return null;
  if (retryAfterMs !== null) return retryAfterMs > policy.maxRetryAfterMs ? null : retryAfterMs;
  return backoffDelay(retry, policy, random);
}
