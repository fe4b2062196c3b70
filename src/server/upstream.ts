import type { Context } from 'hono';
import { API_KEY_HEADER, AUTH_MESSAGES } from './auth-middleware.ts';
import { foreignRequestReason, requestFacts } from './http/own-page-request.ts';
import { readRawBody } from './http/read-body.ts';

export interface UpstreamOptions {
  /** Base URL of the real API, e.g. `https://api.cekura.ai` (a path prefix is kept). */
  url: string;
  /**
   * Used when the caller sends no key, so a team can keep its key out of browsers; lent only to
   * requests from the server's own SPA (see `own-page-request.ts`).
   */
  apiKey?: string | null;
  /** Injected in tests (a second in-process app); the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** Request headers worth forwarding; everything else (cookies, host, hop-by-hop) stays here. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'if-match', 'if-none-match', 'accept-language'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'etag', 'retry-after', 'location', 'www-authenticate'];
const UPSTREAM_TIMEOUT_MS = 60_000;

/** The upstream URL of a request: the base URL's path + the request path, with the same query. */
export function upstreamUrl(base: string, requestUrl: string): string {
  const target = new URL(base);
  const incoming = new URL(requestUrl);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}${incoming.pathname}`;
  target.search = incoming.search;
  return target.toString();
}

/**
 * Forwarding mode: every API request goes to the upstream with its method, query, body and the
 * caller's `X-CEKURA-API-KEY`, or the server's own key when the request comes from its own SPA (a
 * keyless request from anywhere else is refused here and never reaches the upstream); status and
 * body come back unchanged.
 */
export function createUpstreamHandler(options: UpstreamOptions): (c: Context) => Promise<Response> {
  const send = options.fetch ?? fetch;
  return async (c) => {
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const callerKey = c.req.header(API_KEY_HEADER)?.trim();
    if (callerKey) {
      headers.set(API_KEY_HEADER, callerKey);
    } else if (!options.apiKey) {
      return c.json({ detail: AUTH_MESSAGES.missing }, 401);
    } else {
      const reason = foreignRequestReason(requestFacts(c.req.raw));
      if (reason !== null) {
        return c.json(
          {
            detail: `This server lends its Cekura API key only to its own web app, and this request is not from it: ${reason}. Send your own X-CEKURA-API-KEY header.`,
          },
          403,
        );
      }
      headers.set(API_KEY_HEADER, options.apiKey);
    }
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readRawBody(c);
    let response: Response;
    try {
      response = await send(upstreamUrl(options.url, c.req.url), {
        method,
        headers,
        body: body && body.byteLength > 0 ? body : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    } catch {
      return c.json({ detail: 'The upstream API could not be reached.' }, 502);
    }
    const out = new Headers();
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    const payload = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
    return new Response(payload, { status: response.status, headers: out });
  };
}
