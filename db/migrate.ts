import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { AppDb } from './open-database';

export const defaultMigrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationResult {
  applied: number;
  backupFile: string | null;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly backupFile: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

function pendingCount(db: AppDb, folder: string): number {
  const files = readMigrationFiles({ migrationsFolder: folder });
  const hasTable = db.$client
    .prepare("select 1 from sqlite_master where type='table' and name='__drizzle_migrations'")
    .get();
  if (!hasTable) return files.length;
  const last = db.$client.prepare('select max(created_at) as at from __drizzle_migrations').get() as {
    at: number | null;
  };
  return files.filter((f) => f.folderMillis > (last.at ?? 0)).length;
}

function hasUserData(db: AppDb): boolean {
  const row = db.$client
    .prepare("select count(*) as n from sqlite_master where type='table' and name not like 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}

/**
 * Applies pending migrations. An existing database is copied first (VACUUM INTO gives a consistent
 * snapshot even in WAL mode); drizzle runs the migrations in one transaction, so a failure leaves
 * the data as it was and the error names the backup.
 */
export function migrateDatabase(
  db: AppDb,
  opts: { dbFile: string | null; migrationsFolder?: string; now?: Date },
): MigrationResult {
  const folder = opts.migrationsFolder ?? defaultMigrationsFolder;
  const pending = pendingCount(db, folder);
  if (pending === 0) return { applied: 0, backupFile: null };

  let backupFile: string | null = null;
  if (opts.dbFile && hasUserData(db)) {
    const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const dir = path.join(path.dirname(opts.dbFile), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    backupFile = path.join(dir, `${path.basename(opts.dbFile, '.sqlite')}-before-migration-${stamp}.sqlite`);
    db.$client.prepare('VACUUM INTO ?').run(backupFile);
  }
  try {
    migrate(db, { migrationsFolder: folder });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new MigrationError(
      `数据库升级失败，数据未被修改。${backupFile ? `升级前的备份：${backupFile}。` : ''}原因：${reason}`,
      backupFile,
      { cause },
    );
  }
  return { applied: pending, backupFile };
}
