import { flattenDrfErrors } from '../../contract/drf-errors.ts';
import { ApiError } from './api-error.ts';
import { summariseFieldErrors } from './api-error.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Replaces every occurrence of the key (should a server ever echo it) so no message can leak it. */
export function redactKey(text: string, apiKey: string | null): string {
  if (!apiKey || apiKey.length < 4) return text;
  return text.split(apiKey).join('[redacted key]');
}

/**
 * The typed error for a non-2xx answer. DRF bodies (`{"detail": …}` or field errors) become
 * `detail`/`fieldErrors` and the message reads like "401 Unauthorized: Invalid API key.".
 */
export function httpError(
  method: string,
  path: string,
  status: number,
  body: unknown,
  retryAfterMs: number | null,
  apiKey: string | null,
): ApiError {
  const flat = flattenDrfErrors(body);
  const fieldErrors = Object.fromEntries(
    Object.entries(flat).map(([field, messages]) => [field, messages.map((m) => redactKey(m, apiKey))]),
  );
  const detail = fieldErrors.detail?.join(' ') ?? null;
  const summary = summariseFieldErrors(fieldErrors);
  const head = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  const wait = retryAfterMs !== null ? ` Try again in ${Math.ceil(retryAfterMs / 1000)} s.` : '';
  return new ApiError({
    kind: 'http',
    method,
    path,
    status,
    detail,
    fieldErrors,
    retryAfterMs,
    message: `${summary ? `${head}: ${summary}` : head}${status === 429 ? wait : ''}`,
  });
}

export interface TransportContext {
  method: string;
  path: string;
  /** The API origin, shown in messages (never a full URL with a query). */
  origin: string;
  crossOrigin: boolean;
  timedOut: boolean;
  callerAborted: boolean;
  timeoutMs: number;
}

/** The typed error for a request that got no answer at all (fetch threw). */
export function transportError(context: TransportContext, cause: unknown): ApiError {
  const { method, path, origin } = context;
  const base = { method, path };
  if (context.callerAborted)
    return new ApiError({ ...base, kind: 'aborted', message: 'The request was cancelled.' });
  if (context.timedOut) {
    return new ApiError({
      ...base,
      kind: 'timeout',
      message: `${origin} did not answer within ${Math.round(context.timeoutMs / 1000)} seconds.`,
    });
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return new ApiError({
      ...base,
      kind: 'offline',
      message: 'You are offline: the browser reports no network.',
    });
  }
  if (context.crossOrigin && cause instanceof TypeError) {
    return new ApiError({
      ...base,
      kind: 'cors',
      message:
        `The browser blocked a cross-origin request to ${origin} (or could not reach it): ` +
        'that server does not allow calls from this page.',
    });
  }
  return new ApiError({
    ...base,
    kind: 'network',
    message: `Could not reach ${origin}: the network request failed.`,
  });
}
