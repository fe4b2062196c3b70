import { createWriteStream, existsSync, mkdirSync, type WriteStream } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import BetterSqlite3 from 'better-sqlite3';
import { moveLegacyCalls } from './analytics/legacy-calls.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { createHostPolicy } from './http/host-policy.ts';
import { prepareLocalDatabase, type PreparedDatabase } from './prepare-local-database.ts';
import type { VersionRetention } from '../contract/dashboard-version-schema.ts';
import { readRetention } from './history/version-retention.ts';
import { ConfigError, isLoopbackAddress, readServerConfig, type ServerConfig } from './server-config.ts';

/** How long an idle keep-alive connection stays open (Node's default is 5 s). */
const KEEP_ALIVE_MS = 65_000;

// Start-up of the embedded server (`npm start`). Every expected failure is one clear line and exit 1.

function fail(message: string): never {
  console.error(`Widget Studio could not start: ${message}`);
  process.exit(1);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether the SQLite file already holds an organisation whose calls should be in an analytics file
 * that is not there (deleted, or ANALYTICS_PATH pointing elsewhere). Starting anyway would show every
 * dashboard empty and never reseed; a clear stop is better. Legacy calls still in SQLite are not
 * missing: they are moved at start-up.
 */
function analyticsFileMissing(config: ServerConfig): boolean {
  if (config.dbPath === ':memory:' || config.analyticsPath === ':memory:') return false;
  if (!existsSync(config.dbPath) || existsSync(config.analyticsPath)) return false;
  let probe: BetterSqlite3.Database | null = null;
  try {
    probe = new BetterSqlite3(config.dbPath, { readonly: true, fileMustExist: true });
    const has = (table: string) =>
      probe?.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
      undefined;
    if (!has('organisations')) return false;
    const organisations = Number(probe.prepare('SELECT COUNT(*) FROM organisations').pluck().get() ?? 0);
    const legacyCalls = has('calls')
      ? Number(probe.prepare('SELECT COUNT(*) FROM calls').pluck().get() ?? 0)
      : 0;
    return organisations > 0 && legacyCalls === 0;
  } catch {
    return false; // openDatabase reports an unreadable SQLite file itself
  } finally {
    probe?.close();
  }
}

async function openLocalDatabase(config: ServerConfig): Promise<OpenDatabase> {
  // Forwarding mode keeps no calls or dashboards, only the history of the writes it forwards (ADR 0020).
  if (config.upstreamUrl) {
    try {
      if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
      return openDatabase(config.dbPath, { analyticsPath: ':memory:' });
    } catch (error: unknown) {
      return fail(
        `the database at ${config.dbPath} cannot be opened for writing (${reason(error)}). Set DB_PATH to a writable file.`,
      );
    }
  }
  if (analyticsFileMissing(config)) {
    fail(
      `the analytics file ${config.analyticsPath} is missing, but ${config.dbPath} holds dashboards whose calls were in it. Restore the file, set ANALYTICS_PATH to it, or move ${config.dbPath} away to start afresh.`,
    );
  }
  let database: OpenDatabase;
  try {
    if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
    if (config.analyticsPath !== ':memory:') mkdirSync(dirname(config.analyticsPath), { recursive: true });
    database = openDatabase(config.dbPath, {
      analyticsPath: config.analyticsPath,
      ...(config.analyticsThreads !== null ? { threads: config.analyticsThreads } : {}),
      ...(config.analyticsMemoryLimit !== null ? { memoryLimit: config.analyticsMemoryLimit } : {}),
    });
  } catch (error: unknown) {
    return fail(
      `the database at ${config.dbPath} cannot be opened for writing (${reason(error)}). Set DB_PATH to a writable file.`,
    );
  }
  try {
    await database.analytics.ready();
  } catch (error: unknown) {
    return fail(`${reason(error)}. Set ANALYTICS_PATH to a writable DuckDB file.`);
  }
  try {
    const moved = await moveLegacyCalls(database.sqlite, database.analytics);
    if (moved > 0) console.info(`Moved ${moved} calls from ${config.dbPath} into ${config.analyticsPath}.`);
  } catch (error: unknown) {
    return fail(
      `the calls in ${config.dbPath} cannot be moved into ${config.analyticsPath} (${reason(error)}).`,
    );
  }
  return database;
}

function openLog(path: string | null): { write: (line: string) => void; stream: WriteStream | null } {
  if (path === null) {
    return { write: (line) => line.startsWith('ERROR') && console.error(line), stream: null };
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error: unknown) {
    fail(`the log file ${path} cannot be created (${reason(error)}).`);
  }
  const stream = createWriteStream(path, { flags: 'a' });
  stream.on('error', (error) => console.error(`Log file error: ${reason(error)}`));
  return {
    write: (line) => {
      stream.write(`${new Date().toISOString()} ${line}\n`);
      if (line.startsWith('ERROR')) console.error(line);
    },
    stream,
  };
}

/** The addresses a request can name to reach us: the bind address, or every interface's when bound to all. */
function ownAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(networkInterfaces()).flatMap((entries) =>
    (entries ?? []).map((entry) => entry.address),
  );
}

