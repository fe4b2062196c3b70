import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as z from 'zod';

/**
 * Where a sync stands, per agent filter ("*" for all agents): calls older than `fromMs` are not
 * wanted, everything newer than `cursorMs` is stored, and `page` is the page within the current
 * window (only past 1 when more than a page of calls share one timestamp).
 */
export const SyncCheckpointSchema = z.object({
  upstream: z.string(),
  projectId: z.number(),
  cursors: z.record(
    z.string(),
    z.object({
      fromMs: z.number(),
      cursorMs: z.number(),
      page: z.number().int().positive(),
      done: z.boolean(),
    }),
  ),
});
export type SyncCheckpoint = z.infer<typeof SyncCheckpointSchema>;

export interface CheckpointStore {
  load(): SyncCheckpoint | null;
  save(checkpoint: SyncCheckpoint): void;
}

/** A checkpoint file, replaced atomically (write then rename) so a crash never leaves half a file. */
export function fileCheckpointStore(path: string): CheckpointStore {
  return {
    load: () => {
      try {
        const parsed = SyncCheckpointSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save: (checkpoint) => {
      writeFileSync(`${path}.tmp`, JSON.stringify(checkpoint));
      renameSync(`${path}.tmp`, path);
    },
  };
}

export function memoryCheckpointStore(): CheckpointStore & { current: SyncCheckpoint | null } {
  const store = {
    current: null as SyncCheckpoint | null,
    load: () => store.current,
    save: (checkpoint: SyncCheckpoint) => {
      store.current = structuredClone(checkpoint);
    },
  };
  return store;
}
