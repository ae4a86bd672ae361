import fs from 'node:fs';
import path from 'node:path';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import { defaultMigrationsFolder } from '../../db/migrate';
import type { BackupRuntime } from '../domain/backups/backup-runtime';
import { registerBackupRuntime } from '../domain/backups/backup-runtime';
import { latestMigrationAt } from '../domain/backups/schema-level';
import type { ServiceContext } from '../domain/context';
import { systemClock } from '../domain/clock';
import { applyStoreTimeZone } from '../domain/settings/settings-service';
import { databaseFileName, resolveDataDir, resolveKeyDir } from '../server/data-dir';
import { stringFlag } from './args';

/** A passphrase file's first line (editors add a newline; a passphrase never ends in one). */
export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`无法读取密码文件：${file}`);
  }
  const passphrase = text.split(/\r?\n/)[0] ?? '';
  if (passphrase.length < 8) throw new Error('密码文件中的备份密码至少 8 个字符');
  return passphrase;
}

export interface CliBackupEnv {
  dataDir: string;
  dbFile: string;
  runtime: BackupRuntime;
}

/** The data folder and key folder the flags (or the environment, or the defaults) name. */
export function cliBackupEnv(flags: Record<string, string | true>): CliBackupEnv {
  const dataDir = resolveDataDir(stringFlag(flags, 'data-dir'));
  const dbFile = path.join(dataDir, databaseFileName);
  const runtime: BackupRuntime = {
    dataDir,
    dbFile,
    keyDir: resolveKeyDir(dataDir, stringFlag(flags, 'key-dir')),
    appSchemaAt: latestMigrationAt(defaultMigrationsFolder),
    // A script has nothing else to do: the jobs run in its own thread.
    inWorker: false,
    state: { busy: null, lastCopiedMark: null },
    switchOnto: () => Promise.reject(new Error('a script restores with swapDatabaseFile')),
  };
  return { dataDir, dbFile, runtime };
}

/** Opens the store's database for a script (no migration: the app does that), with its store time zone. */
export function openForScript(env: CliBackupEnv): { db: AppDb; ctx: ServiceContext } {
  if (!fs.existsSync(env.dbFile)) throw new Error(`数据库文件不存在：${env.dbFile}`);
  const db = openDatabase(env.dbFile);
  applyStoreTimeZone(db.$client);
  registerBackupRuntime(db.$client, env.runtime);
  return { db, ctx: { db, clock: systemClock, user: null, token: null, client: 'script' } };
}
