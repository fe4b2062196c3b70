import type { Context } from 'hono';
import type { AppEnv, ServerContext } from '../http/server-context.ts';
import type { TrashContext } from '../store/trash-store.ts';
import type { VersionedWrite } from './version-store.ts';

/** Who (the key's label) and when of a write made by this request, for its dashboard versions. */
export function versionContext(
  ctx: ServerContext,
  c: Context<AppEnv>,
  restoredFrom: number | null = null,
): VersionedWrite {
  const scope = c.get('scope');
  return {
    organisationId: scope.organisationId,
    author: scope.keyLabel ?? null,
    now: ctx.clock(),
    retention: ctx.retention,
    restoredFrom,
  };
}

/** Who and when of a delete, for its trash entry. */
export function trashContext(ctx: ServerContext, c: Context<AppEnv>): TrashContext {
  return { author: c.get('scope').keyLabel ?? null, now: ctx.clock() };
}
