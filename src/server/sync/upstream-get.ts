/** The upstream refused the key: retrying cannot help. The message never contains the key. */
export class UpstreamAuthError extends Error {}

export interface RetryPolicy {
  maxAttempts: number;
  /** First back-off in ms; doubled per attempt, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Called before each wait (for progress output). */
  onRetry?: (reason: string, waitMs: number) => void;
}

/** The wait a `Retry-After` header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function backoff(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/**
 * GET a JSON document from the upstream with the key in its header (never the URL), retrying 429
 * and 5xx answers (waiting as `Retry-After` says, else with exponential back-off), network errors and
 * connections dropped mid-body. 401/403 throw UpstreamAuthError at once; other 4xx throw.
 */
export async function upstreamGet(
  fetchFn: typeof fetch,
  url: URL,
  apiKey: string,
  policy: RetryPolicy,
): Promise<unknown> {
  let lastReason = '';
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    let wait: number | null = null;
    try {
      const response = await fetchFn(url, {
        headers: { 'X-CEKURA-API-KEY': apiKey, Accept: 'application/json' },
      });
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new UpstreamAuthError(
          `The upstream answered ${response.status} to ${url.pathname}: check CEKURA_API_KEY (and that the key may read this project).`,
        );
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        lastReason = `HTTP ${response.status}`;
        wait = retryAfterMs(response.headers.get('retry-after'), Date.now());
      } else if (!response.ok) {
        throw new Error(
          `The upstream answered ${response.status} to ${url.pathname}${url.search}: ${(await response.text()).slice(0, 300)}`,
        );
      } else {
        // Reading the body can fail on its own (a connection dropped mid-page): retried below.
        return JSON.parse(await response.text()) as unknown;
      }
    } catch (error: unknown) {
      if (error instanceof UpstreamAuthError) throw error;
      if (error instanceof Error && error.message.startsWith('The upstream answered')) throw error;
      lastReason = error instanceof Error ? error.message : String(error);
    }
    if (attempt + 1 >= policy.maxAttempts) break;
    const delay = wait ?? backoff(policy, attempt);
    policy.onRetry?.(lastReason, delay);
    await policy.sleep(delay);
  }
  throw new Error(`Gave up on ${url.pathname} after ${policy.maxAttempts} attempts (last: ${lastReason}).`);
}
