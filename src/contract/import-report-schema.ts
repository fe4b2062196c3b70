import * as z from 'zod';

/** Widget Studio's import extension (`/studio/import/`; the real Cekura API has none). */
export const IMPORT_PATH = '/studio/import/';

/** Where an import stands: what the terminal bar and the Import calls page show. */
export const ImportProgressSchema = z.object({
  rowsRead: z.number(),
  stored: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  bytesRead: z.number(),
  /** null when the size is unknown (a pipe). */
  totalBytes: z.number().nullable(),
  elapsedMs: z.number(),
  /** Rows read per second so far. */
  rowsPerSecond: z.number(),
  /** Estimated time left from the share of bytes read; null when unknown. */
  etaMs: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const RowProblemSchema = z.object({
  line: z.number(),
  /** "line 12", or "line 3, results[4]" for a call inside a page of the v2 list. */
  where: z.string(),
  callId: z.string().nullable(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof RowProblemSchema>;

export const ImportReportSchema = ImportProgressSchema.extend({
  /** `committed`: the rows counted as stored are in; `rolled-back`: the database is as before. */
  outcome: z.enum(['committed', 'rolled-back']),
  /** Invalid rows (the first 100); `invalidRows` counts them all. */
  problems: z.array(RowProblemSchema),
  invalidRows: z.number(),
  /** Rows whose call_id appeared earlier in the same file (kept once; the first 100). */
  duplicates: z.array(RowProblemSchema),
  duplicateRows: z.number(),
  /** Why nothing was stored, when the file could not be read (names the line). */
  fatal: z.string().nullable(),
  /**
   * Agents and metrics the rows named by name but the project lacked, created by this import (ADR
   * 0019). Empty when nothing was stored: what was created is removed again.
   */
  created: z.object({ agents: z.array(z.string()), metrics: z.array(z.string()) }),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** "New in this project: agents "A", "B"; metric "M"." for what an import or sync created; null when nothing. */
export function describeCreated(created: ImportReport['created']): string | null {
  const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
  const parts = [
    created.agents.length === 0
      ? null
      : `${created.agents.length === 1 ? 'agent' : 'agents'} ${quoted(created.agents)}`,
    created.metrics.length === 0
      ? null
      : `${created.metrics.length === 1 ? 'metric' : 'metrics'} ${quoted(created.metrics)}`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : `New in this project: ${parts.join('; ')}.`;
}

/** The upload's answer is JSON Lines: progress events, then one `done` (or `error`) event. */
export const ImportEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: ImportProgressSchema }),
  z.object({ type: z.literal('done'), report: ImportReportSchema }),
  z.object({ type: z.literal('error'), detail: z.string() }),
]);
export type ImportEvent = z.infer<typeof ImportEventSchema>;

/** `GET /studio/import/`: the projects a file can go into. */
export const ImportTargetsSchema = z.object({
  projects: z.array(z.object({ id: z.number(), name: z.string() })),
  max_bytes: z.number(),
});
export type ImportTargets = z.infer<typeof ImportTargetsSchema>;
