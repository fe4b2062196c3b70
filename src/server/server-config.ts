import { defaultAnalyticsPath } from './analytics/analytics-path.ts';
import { parseAllowedHosts } from './http/host-policy.ts';

/** Start-up settings from the environment (README "Configuration"). */
export interface ServerConfig {
  port: number;
  host: string;
  dbPath: string;
  /** `ANALYTICS_PATH`: the DuckDB file of calls and evaluations (default: beside DB_PATH). */
  analyticsPath: string;
  /** `ANALYTICS_THREADS`: DuckDB's threads (default: one per core). */
  analyticsThreads: number | null;
  /** `ANALYTICS_MEMORY_LIMIT`: DuckDB's memory limit, e.g. "1GB" (default: DuckDB's, 80 % of RAM). */
  analyticsMemoryLimit: string | null;
  apiKey: string | null;
  seedCalls: number;
  upstreamUrl: string | null;
  upstreamApiKey: string | null;
  logFile: string | null;
  serveSpa: boolean;
  /** `ALLOWED_HOSTS`: host names besides loopback and the bind address that the API answers to. */
  allowedHosts: string[];
}

export const DEFAULT_DB_PATH = './data/widget-studio.db';

/** A setting that is present but unusable: the start-up prints it and exits 1. */
export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

function text(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/** Reads and checks the environment. Throws ConfigError with a one-line message. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const upstreamUrl = text(env, 'UPSTREAM_URL');
  if (upstreamUrl !== null && !/^https?:\/\/[^/]/.test(upstreamUrl)) {
    throw new ConfigError(`UPSTREAM_URL must be an http(s) URL (got "${upstreamUrl}").`);
  }
  const apiKey = text(env, 'WIDGET_STUDIO_API_KEY');
  if (apiKey !== null && apiKey.length < 16) {
    throw new ConfigError('WIDGET_STUDIO_API_KEY must be at least 16 characters long.');
  }
  const dbPath = text(env, 'DB_PATH') ?? DEFAULT_DB_PATH;
  const memoryLimit = readAnalyticsMemoryLimit(env);
  const threads = env.ANALYTICS_THREADS?.trim();
  return {
    port: integer(env, 'PORT', 8787, 0, 65_535),
    host: text(env, 'HOST') ?? '127.0.0.1',
    dbPath,
    analyticsPath: text(env, 'ANALYTICS_PATH') ?? defaultAnalyticsPath(dbPath),
    analyticsThreads: threads ? integer(env, 'ANALYTICS_THREADS', 1, 1, 256) : null,
    analyticsMemoryLimit: memoryLimit,
    apiKey,
    seedCalls: integer(env, 'SEED_CALLS', 20_000, 0, 10_000_000),
    upstreamUrl,
    upstreamApiKey: text(env, 'CEKURA_API_KEY'),
    logFile: text(env, 'LOG_FILE'),
    serveSpa: env.SERVE_SPA !== '0',
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS),
  };
}

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackAddress(host: string): boolean {
  const name = host.toLowerCase();
  return name === 'localhost' || name === '::1' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** `ANALYTICS_MEMORY_LIMIT` checked (null when unset); the server and `npm run seed` both honour it. */
export function readAnalyticsMemoryLimit(env: NodeJS.ProcessEnv): string | null {
  const memoryLimit = text(env, 'ANALYTICS_MEMORY_LIMIT');
  if (memoryLimit !== null && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit)) {
    throw new ConfigError(
      `ANALYTICS_MEMORY_LIMIT must be a size such as 512MB or 2GB (got "${memoryLimit}").`,
    );
  }
  return memoryLimit;
}
