import * as z from 'zod';
import { readStorage, removeStorage, writeStorage } from '../../lib/storage.ts';

/**
 * A connection the user chose on the Connection screen. `baseUrl` '' is the embedded server (with a
 * key the user typed because the server handed none out). Stored in sessionStorage unless the user
 * ticked "Remember on this device" (then localStorage); the key is stored nowhere else.
 */
export const SavedConnectionSchema = z.object({
  baseUrl: z.string(),
  apiKey: z.string().nullable(),
  remember: z.boolean(),
});
export type SavedConnection = z.infer<typeof SavedConnectionSchema>;

export const CONNECTION_STORAGE_KEY = 'widget-studio.connection';

function parse(raw: string | null): SavedConnection | null {
  if (!raw) return null;
  try {
    const parsed = SavedConnectionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** This tab's choice first, then the remembered one. */
export function loadSavedConnection(): SavedConnection | null {
  return (
    parse(readStorage('session', CONNECTION_STORAGE_KEY)) ??
    parse(readStorage('local', CONNECTION_STORAGE_KEY))
  );
}

/** Stores in exactly one place, removing any copy from the other. */
export function saveConnection(connection: SavedConnection): void {
  const value = JSON.stringify(connection);
  removeStorage(connection.remember ? 'session' : 'local', CONNECTION_STORAGE_KEY);
  writeStorage(connection.remember ? 'local' : 'session', CONNECTION_STORAGE_KEY, value);
}

export function clearSavedConnection(): void {
  removeStorage('session', CONNECTION_STORAGE_KEY);
  removeStorage('local', CONNECTION_STORAGE_KEY);
}

/** `https://api.cekura.ai/` → `https://api.cekura.ai`; null when it is not an http(s) URL. */
export function normaliseBaseUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return null;
  }
}