function keyLine(prepared: PreparedDatabase): string {
  const note =
    prepared.keySource === 'environment'
      ? '(from WIDGET_STUDIO_API_KEY)'
      : prepared.keySource === 'generated'
        ? '(new; set WIDGET_STUDIO_API_KEY to choose your own)'
        : '(replaces the previous local key; set WIDGET_STUDIO_API_KEY to keep one key across restarts)';
  return `Local API key ${note}: ${prepared.apiKey}`;
}

async function main(): Promise<void> {
  let config: ServerConfig;
  let retention: VersionRetention;
  try {
    config = readServerConfig(process.env);
    retention = readRetention(process.env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const database = await openLocalDatabase(config);
  let prepared: PreparedDatabase | null = null;
  if (!config.upstreamUrl) {
    try {
      prepared = await prepareLocalDatabase(database, {
        apiKey: config.apiKey,
        seedCalls: config.seedCalls,
      });
    } catch (error: unknown) {
      fail(
        `the database at ${config.dbPath} or ${config.analyticsPath} cannot be written (${reason(error)}). Set DB_PATH and ANALYTICS_PATH to writable files.`,
      );
    }
  }
  const log = openLog(config.logFile);
  const app = createApp({
    database,
    upstream: config.upstreamUrl ? { url: config.upstreamUrl, apiKey: config.upstreamApiKey } : null,
    // The SPA gets the key automatically only when nothing but this machine can reach the server.
    localApiKey: prepared && isLoopbackAddress(config.host) ? prepared.apiKey : null,
    serveSpa: config.serveSpa,
    hostPolicy: createHostPolicy({
      allowedHosts: config.allowedHosts,
      ownAddresses: ownAddresses(config.host),
    }),
    log: log.write,
    retention,
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  if ('keepAliveTimeout' in server) {
    // Node closes an idle keep-alive connection after 5 s; a client that reuses it at that moment gets
    // ECONNRESET for a request the server never saw (seen in CI with Playwright's API client). Idle
    // connections stay open a minute, longer than common client and proxy idle timeouts; the header
    // deadline stays above it, as Node requires for reused connections.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  }
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      fail(`port ${config.port} on ${config.host} is already in use. Set PORT to a free port.`);
    if (error.code === 'EACCES')
      fail(`port ${config.port} on ${config.host} is not allowed for this user. Set PORT above 1024.`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
      fail(`HOST ${config.host} is not an address of this machine.`);
    fail(reason(error));
  });
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
    console.info(`Widget Studio is running at http://${shownHost}:${port}/`);
    if (prepared) {
      if (prepared.seededCalls !== null)
        console.info(`Seeded a new database with ${prepared.seededCalls} calls.`);
      console.info(keyLine(prepared));
    }
    if (config.upstreamUrl) {
      console.info(
        `Forwarding API requests to ${config.upstreamUrl}${config.upstreamApiKey ? ' with CEKURA_API_KEY for requests of its own web app only' : ''}.`,
      );
    }
  });

  const stop = () => {
    server.close();
    database.close();
    log.stream?.end();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
