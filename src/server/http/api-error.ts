import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An expected failure with its DRF-shaped body (D8). Route code throws it; the app's error handler
 * turns it into the response. Anything else that is thrown is a bug and answers 500.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly body: Record<string, unknown>;

  constructor(status: ContentfulStatusCode, body: Record<string, unknown>) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export const NOT_FOUND_DETAIL = 'Not found.';

export function notFound(): ApiError {
  return new ApiError(404, { detail: NOT_FOUND_DETAIL });
}

export function badRequest(body: Record<string, unknown>): ApiError {
  return new ApiError(400, body);
}

export function badRequestDetail(detail: string): ApiError {
  return new ApiError(400, { detail });
}
