import { createHash, randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database-types.ts';
import type { Scope } from './scope.ts';

/** SHA-256 hex of a key: the only form in which a key is stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key (`ws_` + 40 hex characters). */
export function generateApiKey(): string {
  return `ws_${randomBytes(20).toString('hex')}`;
}

export interface NewApiKey {
  key: string;
  organisationId: number;
  projectId: number | null;
  label: string;
}

/** Stores a key's hash (ignoring a key that is already stored). Synchronous, so it fits in transactions. */
export function insertApiKey(sqlite: BetterSqlite3.Database, apiKey: NewApiKey): void {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO api_keys (key_hash, key_prefix, organisation_id, project_id, label, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      hashApiKey(apiKey.key),
      apiKey.key.slice(0, 6),
      apiKey.organisationId,
      apiKey.projectId,
      apiKey.label,
      new Date().toISOString(),
    );
}

/** Replaces every key with this label by a new one (used to rotate the local key). */
export function replaceLabelledApiKey(sqlite: BetterSqlite3.Database, apiKey: NewApiKey): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM api_keys WHERE label = ?').run(apiKey.label);
    insertApiKey(sqlite, apiKey);
  })();
}

export function isApiKeyStored(sqlite: BetterSqlite3.Database, key: string): boolean {
  return sqlite.prepare('SELECT 1 FROM api_keys WHERE key_hash = ?').get(hashApiKey(key)) !== undefined;
}

/** The scope a key grants, or null for an unknown key. */
export async function findScopeByApiKey(db: Kysely<Database>, key: string): Promise<Scope | null> {
  const row = await db
    .selectFrom('api_keys')
    .select(['organisation_id', 'project_id', 'label'])
    .where('key_hash', '=', hashApiKey(key))
    .executeTakeFirst();
  if (!row) return null;
  const projects = await db
    .selectFrom('projects')
    .select('id')
    .where('organisation_id', '=', row.organisation_id)
    .$if(row.project_id !== null, (q) => q.where('id', '=', row.project_id ?? 0))
    .orderBy('id')
    .execute();
  return {
    organisationId: row.organisation_id,
    projectId: row.project_id,
    projectIds: projects.map((p) => p.id),
    keyLabel: row.label,
  };
}
