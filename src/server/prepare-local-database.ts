import { generateApiKey, isApiKeyStored, replaceLabelledApiKey } from './http/api-key-store.ts';
import type { OpenDatabase } from './db/open-database.ts';
import { LOCAL_KEY_LABEL, seedDatabase } from './seed/seed-database.ts';

export interface PreparedDatabase {
  /** The local organisation key, known in clear only for this process (the database keeps its hash). */
  apiKey: string;
  /** How the key came about, for the start-up message. */
  keySource: 'environment' | 'generated' | 'rotated';
  seededCalls: number | null;
}

/**
 * First start: seeds the local organisation (with `seedCalls` calls, settled when they are written) and its key. Later starts keep
 * the data; the key is the one from the environment, or, since only its hash is stored, a new local
 * key replaces the previous one so it can be printed and handed to the SPA again.
 */
export async function prepareLocalDatabase(
  database: OpenDatabase,
  options: { apiKey: string | null; seedCalls: number },
): Promise<PreparedDatabase> {
  const { sqlite } = database;
  const organisation = sqlite.prepare('SELECT id FROM organisations ORDER BY id LIMIT 1').get();
  if (typeof organisation !== 'object' || organisation === null || !('id' in organisation)) {
    const apiKey = options.apiKey ?? generateApiKey();
    await seedDatabase(database, { calls: options.seedCalls, apiKey }).callsWritten;
    return {
      apiKey,
      keySource: options.apiKey ? 'environment' : 'generated',
      seededCalls: options.seedCalls,
    };
  }
  const organisationId = Number(organisation.id);
  if (options.apiKey !== null) {
    if (!isApiKeyStored(sqlite, options.apiKey)) {
      replaceLabelledApiKey(sqlite, {
        key: options.apiKey,
        organisationId,
        projectId: null,
        label: LOCAL_KEY_LABEL,
      });
    }
    return { apiKey: options.apiKey, keySource: 'environment', seededCalls: null };
  }
  const apiKey = generateApiKey();
  replaceLabelledApiKey(sqlite, { key: apiKey, organisationId, projectId: null, label: LOCAL_KEY_LABEL });
  return { apiKey, keySource: 'rotated', seededCalls: null };
}
