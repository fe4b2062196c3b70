/**
 * Whether a request comes from a page this server served (its own SPA), judged from the headers a
 * browser sets and a page cannot forge: `Origin`, `Sec-Fetch-Site` and the body's `Content-Type`.
 * The server's own credentials (the gateway's upstream key, the local key) are lent only to such
 * requests. A cross-site HTML form or `no-cors` fetch can only send "simple" content types
 * (form-encoded, multipart, text/plain) and always carries a foreign `Origin` on writes, so either
 * check alone stops it; both are kept because old browsers send no `Sec-Fetch-*` headers.
 */
export interface RequestFacts {
  method: string;
  /** The request URL's host (from the `Host` header), already checked by the host policy. */
  host: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  contentType: string | undefined;
  /**
   * Whether the request says it carries a body (a `Content-Length` above 0, or a chunked body), from
   * its headers: a bodiless DELETE still has a (empty) body stream on the server.
   */
  hasBody: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Null when the request is the server's own page's; otherwise why not, in one sentence. */
export function foreignRequestReason(facts: RequestFacts): string | null {
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `the browser marked it as coming from another site (Sec-Fetch-Site: ${site})`;
  }
  if (facts.origin !== undefined) {
    const from = originHost(facts.origin);
    if (from === null || from !== facts.host.toLowerCase()) {
      return `it came from another origin (${facts.origin.slice(0, 200)})`;
    }
  }
  if (!SAFE_METHODS.has(facts.method.toUpperCase())) {
    if (facts.contentType !== undefined && !isJsonContentType(facts.contentType)) {
      return `its body is not JSON (Content-Type: ${facts.contentType.split(';')[0]?.trim().slice(0, 100)})`;
    }
    if (facts.contentType === undefined && facts.hasBody) return 'its body has no JSON content type';
  }
  return null;
}

/**
 * The host a request is addressed to: its `Host` header, or its URL's host where there is none (an
 * in-process `app.request`). On a listening server both are the same: the URL is built from `Host`.
 */
export function requestHost(request: Request): string {
  return request.headers.get('host')?.trim() || new URL(request.url).host;
}

/** The facts of a Fetch API request (what Hono hands a route). */
export function requestFacts(request: Request): RequestFacts {
  const length = request.headers.get('content-length');
  return {
    method: request.method,
    host: requestHost(request),
    origin: request.headers.get('origin') ?? undefined,
    secFetchSite: request.headers.get('sec-fetch-site') ?? undefined,
    contentType: request.headers.get('content-type') ?? undefined,
    hasBody: request.headers.has('transfer-encoding') || (length !== null && length.trim() !== '0'),
  };
}
