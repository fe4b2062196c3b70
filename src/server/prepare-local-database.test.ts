import { describe, expect, it } from 'vitest';
import { isApiKeyStored } from './http/api-key-store.ts';
import { openDatabase } from './db/open-database.ts';
import { prepareLocalDatabase } from './prepare-local-database.ts';
import { countAnalyticsRows } from './test-support/analytics-rows.ts';

const ENV_KEY = 'ws_env_key_0123456789';

describe('prepareLocalDatabase', () => {
  it('seeds a new database once and keeps the data on later starts', async () => {
    const database = openDatabase(':memory:');
    const first = await prepareLocalDatabase(database, { apiKey: null, seedCalls: 50 });
    expect(first.keySource).toBe('generated');
    expect(first.seededCalls).toBe(50);
    expect(isApiKeyStored(database.sqlite, first.apiKey)).toBe(true);
    const second = await prepareLocalDatabase(database, { apiKey: null, seedCalls: 50 });
    expect(second.seededCalls).toBeNull();
    expect(second.keySource).toBe('rotated');
    expect(isApiKeyStored(database.sqlite, second.apiKey)).toBe(true);
    expect(isApiKeyStored(database.sqlite, first.apiKey)).toBe(false);
    expect(await countAnalyticsRows(database, 'calls')).toBe(50);
    database.close();
  });

  it('uses the key from the environment, on a new and on an existing database', async () => {
    const database = openDatabase(':memory:');
    expect(await prepareLocalDatabase(database, { apiKey: ENV_KEY, seedCalls: 0 })).toEqual({
      apiKey: ENV_KEY,
      keySource: 'environment',
      seededCalls: 0,
    });
    const other = 'ws_other_key_0123456789';
    await prepareLocalDatabase(database, { apiKey: other, seedCalls: 0 });
    expect(isApiKeyStored(database.sqlite, other)).toBe(true);
    expect(isApiKeyStored(database.sqlite, ENV_KEY)).toBe(false);
    database.close();
  });
});
