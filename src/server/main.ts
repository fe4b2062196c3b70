import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { startDataWorkers } from './data-worker-pool.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { createHostPolicy } from './http/host-policy.ts';
import { prepareLocalDatabase, type PreparedDatabase } from './prepare-local-database.ts';
import type { VersionRetention } from '../contract/dashboard-version-schema.ts';
import { readRetention } from './version-retention.ts';
import { ConfigError, isLoopbackAddress, readServerConfig, type ServerConfig } from './server-config.ts';

// Start-up of the embedded server (`npm start`). Every expected failure is one clear line and exit 1.

function fail(message: string): never {
  console.error(`Widget Studio could not start: ${message}`);
  process.exit(1);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function openLocalDatabase(config: ServerConfig): OpenDatabase {
  if (config.upstreamUrl) return openDatabase(':memory:'); // forwarding mode keeps no data
  try {
    if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
    return openDatabase(config.dbPath);
  } catch (error: unknown) {
    return fail(
      `the database at ${config.dbPath} cannot be opened for writing (${reason(error)}). Set DB_PATH to a writable file.`,
    );
  }
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

function main(): void {
  let config: ServerConfig;
  let retention: VersionRetention;
  try {
    config = readServerConfig(process.env);
    retention = readRetention(process.env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const database = openLocalDatabase(config);
  // The data workers boot beside the seeding and the start-up, not when the first dashboard asks.
  startDataWorkers(database.sqlite);
  let prepared: PreparedDatabase | null = null;
  if (!config.upstreamUrl) {
    try {
      prepared = prepareLocalDatabase(database, { apiKey: config.apiKey, seedCalls: config.seedCalls });
    } catch (error: unknown) {
      fail(
        `the database at ${config.dbPath} cannot be written (${reason(error)}). Set DB_PATH to a writable file.`,
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

main();
