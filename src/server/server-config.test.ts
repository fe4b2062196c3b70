import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackAddress, readServerConfig } from './server-config.ts';

describe('readServerConfig', () => {
  it('puts the analytics file beside the SQLite file unless ANALYTICS_PATH says otherwise', () => {
    expect(readServerConfig({ DB_PATH: '/srv/ws/studio.db' }).analyticsPath).toBe('/srv/ws/studio.duckdb');
    expect(readServerConfig({ DB_PATH: '/srv/ws/studio' }).analyticsPath).toBe('/srv/ws/studio.duckdb');
    expect(readServerConfig({ DB_PATH: ':memory:' }).analyticsPath).toBe(':memory:');
  });

  it('has the documented defaults', () => {
    expect(readServerConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dbPath: './data/widget-studio.db',
      analyticsPath: './data/widget-studio.duckdb',
      analyticsThreads: null,
      analyticsMemoryLimit: null,
      apiKey: null,
      seedCalls: 20000,
      upstreamUrl: null,
      upstreamApiKey: null,
      logFile: null,
      serveSpa: true,
      allowedHosts: [],
    });
  });

  it('reads every variable', () => {
    expect(
      readServerConfig({
        PORT: '9000',
        HOST: '0.0.0.0',
        DB_PATH: ':memory:',
        ANALYTICS_PATH: '/var/lib/ws/calls.duckdb',
        ANALYTICS_THREADS: '2',
        ANALYTICS_MEMORY_LIMIT: '1GB',
        WIDGET_STUDIO_API_KEY: 'ws_0123456789abcdef',
        SEED_CALLS: '0',
        UPSTREAM_URL: 'https://api.cekura.ai',
        CEKURA_API_KEY: 'secret',
        LOG_FILE: '/tmp/x.log',
        SERVE_SPA: '0',
        ALLOWED_HOSTS: 'studio.example.com, 10.0.0.5,,',
      }),
    ).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dbPath: ':memory:',
      analyticsPath: '/var/lib/ws/calls.duckdb',
      analyticsThreads: 2,
      analyticsMemoryLimit: '1GB',
      apiKey: 'ws_0123456789abcdef',
      seedCalls: 0,
      upstreamUrl: 'https://api.cekura.ai',
      upstreamApiKey: 'secret',
      logFile: '/tmp/x.log',
      serveSpa: false,
      allowedHosts: ['studio.example.com', '10.0.0.5'],
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SEED_CALLS: '-1' }, /SEED_CALLS/],
    [{ UPSTREAM_URL: 'ftp://x' }, /UPSTREAM_URL/],
    [{ WIDGET_STUDIO_API_KEY: 'short' }, /WIDGET_STUDIO_API_KEY/],
    [{ ANALYTICS_THREADS: '0' }, /ANALYTICS_THREADS/],
    [{ ANALYTICS_MEMORY_LIMIT: 'lots' }, /ANALYTICS_MEMORY_LIMIT/],
  ])('rejects %o', (env, message) => {
    expect(() => readServerConfig(env)).toThrow(ConfigError);
    expect(() => readServerConfig(env)).toThrow(message);
  });
});

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.2', false],
  ])('%s → %s', (host, expected) => expect(isLoopbackAddress(host)).toBe(expected));
});
