import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (or creates) the store's database with the pragmas every connection needs. `nativeBinding` lets the
 * Electron shell load a better-sqlite3 build for Electron's ABI while Node keeps its own.
 */
export function openDatabase(file: string, opts: { nativeBinding?: string } = {}): AppDb {
  const sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Several workstations write through one server; wait rather than fail on a brief lock.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  return drizzle(sqlite, { schema }) as AppDb;
}
