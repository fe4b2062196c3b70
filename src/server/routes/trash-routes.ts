import type { Hono } from 'hono';
import { badRequestDetail, notFound } from '../http/api-error.ts';
import { nextUpdatedAt } from '../http/next-updated-at.ts';
import { idParam, type AppEnv, type ServerContext } from '../http/server-context.ts';
import { TRASH_KEEP_DAYS } from '../../contract/trash-schema.ts';
import { findTrashEntry, listTrash, purgeTrash, restoreTrashEntry } from '../store/trash-store.ts';
import { versionContext } from '../history/version-context.ts';
import { recordingVersions } from '../history/version-store.ts';

/**
 * Our extension (issue 16), not Cekura's contract: the trash of deleted dashboards and widgets,
 * scoped like the API (another project's entry is a 404). A restore puts the rows back with their own
 * ids and records a version of the dashboard, in one transaction.
 */
export function registerTrashRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { sqlite } = ctx.database;

  app.get('/studio/trash/', (c) => {
    purgeTrash(sqlite, ctx.clock());
    return c.json({ results: listTrash(sqlite, c.get('scope')), keep_days: TRASH_KEEP_DAYS });
  });

  app.post('/studio/trash/:id{[0-9]+}/restore/', (c) => {
    purgeTrash(sqlite, ctx.clock());
    const entry = findTrashEntry(sqlite, c.get('scope'), idParam(c));
    if (!entry) throw notFound();
    const now = nextUpdatedAt(null, ctx.clock());
    recordingVersions(
      sqlite,
      versionContext(ctx, c),
      [],
      () => {
        const outcome = restoreTrashEntry(sqlite, entry, now);
        // Thrown inside the transaction, so the entry stays in the trash.
        if (outcome === 'gone') throw notFound();
        if (outcome === 'no-dashboard')
          throw badRequestDetail('Its dashboard is deleted too: restore the dashboard from the trash first.');
        return outcome;
      },
      () => [entry.dashboard_id],
    );
    return c.json({ kind: entry.kind, object_id: entry.object_id, dashboard: entry.dashboard_id });
  });
}
