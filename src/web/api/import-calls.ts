import { queryOptions } from '@tanstack/react-query';
import {
  IMPORT_PATH,
  ImportEventSchema,
  ImportTargetsSchema,
  type ImportProgress,
  type ImportReport,
} from '../../contract/import-report-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

/** `GET /studio/import/`: the projects a file can be imported into (embedded server only). */
export const importQueries = {
  targets: (api: ApiClient) =>
    queryOptions({
      queryKey: queryKeys.studio.importTargets(),
      queryFn: async ({ signal }) =>
        (await api.get(IMPORT_PATH, { schema: ImportTargetsSchema, signal })).data,
    }),
};

export interface ImportFileOptions {
  projectId: number;
  format: 'json' | 'csv';
  skipInvalid: boolean;
  redact: boolean;
}

/**
 * Uploads a file to `POST /studio/import/` (the browser streams it from disk) and reads the JSON
 * Lines answer as it comes: `onProgress` for each progress event; resolves with the report.
 */
export async function importCallsFile(
  api: ApiClient,
  file: Blob,
  options: ImportFileOptions,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  const response = await api.stream('POST', IMPORT_PATH, {
    query: {
      project: options.projectId,
      format: options.format,
      skip_invalid: options.skipInvalid,
      redact: options.redact,
    },
    body: file,
    headers: { 'Content-Type': 'application/octet-stream' },
    signal,
  });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error('The server sent no answer.');
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const line of lines) {
      if (!line.trim()) continue;
      const event = ImportEventSchema.parse(JSON.parse(line));
      if (event.type === 'progress') onProgress(event.progress);
      else if (event.type === 'done') return event.report;
      else throw new Error(event.detail);
    }
    if (done) throw new Error('The import ended without a report (the connection was lost).');
  }
}
