import type { Context } from 'hono';
import type { VersionRetention } from '../../contract/dashboard-version-schema.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import { notFound } from './api-error.ts';
import type { Scope } from './scope.ts';

/** What every route needs: the database, the request clock and the log sink. */
export interface ServerContext {
  database: OpenDatabase;
  clock: () => Date;
  log: (line: string) => void;
  /** How long dashboard versions are kept. */
  retention: VersionRetention;
}

/** Hono environment: the auth middleware puts the key's scope on the context. */
export interface AppEnv {
  Variables: { scope: Scope };
}

/** The numeric `{id}` path parameter; anything unusable reads as a missing object (404). */
export function idParam(c: Context<AppEnv>, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound();
  return id;
}

/** An optional integer query parameter; a malformed one is a DRF field error. */
export function intQuery(url: URL, name: string): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  if (!/^-?\d{1,15}$/.test(raw)) {
    throw new QueryError(name, 'A valid integer is required.');
  }
  return Number(raw);
}

/** A boolean query parameter in DRF's spellings (`true`/`1`/`yes`/`on` and their opposites); absent is false. */
export function booleanQuery(url: URL, name: string): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return false;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new QueryError(name, 'Must be a valid boolean.');
}

/** A malformed query parameter: 400 `{"<name>": ["message"]}`. */
export class QueryError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}
