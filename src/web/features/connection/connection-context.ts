import { createContext, useContext } from 'react';
import type { LocalConfig } from './local-config.ts';
import type { SavedConnection } from './saved-connection.ts';

/**
 * Where the key came from: handed out by the embedded server on loopback (`local-key`), not needed
 * because the server forwards with its own key (`forwarding`), typed by the user (`user`), or
 * missing (`none`: requests will get 401 until the user enters one).
 */
export type ConnectionSource = 'local-key' | 'forwarding' | 'user' | 'none';

export interface ActiveConnection {
  target: 'embedded' | 'custom';
  /** The origin requests go to; the embedded server's is '' (same origin) in the browser. */
  baseUrl: string;
  apiKey: string | null;
  source: ConnectionSource;
  remember: boolean;
}

export interface ConnectionContextValue {
  connection: ActiveConnection;
  localConfig: LocalConfig;
  embeddedBaseUrl: string;
  /** The fetch used for every request (injected in tests). */
  fetch: typeof fetch;
  /** Switches to a connection chosen by the user and stores it (session or local storage). */
  connect: (saved: SavedConnection) => void;
  /** Forgets any stored connection and asks the embedded server again. */
  switchToEmbedded: () => Promise<void>;
}

export const ConnectionContext = createContext<ConnectionContextValue | null>(null);

/** The current connection; needs a ConnectionProvider above. */
export function useConnection(): ConnectionContextValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection needs a <ConnectionProvider> above it.');
  return value;
}

/** The connection the embedded server's local config implies when the user chose nothing. */
export function connectionFromLocalConfig(config: LocalConfig, embeddedBaseUrl: string): ActiveConnection {
  const base = { target: 'embedded' as const, baseUrl: embeddedBaseUrl, remember: false };
  if (config.apiKey) return { ...base, apiKey: config.apiKey, source: 'local-key' };
  if (config.forwarding && config.upstreamHasKey) return { ...base, apiKey: null, source: 'forwarding' };
  return { ...base, apiKey: null, source: 'none' };
}

/** The connection of a stored choice ('' base URL = the embedded server). */
export function connectionFromSaved(saved: SavedConnection, embeddedBaseUrl: string): ActiveConnection {
  const embedded = saved.baseUrl === '';
  return {
    target: embedded ? 'embedded' : 'custom',
    baseUrl: embedded ? embeddedBaseUrl : saved.baseUrl,
    apiKey: saved.apiKey,
    source: saved.apiKey ? 'user' : 'none',
    remember: saved.remember,
  };
}
