import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';
import { normaliseHostname, type HostPolicy } from './host-policy.ts';
import { requestHost } from './own-page-request.ts';
import type { AppEnv } from './server-context.ts';

/**
 * Refuses API and studio requests addressed to a host name that is not this server's (DNS
 * rebinding), with or without a key, before anything is read, answered or forwarded.
 */
export function createHostGuard(policy: HostPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hostname = normaliseHostname(requestHost(c.req.raw));
    if (!policy(hostname)) {
      throw new ApiError(403, {
        detail: `This server does not answer requests addressed to "${hostname.slice(0, 100)}". Open it at its own address, or add the name to ALLOWED_HOSTS.`,
      });
    }
    await next();
  };
}
