// @vitest-environment jsdom
import { ApiError } from '../../api/api-error.ts';
import { connectionFromLocalConfig, connectionFromSaved } from './connection-context.ts';
import type { ActiveConnection } from './connection-context.ts';
import { describeHealth, describeTarget } from './connection-status-badge.tsx';
import { healthFromOutcome } from './use-connection-health.ts';
import {
  CONNECTION_STORAGE_KEY,
  clearSavedConnection,
  loadSavedConnection,
  normaliseBaseUrl,
  saveConnection,
} from './saved-connection.ts';

const embedded: ActiveConnection = {
  target: 'embedded',
  baseUrl: '',
  apiKey: 'k',
  source: 'local-key',
  remember: false,
};

test.each([
  ['https://api.cekura.ai', 'https://api.cekura.ai'],
  ['  https://api.cekura.ai/ ', 'https://api.cekura.ai'],
  ['http://127.0.0.1:8787/api/', 'http://127.0.0.1:8787/api'],
  ['ftp://x', null],
  ['api.cekura.ai', null],
  ['https://user:pw@api.cekura.ai', null],
  ['https://api.cekura.ai/?key=1', null],
  ['', null],
])('normaliseBaseUrl(%j) = %j', (input, expected) => {
  expect(normaliseBaseUrl(input)).toBe(expected);
});

test.each([
  [{ apiKey: 'local', forwarding: false, upstreamHasKey: false }, 'local-key', 'local'],
  [{ apiKey: null, forwarding: true, upstreamHasKey: true }, 'forwarding', null],
  [{ apiKey: null, forwarding: true, upstreamHasKey: false }, 'none', null],
  [{ apiKey: null, forwarding: false, upstreamHasKey: false }, 'none', null],
])('connectionFromLocalConfig(%j) → %s', (config, source, key) => {
  const connection = connectionFromLocalConfig(config, '');
  expect(connection).toMatchObject({ target: 'embedded', baseUrl: '', source, apiKey: key });
});

test('a saved embedded connection maps to the embedded base URL', () => {
  expect(connectionFromSaved({ baseUrl: '', apiKey: 'k', remember: true }, 'http://localhost')).toEqual({
    target: 'embedded',
    baseUrl: 'http://localhost',
    apiKey: 'k',
    source: 'user',
    remember: true,
  });
  expect(connectionFromSaved({ baseUrl: 'https://a.b', apiKey: null, remember: false }, '')).toMatchObject({
    target: 'custom',
    source: 'none',
  });
});

test.each([
  [true, embedded, 'ok', 'Connected'],
  [false, embedded, 'ok', 'Offline'],
  [true, embedded, 'unauthorized', 'Key rejected'],
  [true, embedded, 'unreachable', 'Unreachable'],
  [true, { ...embedded, source: 'none' as const }, 'unknown', 'No API key'],
  [true, embedded, 'unknown', 'Connecting'],
] as const)('describeHealth(online %s, …, %s) → %s', (online, connection, health, label) => {
  expect(describeHealth(online, connection, health).label).toBe(label);
});

test('describeTarget names the host, never the key', () => {
  expect(describeTarget(embedded)).toBe('Embedded server');
  expect(describeTarget({ ...embedded, target: 'custom', baseUrl: 'https://api.cekura.ai' })).toBe(
    'api.cekura.ai',
  );
});

test.each([
  [{ ok: true as const }, 'ok'],
  [
    {
      ok: false as const,
      error: new ApiError({ kind: 'http', status: 401, method: 'GET', path: '/', message: '' }),
    },
    'unauthorized',
  ],
  [
    {
      ok: false as const,
      error: new ApiError({ kind: 'http', status: 404, method: 'GET', path: '/', message: '' }),
    },
    'ok',
  ],
  [
    { ok: false as const, error: new ApiError({ kind: 'network', method: 'GET', path: '/', message: '' }) },
    'unreachable',
  ],
  [
    { ok: false as const, error: new ApiError({ kind: 'cors', method: 'GET', path: '/', message: '' }) },
    'unreachable',
  ],
  [
    { ok: false as const, error: new ApiError({ kind: 'aborted', method: 'GET', path: '/', message: '' }) },
    'ok',
  ],
  [{ ok: false as const, error: new Error('render') }, 'ok'],
])('healthFromOutcome %# → %s', (outcome, expected) => {
  expect(healthFromOutcome(outcome)).toBe(expected);
});

describe('saved connection storage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  test('session by default, local when remembered, one copy only', () => {
    saveConnection({ baseUrl: 'https://a.b', apiKey: 'k1', remember: false });
    expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).not.toBeNull();
    expect(localStorage.getItem(CONNECTION_STORAGE_KEY)).toBeNull();
    saveConnection({ baseUrl: 'https://a.b', apiKey: 'k2', remember: true });
    expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).toBeNull();
    expect(loadSavedConnection()).toEqual({ baseUrl: 'https://a.b', apiKey: 'k2', remember: true });
    clearSavedConnection();
    expect(loadSavedConnection()).toBeNull();
  });

  test('garbage in storage reads as nothing stored', () => {
    localStorage.setItem(CONNECTION_STORAGE_KEY, '{not json');
    sessionStorage.setItem(CONNECTION_STORAGE_KEY, JSON.stringify({ baseUrl: 1 }));
    expect(loadSavedConnection()).toBeNull();
  });
});
