import type { Context } from 'hono';
import { API_KEY_HEADER, AUTH_MESSAGES } from '../http/auth-middleware.ts';
import { foreignRequestReason, requestFacts } from '../http/own-page-request.ts';
import { readRawBody } from '../http/read-body.ts';

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
export const UNREACHABLE_DETAIL = 'The upstream API could not be reached.';

/** The upstream URL of a request: the base URL's path + the request path, with the same query. */
export function upstreamUrl(base: string, requestUrl: string): string {
  const target = new URL(base);
  const incoming = new URL(requestUrl);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}${incoming.pathname}`;
  target.search = incoming.search;
  return target.toString();
}

/** An upstream answer read whole: its status, the headers we pass on and the body bytes. */
export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  body: ArrayBuffer | null;
}

export interface Upstream {
  readonly url: string;
  /**
   * The key a request is forwarded with: the caller's `X-CEKURA-API-KEY`, or the server's own key
   * when the request comes from its own SPA; otherwise the refusal to answer (a keyless request from
   * anywhere else never reaches the upstream).
   */
  keyOf(c: Context): string | Response;
  /** One request to the upstream; null when it cannot be reached (or did not answer in time). */
  send(
    key: string,
    method: string,
    requestUrl: string,
    init?: { headers?: Headers; body?: Uint8Array<ArrayBuffer> },
  ): Promise<UpstreamAnswer | null>;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const fetchUpstream = options.fetch ?? fetch;
  return {
    url: options.url,
    keyOf(c) {
      const callerKey = c.req.header(API_KEY_HEADER)?.trim();
      if (callerKey) return callerKey;
      if (!options.apiKey) return c.json({ detail: AUTH_MESSAGES.missing }, 401);
      const reason = foreignRequestReason(requestFacts(c.req.raw));
      if (reason !== null)
        return c.json(
          {
            detail: `This server lends its Cekura API key only to its own web app, and this request is not from it: ${reason}. Send your own X-CEKURA-API-KEY header.`,
          },
          403,
        );
      return options.apiKey;
    },
    async send(key, method, requestUrl, init = {}) {
      const headers = new Headers(init.headers);
      headers.set(API_KEY_HEADER, key);
      const body = init.body && init.body.byteLength > 0 ? init.body : undefined;
      try {
        const response = await fetchUpstream(upstreamUrl(options.url, requestUrl), {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
        });
        const out = new Headers();
        for (const name of FORWARDED_RESPONSE_HEADERS) {
          const value = response.headers.get(name);
          if (value !== null) out.set(name, value);
        }
        const payload =
          response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
        return { status: response.status, headers: out, body: payload };
      } catch {
        return null;
      }
    },
  };
}

/** The request headers a forwarded request keeps (the key is added by `send`). */
export function forwardedRequestHeaders(c: Context): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** The body of a forwarded request (none for GET and HEAD). */
export async function forwardedBody(c: Context): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const method = c.req.method;
  return method === 'GET' || method === 'HEAD' ? undefined : readRawBody(c);
}

/** The upstream's answer as ours: status and body unchanged; 502 when it could not be reached. */
export function relayAnswer(c: Context, answer: UpstreamAnswer | null): Response {
  if (answer === null) return c.json({ detail: UNREACHABLE_DETAIL }, 502);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** An answer's body as JSON, or undefined when it has none or it is not JSON. */
export function answerJson(answer: UpstreamAnswer): unknown {
  if (answer.body === null || answer.body.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(answer.body)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Forwarding mode: every API request goes to the upstream with its method, query, body and key
 * (`Upstream.keyOf`); status and body come back unchanged. Writes that change a dashboard go through
 * `forwardWrite` when given (the gateway's version history), everything else straight through.
 */
export function createUpstreamHandler(
  upstream: Upstream,
  forwardWrite?: (c: Context, key: string) => Promise<Response | null>,
): (c: Context) => Promise<Response> {
  return async (c) => {
    const key = upstream.keyOf(c);
    if (key instanceof Response) return key;
    const recorded = forwardWrite ? await forwardWrite(c, key) : null;
    if (recorded) return recorded;
    const answer = await upstream.send(key, c.req.method, c.req.url, {
      headers: forwardedRequestHeaders(c),
      body: await forwardedBody(c),
    });
    return relayAnswer(c, answer);
  };
}
