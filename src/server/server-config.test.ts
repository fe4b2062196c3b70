import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackAddress, readServerConfig } from './server-config.ts';

describe('readServerConfig', () => {
  it('has the documented defaults', () => {
    expect(readServerConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dbPath: './data/widget-studio.db',
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
