import * as z from 'zod';
import { MAX_PAGE_SIZE, paginated } from '../../contract/paginated-schema.ts';
import { ApiError } from './api-error.ts';
import { httpError, redactKey, transportError } from './api-failure.ts';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableRequest,
  isRetryableStatus,
  nextRetryDelay,
  parseRetryAfter,
} from './retry-policy.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { buildRequestUrl, nextPagePath, originOf } from './request-url.ts';
import type { QueryParams } from './request-url.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** `''` = the page's own origin (the embedded server); otherwise e.g. `https://api.cekura.ai`. */
  baseUrl: string;
  /** Sent as `X-CEKURA-API-KEY`; null when the server needs none (forwarding with a server-side key). */
  apiKey: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected in tests so that retries are checked without waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  /** The embedded server rather than another Cekura-compatible API (default false). */
  embedded?: boolean;
  /** The embedded server forwards to another API (its own data routes, such as import, are not there). */
  forwarding?: boolean;
  /**
   * The embedded server computes the data itself (it does not forward): our extensions of data
   * requests, such as `dashboard_filters` on `bulk_data`, apply. Default false.
   */
  computesData?: boolean;
  /** The page's origin, to tell cross-origin failures apart (defaults to `location.origin`). */
  pageOrigin?: string | null;
}

export interface RequestOptions<T> {
  query?: QueryParams;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** A POST that changes nothing (`preview_data`, `bulk_data`) may be retried like a read. */
  idempotent?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

export type ReadOptions<T> = Omit<RequestOptions<T>, 'body'>;

export interface PageOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  /** Safety stop against a server whose `next` never ends. */
  maxPages?: number;
}

