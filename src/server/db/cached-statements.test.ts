import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedStatements } from './cached-statements.ts';

interface Tables {
  items: { id: number; name: string };
}

const opened: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

/** A connection with a small table, and a count of the statements SQLite was asked to prepare. */
function setUp(capacity?: number) {
  const sqlite = new BetterSqlite3(':memory:');
  opened.push(sqlite);
  sqlite.exec(
    "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c')",
  );
  const prepared: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = (text: string) => {
    prepared.push(text);
    return prepare(text);
  };
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: cachedStatements(sqlite, capacity) }),
  });
  return { sqlite, db, prepared };
}

describe('cachedStatements', () => {
  it('prepares a query once, however often it runs, with its own parameters each time', async () => {
    const { db, prepared } = setUp();
    const name = (id: number) =>
      db.selectFrom('items').select('name').where('id', '=', id).executeTakeFirst();
    expect(await name(1)).toEqual({ name: 'a' });
    expect(await name(2)).toEqual({ name: 'b' });
    expect(await name(3)).toEqual({ name: 'c' });
    expect(prepared).toHaveLength(1);
  });

  it('runs writes through kept statements too, and reads see them', async () => {
    const { db, prepared } = setUp();
    for (const id of [4, 5])
      await db
        .insertInto('items')
        .values({ id, name: `n${id}` })
        .execute();
    const rows = await db.selectFrom('items').select('id').orderBy('id').execute();
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5]);
    expect(prepared).toHaveLength(2);
  });

  it('keeps at most `capacity` statements, dropping the least recently used', async () => {
    const { db, prepared } = setUp(2);
    const byId = (id: number) => db.selectFrom('items').select('id').where('id', '=', id);
    const byName = () => db.selectFrom('items').select('name').where('name', '=', 'a');
    const all = () => db.selectFrom('items').selectAll();
    await byId(1).execute();
    await byName().execute();
    await byId(2).execute(); // used again: byName is now the oldest
    await all().execute(); // a third: byName is dropped
    await byId(3).execute(); // still kept
    expect(prepared).toHaveLength(3);
    await byName().execute(); // prepared again
    expect(prepared).toHaveLength(4);
  });

  it('still answers after the schema changes under a kept statement', async () => {
    const { sqlite, db } = setUp();
    const first = await sql<{ id: number }>`SELECT * FROM items WHERE id = ${1}`.execute(db);
    expect(Object.keys(first.rows[0] ?? {})).toEqual(['id', 'name']);
    sqlite.exec("ALTER TABLE items ADD COLUMN note TEXT NOT NULL DEFAULT 'x'");
    const second = await sql<{ id: number }>`SELECT * FROM items WHERE id = ${1}`.execute(db);
    expect(second.rows[0]).toEqual({ id: 1, name: 'a', note: 'x' });
  });

  it('streams a query that is also kept, before and after', async () => {
    const { db } = setUp();
    const query = db.selectFrom('items').select('id').orderBy('id');
    expect((await query.execute()).length).toBe(3);
    const streamed: number[] = [];
    for await (const row of query.stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2, 3]);
    expect((await query.execute()).map((row) => row.id)).toEqual([1, 2, 3]);
  });
});
