/** What the fault-injecting fetch does for one call: pass it to the real server, or fail it. */
export type Fault =
  'pass' | { status: number; body?: unknown; headers?: Record<string, string> } | { throw: Error } | 'hang';

export interface FaultFetch {
  fetch: typeof fetch;
  /** Every URL requested, in order (including the failed ones). */
  calls: string[];
  /** Headers of every call, to check what was sent. */
  headers: Headers[];
}

/**
 * Wraps the REAL in-memory server's fetch and injects faults for the first calls, in order
 * (`plan[i]` for call i; later calls pass through). Fault injection, not a fake of the API:
 * every call that passes is answered by the real Hono app.
 */
export function createFaultFetch(realFetch: typeof fetch, plan: readonly Fault[] = []): FaultFetch {
  const calls: string[] = [];
  const headers: Headers[] = [];
  const faultFetch: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const fault = plan[calls.length] ?? 'pass';
    calls.push(url);
    headers.push(new Headers(init?.headers));
    if (fault === 'pass') return realFetch(input, init);
    if (fault === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if ('throw' in fault) return Promise.reject(fault.throw);
    const body = fault.body === undefined ? null : JSON.stringify(fault.body);
    return Promise.resolve(
      new Response(body, {
        status: fault.status,
        headers: { 'Content-Type': 'application/json', ...fault.headers },
      }),
    );
  };
  return { fetch: faultFetch, calls, headers };
}
