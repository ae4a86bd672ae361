import { readMigrationFiles } from 'drizzle-orm/migrator';

/** created_at of the newest migration the app ships (what __drizzle_migrations records for it). */
export function latestMigrationAt(migrationsFolder: string): number {
  return Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
}
