export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | readonly (string | number)[]>;

const PLACEHOLDER = 'http://placeholder.invalid';

/**
 * `baseUrl + path` with `query` merged into any query the path already has. null/undefined values
 * are left out; arrays repeat the parameter. `baseUrl` '' keeps the URL relative (same origin).
 */
export function buildRequestUrl(baseUrl: string, path: string, query?: QueryParams): string {
  const url = new URL(path, PLACEHOLDER);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      url.searchParams.delete(name);
      for (const item of value) url.searchParams.append(name, String(item));
    } else url.searchParams.set(name, String(value));
  }
  return `${baseUrl}${url.pathname}${url.search}`;
}

/** The origin requests go to, for messages: the page's own origin when `baseUrl` is ''. */
export function originOf(baseUrl: string, pageOrigin: string | null): string {
  if (baseUrl === '') return pageOrigin ?? 'the embedded server';
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

/**
 * The path (with query) of a DRF `next` link, to be requested on OUR base URL. The link's own origin
 * is ignored on purpose: the key is only ever sent to the origin the user configured, even if a
 * server (or a proxy in front of it) hands out links to another host. A `baseUrl` path prefix
 * present in the link is stripped so it is not doubled.
 */
export function nextPagePath(next: string, baseUrl: string, pageOrigin: string | null): string {
  const url = new URL(next, baseUrl || pageOrigin || PLACEHOLDER);
  let pathname = url.pathname;
  const prefix = baseUrl === '' ? '' : new URL(baseUrl).pathname.replace(/\/+$/, '');
  if (prefix && pathname.startsWith(`${prefix}/`)) pathname = pathname.slice(prefix.length);
  return `${pathname}${url.search}`;
}
