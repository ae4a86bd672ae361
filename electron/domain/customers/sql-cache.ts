import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement per connection and SQL text. The card runs a dozen small queries per call; preparing
 * them once keeps its cost close to the raw queries themselves.
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

type Runner = Database.Transaction<(fn: () => unknown) => unknown>;
const runners = new WeakMap<Database.Database, Runner>();

/**
 * `fn` in a transaction (a savepoint inside one already open), as db.transaction does, with better-sqlite3's
 * wrapper built once per connection: building it, and drizzle's transaction object, on every call was ~3% of a
 * visit saved at scale L.
 */
export function withTransaction<T>(db: Database.Database, fn: () => T): T {
  let runner = runners.get(db);
  if (!runner) {
    runner = db.transaction((f: () => unknown) => f());
    runners.set(db, runner);
  }
  return runner.deferred(fn) as T;
}