export interface ApiClient {
  readonly baseUrl: string;
  readonly hasKey: boolean;
  /** Talks to the embedded server (directly or forwarding), the only one with our `/studio/…` extensions. */
  readonly embedded: boolean;
  /**
   * The embedded server forwards to the real API: `/studio/` history answers (ADR 0020), but its data
   * extensions (dashboard import, trash, saved views, value counts) are not there.
   */
  readonly forwarding: boolean;
  /** The embedded server answers data requests itself (not forwarding): `dashboard_filters` applies. */
  readonly computesData: boolean;
  request<T>(method: HttpMethod, path: string, options: RequestOptions<T>): Promise<ApiResponse<T>>;
  get<T>(path: string, options: ReadOptions<T>): Promise<ApiResponse<T>>;
  post<T>(path: string, options: RequestOptions<T>): Promise<ApiResponse<T>>;
  put<T>(path: string, options: RequestOptions<T>): Promise<ApiResponse<T>>;
  patch<T>(path: string, options: RequestOptions<T>): Promise<ApiResponse<T>>;
  delete(path: string, options?: Omit<RequestOptions<unknown>, 'schema'>): Promise<ApiResponse<unknown>>;
  /**
   * A raw request for streamed bodies (a file upload answered with JSON Lines): the key header, no
   * retries, no parsing; a non-2xx answer throws like any other request.
   */
  stream(
    method: HttpMethod,
    path: string,
    options: { query?: QueryParams; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response>;
  /** Every item of a DRF-paginated list, following `next` (on the configured origin only). */
  getAllPages<T>(
    path: string,
    itemSchema: z.ZodType<T>,
    query?: QueryParams,
    options?: PageOptions,
  ): Promise<T[]>;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The one fetch client of the SPA; see docs in the web conventions and `retry-policy.ts`. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const { apiKey } = options;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const pageOrigin =
    options.pageOrigin === undefined ? (globalThis.location?.origin ?? null) : options.pageOrigin;
  const origin = originOf(baseUrl, pageOrigin);
  const crossOrigin = baseUrl !== '' && pageOrigin !== null && origin !== pageOrigin;

  async function attempt<T>(
    method: HttpMethod,
    path: string,
    opts: RequestOptions<T>,
  ): Promise<ApiResponse<T>> {
    const cleanPath = path.split('?')[0] ?? path;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onCallerAbort);
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
    if (apiKey) headers['X-CEKURA-API-KEY'] = apiKey;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      let response: Response;
      try {
        response = await doFetch(buildRequestUrl(baseUrl, path, opts.query), {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: controller.signal,
        });
      } catch (cause: unknown) {
        const context = { method, path: cleanPath, origin, crossOrigin, timeoutMs, timedOut };
        throw transportError({ ...context, callerAborted: opts.signal?.aborted === true }, cause);
      }
      const text = await response.text();
      let body: unknown = null;
      let isJson = true;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        isJson = false;
        body = text;
      }
      if (!response.ok) {
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
        throw httpError(method, cleanPath, response.status, body, retryAfterMs, apiKey);
      }
      const parsed = isJson ? opts.schema.safeParse(body) : null;
      if (!parsed?.success) {
        const issue = parsed?.error.issues[0];
        const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'not JSON';
        throw new ApiError({
          kind: 'parse',
          method,
          path: cleanPath,
          status: response.status,
          message: redactKey(
            `The answer to ${method} ${cleanPath} does not match the contract (${where}).`,
            apiKey,
          ),
        });
      }
      return { data: parsed.data, etag: response.headers.get('ETag'), status: response.status };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function request<T>(
    method: HttpMethod,
    path: string,
    opts: RequestOptions<T>,
  ): Promise<ApiResponse<T>> {
    const retryable = isRetryableRequest(method, opts.headers ?? {}, opts.idempotent === true);
    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt(method, path, opts);
      } catch (error: unknown) {
        if (!retryable || !(error instanceof ApiError) || opts.signal?.aborted) throw error;
        const transient =
          error.kind === 'network' ||
          error.kind === 'timeout' ||
          (error.kind === 'http' && isRetryableStatus(error.status ?? 0));
        const delay = transient ? nextRetryDelay(retry, error.retryAfterMs, policy, random()) : null;
        if (delay === null) throw error;
        await sleep(delay, opts.signal);
        if (opts.signal?.aborted)
          throw new ApiError({ kind: 'aborted', method, path, message: 'The request was cancelled.' });
      }
    }
  }

  async function getAllPages<T>(
    path: string,
    itemSchema: z.ZodType<T>,
    query?: QueryParams,
    pageOptions?: PageOptions,
  ) {
    const pageSchema = paginated(itemSchema);
    const method = pageOptions?.method ?? 'GET';
    const maxPages = pageOptions?.maxPages ?? 500;
    const items: T[] = [];
    const seen = new Set<string>();
    let nextPath: string | null = path;
    let nextQuery: QueryParams | undefined = { page_size: MAX_PAGE_SIZE, ...query };
    while (nextPath !== null && seen.size < maxPages) {
      seen.add(buildRequestUrl('', nextPath, nextQuery));
      const page: ApiResponse<z.infer<typeof pageSchema>> = await request(method, nextPath, {
        schema: pageSchema,
        query: nextQuery,
        body: pageOptions?.body,
        signal: pageOptions?.signal,
        idempotent: true,
      });
      items.push(...page.data.results);
      nextPath = page.data.next === null ? null : nextPagePath(page.data.next, baseUrl, pageOrigin);
      nextQuery = undefined;
      if (nextPath !== null && seen.has(buildRequestUrl('', nextPath))) nextPath = null;
    }
    return items;
  }

  async function stream(
    method: HttpMethod,
    path: string,
    opts: { query?: QueryParams; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    const cleanPath = path.split('?')[0] ?? path;
    const headers: Record<string, string> = { ...opts.headers };
    if (apiKey) headers['X-CEKURA-API-KEY'] = apiKey;
    let response: Response;
    try {
      response = await doFetch(buildRequestUrl(baseUrl, path, opts.query), {
        method,
        headers,
        body: opts.body,
        signal: opts.signal,
      });
    } catch (cause: unknown) {
      const context = { method, path: cleanPath, origin, crossOrigin, timeoutMs, timedOut: false };
      throw transportError({ ...context, callerAborted: opts.signal?.aborted === true }, cause);
    }
    if (response.ok) return response;
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text is the message
    }
    throw httpError(method, cleanPath, response.status, body, null, apiKey);
  }

  return {
    baseUrl,
    hasKey: Boolean(apiKey),
    stream,
    embedded: options.embedded ?? false,
    forwarding: (options.embedded ?? false) && (options.forwarding ?? false),
    computesData: options.computesData ?? false,
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, opts) => request('POST', path, opts),
    put: (path, opts) => request('PUT', path, opts),
    patch: (path, opts) => request('PATCH', path, opts),
    delete: (path, opts) => request('DELETE', path, { ...opts, schema: z.unknown() }),
    getAllPages,
  };
}
