import { createHmac, randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** The database's random secret for scope fingerprints, created on first use. */
function gatewaySecret(sqlite: BetterSqlite3.Database): Buffer {
  sqlite.prepare('INSERT OR IGNORE INTO gateway_secret (id, secret) VALUES (1, ?)').run(randomBytes(32));
  return sqlite.prepare('SELECT secret FROM gateway_secret WHERE id = 1').pluck().get() as Buffer;
}

/**
 * Whose history a forwarded request belongs to: an HMAC-SHA256, under the database's own random
 * secret, of the upstream base URL and the API key. The key is never stored and cannot be read back
 * from the fingerprint; two keys (or one key against two upstreams) never share a history.
 */
export function createGatewayScope(sqlite: BetterSqlite3.Database, upstreamUrl: string) {
  const secret = gatewaySecret(sqlite);
  const base = new URL(upstreamUrl).toString().replace(/\/+$/, '');
  return (apiKey: string): string =>
    createHmac('sha256', secret).update(base).update('\n').update(apiKey).digest('hex');
}
