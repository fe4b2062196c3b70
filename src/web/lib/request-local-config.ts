/**
 * Sends `GET /studio/local-config` to the embedded server at `baseUrl` ('' for the page's own origin).
 * Without imports, so that the page can send it before the rest of its code has run
 * (`app/early-requests.ts`); `features/connection` reads the answer. A fetch that throws at once
 * becomes a rejected promise.
 */
export function requestLocalConfig(fetchImpl: typeof fetch, baseUrl: string): Promise<Response> {
  try {
    return fetchImpl(`${baseUrl}/studio/local-config`, { headers: { Accept: 'application/json' } });
  } catch (error: unknown) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
