import type { MiddlewareHandler } from 'hono';
import { findScopeByApiKey } from './api-key-store.ts';
import { ApiError } from './api-error.ts';
import type { AppEnv, ServerContext } from './server-context.ts';

export const API_KEY_HEADER = 'X-CEKURA-API-KEY';
export const AUTH_MESSAGES = {
  missing: 'Authentication credentials were not provided.',
  invalid: 'Invalid API key.',
} as const;

/**
 * D18: every API route needs `X-CEKURA-API-KEY`. The key is looked up by its SHA-256 hash and never
 * logged; its scope (organisation, optional project) is put on the context for the routes.
 */
export function createAuthMiddleware(context: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(API_KEY_HEADER)?.trim();
    if (!key) throw new ApiError(401, { detail: AUTH_MESSAGES.missing });
    const scope = await findScopeByApiKey(context.database.db, key);
    if (!scope) throw new ApiError(401, { detail: AUTH_MESSAGES.invalid });
    c.set('scope', scope);
    await next();
  };
}
