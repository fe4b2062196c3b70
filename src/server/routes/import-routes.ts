import type { Hono } from 'hono';
import { IMPORT_PATH, type ImportEvent } from '../../contract/import-report-schema.ts';
import { ImportBusyError } from '../ingest/call-ingest-store.ts';
import { ApiError } from '../http/api-error.ts';
import { writeProjectOf } from '../ingest/write-project.ts';
import { runImport } from '../ingest/run-import.ts';
import { intQuery, QueryError, type AppEnv, type ServerContext } from '../http/server-context.ts';

/** An upload may be at most this large (the CLI has no limit). */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

async function* bodyChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      throw new Error('The file is larger than 2 GiB; use `npm run import` for it.');
    }
    yield value;
  }
}

function booleanQuery(url: URL, name: string): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return false;
  if (/^(true|1)$/i.test(raw)) return true;
  if (/^(false|0)$/i.test(raw)) return false;
  throw new QueryError(name, 'Must be a valid boolean.');
}

/**
 * Widget Studio's import extension (embedded server only, behind the API key):
 * `GET /studio/import/` lists the projects a file can go into; `POST /studio/import/?project=&format=
 * json|csv&skip_invalid=&redact=` takes the file as the raw body, streamed, and answers JSON Lines:
 * progress events while it runs, then the report. One import at a time per database (409 otherwise).
 */
export function registerImportRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  let running = false;
  app.get(IMPORT_PATH, (c) => {
    const scope = c.get('scope');
    const projects = ctx.database.sqlite
      .prepare(
        `SELECT id, name FROM projects WHERE id IN (${scope.projectIds.map(() => '?').join(', ') || 'NULL'}) ORDER BY id`,
      )
      .all(...scope.projectIds);
    return c.json({ projects, max_bytes: MAX_IMPORT_BYTES });
  });
  app.post(IMPORT_PATH, (c) => {
    const url = new URL(c.req.url);
    const projectId = writeProjectOf(c.get('scope'), intQuery(url, 'project'));
    const format = url.searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new QueryError('format', `"${format}" is not a valid choice.`);
    const skipInvalid = booleanQuery(url, 'skip_invalid');
    const redact = booleanQuery(url, 'redact');
    const declared = Number(c.req.header('content-length') ?? 'NaN');
    if (declared > MAX_IMPORT_BYTES)
      throw new ApiError(413, { detail: 'The file is larger than 2 GiB; use `npm run import` for it.' });
    if (running)
      throw new ApiError(409, {
        detail: 'An import is already running on this server; try again when it has finished.',
      });
    running = true;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        try {
          const report = await runImport(ctx.database, bodyChunks(c.req.raw.body), {
            projectId,
            format,
            skipInvalid,
            redact,
            totalBytes: Number.isFinite(declared) ? declared : null,
            now: () => new Date(),
            onProgress: (progress) => send({ type: 'progress', progress }),
          });
          send({ type: 'done', report });
        } catch (error: unknown) {
          if (!(error instanceof ImportBusyError))
            ctx.log(
              `ERROR import: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
          send({ type: 'error', detail: error instanceof Error ? error.message : 'The import failed.' });
        } finally {
          running = false;
          controller.close();
        }
      },
    });
    return c.body(body, 200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' });
  });
}
