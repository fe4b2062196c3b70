import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../app.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { seedDatabase } from '../seed/seed-database.ts';
import type { AppEnv } from '../http/server-context.ts';

export interface TestServer {
  app: Hono<AppEnv>;
  /** Organisation-level key. */
  apiKey: string;
  /** Key scoped to the first project only. */
  scopedApiKey: string;
  projectIds: number[];
  database: OpenDatabase;
  /** `fetch` over the in-memory app (no network): inject it into the web API client. */
  fetch: typeof fetch;
  close(): void;
}

export interface TestServerOptions {
  calls?: number;
  now?: Date;
  seed?: number;
  /** Extra app options (e.g. a pinned clock or an upstream). */
  app?: Partial<Omit<AppOptions, 'database'>>;
}

/**
 * A seeded in-memory server for tests: real SQL on `:memory:`, real routes through `app.request`.
 * Defaults to 2,000 calls. The clock is pinned to `now` when one is given, so relative filters and
 * data windows are reproducible.
 */
export function createTestServer(options: TestServerOptions = {}): TestServer {
  const database = openDatabase(':memory:');
  const seeded = seedDatabase(database, {
    calls: options.calls ?? 2000,
    seed: options.seed,
    now: options.now,
  });
  const now = options.now;
  const app = createApp({
    database,
    ...(now ? { clock: () => new Date(now.getTime()) } : {}),
    ...options.app,
  });
  const fetchFn: typeof fetch = async (input, init) => app.request(input, init);
  return {
    app,
    apiKey: seeded.apiKey,
    scopedApiKey: seeded.scopedApiKey,
    projectIds: seeded.projectIds,
    database,
    fetch: fetchFn,
    close: () => database.close(),
  };
}
