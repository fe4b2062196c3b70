import type { DrfErrors } from '../../contract/drf-errors.ts';

/**
 * Why a request failed:
 * - `http`: the server answered with a non-2xx status (see `status`, `detail`, `fieldErrors`);
 * - `network`: no answer (server down, DNS, connection reset);
 * - `cors`: a cross-origin request the browser refused to hand over (also an unreachable foreign host:
 *   browsers do not tell the two apart);
 * - `timeout`: no answer within the client's time limit;
 * - `offline`: the browser reports no network;
 * - `parse`: the answer did not match the contract schema (or was not JSON);
 * - `aborted`: the caller cancelled (a newer request replaced this one).
 */
export type ApiErrorKind = 'http' | 'network' | 'cors' | 'timeout' | 'offline' | 'parse' | 'aborted';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  method: string;
  /** Path without origin or query: error text never carries the key, and never a full URL. */
  path: string;
  status?: number | null;
  detail?: string | null;
  fieldErrors?: DrfErrors;
  retryAfterMs?: number | null;
}

/** A failed API call with a human `message` that is safe to show and log (never contains the key). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly detail: string | null;
  readonly fieldErrors: DrfErrors;
  readonly retryAfterMs: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status ?? null;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for a 401 (missing or wrong key): the Connection screen is the fix. */
export function isAuthError(error: unknown): boolean {
  return isApiError(error) && error.kind === 'http' && error.status === 401;
}

/** True for a 404 (missing, or outside the key's scope: D18 never reveals which). */
export function isNotFoundError(error: unknown): boolean {
  return isApiError(error) && error.kind === 'http' && error.status === 404;
}

/** A message for any thrown value, for toasts and error panels. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

/**
 * Field errors as one readable line per field (`name: This field may not be blank.`); `detail` and
 * `non_field_errors` are shown without a prefix.
 */
export function summariseFieldErrors(errors: DrfErrors): string {
  return Object.entries(errors)
    .map(([field, messages]) =>
      field === 'detail' || field === 'non_field_errors'
        ? messages.join(' ')
        : `${field}: ${messages.join(' ')}`,
    )
    .join('\n');
}
