import fs from 'node:fs';
import path from 'node:path';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import type { MigrationResult } from '../../db/migrate';
import { defaultMigrationsFolder, migrateDatabase } from '../../db/migrate';
import { ensureAdministrator } from '../domain/auth/auth-service';
import { purgeExpiredSessions } from '../domain/auth/sessions';
import { purgeStaleThrottle } from '../domain/auth/login-throttle';
import { applyStoreTimeZone } from '../domain/settings/settings-service';
import type { Clock } from '../domain/clock';
import { systemClock } from '../domain/clock';
import type { BackupRuntime, SwitchOnto } from '../domain/backups/backup-runtime';
import { registerBackupRuntime } from '../domain/backups/backup-runtime';
import { latestMigrationAt } from '../domain/backups/schema-level';
import type { BackupScheduler } from './backup-scheduler';
import { scheduleBackups } from './backup-scheduler';
import type { ChangeBus } from './change-bus';
import { createChangeBus } from './change-bus';
import { consoleLog } from './console-log';
import { databaseFileName, resolveKeyDir } from './data-dir';
import { safetyCopyPath, swapDatabaseFile } from './database-switch';
import { startCheckpointer } from './checkpointer';
import { createRequestGate } from './request-gate';
import { markRunning } from './running-marker';
import { scheduleDailyUpkeep } from './upkeep-scheduler';
import { startWarmUp } from './warm-up';
import type { Router } from './router';
import { createRouter } from './router';

export interface AppCoreOptions {
  dataDir: string;
  adminPassword?: string;
  migrationsFolder?: string;
  nativeBinding?: string;
  clock?: Clock;
  validateOutput?: boolean;
  /** Run the start-of-day upkeep (stages, call-back queue) now and at each new store day. Off in tests. */
  dailyUpkeep?: boolean;
  /** Warm statements, code and index pages in the background at start (see warm-up.ts). Off in tests. */
  warmUp?: boolean;
  /** The WAL checkpoint in a worker thread instead of inside commits (checkpointer.ts). Off in tests. */
  backgroundCheckpoint?: boolean;
  log?: (message: string, error?: unknown) => void;
  /**
   * End sessions left idle longer than the store's setting (default on). API tests that move their clock by
   * hours or days with one token turn it off; the session tests keep it on.
   */
  idleTimeout?: boolean;
  /** This computer's key folder for the saved backup passphrase (default: beside the data folder). */
  keyDir?: string;
  /** Make the daily backup at the set store time (once a folder is chosen). Off in tests, which tick it. */
  backupSchedule?: boolean;
  /** Masking and the card-view log; false only for the benchmark's comparison server (see router.ts). */
  privacy?: boolean;
}

export interface AppCore {
  db: AppDb;
  dbFile: string;
  router: Router;
  /** Successful writes' topics, for the live-change stream (HTTP) and the desktop windows (IPC). */
  changes: ChangeBus;
  migration: MigrationResult;
  adminCreated: boolean;
  /** The daily and shutdown backups (tick() for tests). */
  backups: BackupScheduler;
  /** Resolves when the daily upkeep in progress (if any) has finished. */
  upkeepSettled(): Promise<void>;
  /** Closing the app: the backup at shutdown if set, then close. */
  shutdown(): Promise<void>;
  /** Closes at once, without a backup. */
  close(): void;
}

/**
 * Everything below the transports, started the same way by the Electron shell and the HTTP server:
 * open the database, back up and migrate, make sure an administrator can exist, build the router.
 */
export async function startAppCore(opts: AppCoreOptions): Promise<AppCore> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? consoleLog;
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = path.join(opts.dataDir, databaseFileName);
  const backupRuntime: BackupRuntime = {
    dataDir: opts.dataDir,
    dbFile,
    keyDir: opts.keyDir ?? resolveKeyDir(opts.dataDir),
    nativeBinding: opts.nativeBinding,
    appSchemaAt: latestMigrationAt(opts.migrationsFolder ?? defaultMigrationsFolder),
    inWorker: true,
    state: { busy: null, lastCopiedMark: null },
    switchOnto: (staged, info) => switchOnto(staged, info),
  };

  const changes = createChangeBus();
  /** The database file and everything that works on it: at start, and again after a restore. */
  const openLive = () => {
    const db = openDatabase(dbFile, { nativeBinding: opts.nativeBinding });
    let migration: MigrationResult;
    try {
      migration = migrateDatabase(db, { dbFile, migrationsFolder: opts.migrationsFolder, now: clock() });
    } catch (error) {
      db.$client.close();
      throw error;
    }
    // The store's zone before anything computes a date (sessions, upkeep, the first request).
    applyStoreTimeZone(db.$client);
    purgeExpiredSessions(db, clock());
    purgeStaleThrottle(db.$client, clock());
    registerBackupRuntime(db.$client, backupRuntime);
    const router = createRouter({
      changes,
      db,
      clock,
      validateOutput: opts.validateOutput,
      log: opts.log,
      privacy: opts.privacy,
      idleTimeout: opts.idleTimeout,
    });
    // Warm-up first: the first requests of the day should not wait behind the upkeep's slices and cold pages both.
    const warmUp = opts.warmUp ? startWarmUp(db, clock, log) : null;
    const upkeep = opts.dailyUpkeep ? scheduleDailyUpkeep(db.$client, clock, log) : null;
    const checkpointer = opts.backgroundCheckpoint
      ? startCheckpointer(db.$client, dbFile, { nativeBinding: opts.nativeBinding, log })
      : null;
    return { db, migration, router, warmUp, upkeep, checkpointer };
  };
  let live = openLive();
  const releaseMarker = markRunning(opts.dataDir);
  let closed = false;
  const gate = createRequestGate(() => live.router);
  const adminCreated = opts.adminPassword
    ? await ensureAdministrator({ db: live.db, clock }, opts.adminPassword)
    : false;

  const stopLive = async () => {
    live.warmUp?.stop();
    live.upkeep?.stop();
    await live.upkeep?.running();
    // Its connection must be closed before the file is swapped (Windows refuses to replace an open file).
    await live.checkpointer?.stop();
  };
  /**
   * Restore: no new calls while it runs, the ones running finish, then the file is swapped and reopened (the
   * same start-up as above: migrations for an older copy, the store's zone, upkeep), in serve and in the
   * desktop app alike, without restarting the process: every cache main keeps is per connection, and the
   * store zone is read again on reopening. Everyone signs in again: the copy's sessions are cleared.
   */
  const switchOnto: SwitchOnto = async (staged) => {
    await gate.pause();
    try {
      await stopLive();
      const sqlite = live.db.$client;
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
      const safetyCopy = safetyCopyPath(dbFile, clock());
      swapDatabaseFile({
        dbFile,
        staged,
        safetyCopy,
        reopen: () => {
          live = openLive();
        },
      });
      live.db.$client.exec('delete from sessions');
      log(`已恢复备份，恢复前的数据另存为：${safetyCopy}`);
      return { safetyCopy, db: live.db };
    } finally {
      gate.resume();
    }
  };

  const backups = scheduleBackups(
    () => ({ db: live.db, clock, user: null, token: null, client: 'system' }),
    clock,
    log,
    { timer: opts.backupSchedule === true },
  );
  const close = () => {
    if (closed) return;
    closed = true;
    backups.stop();
    changes.stop();
    live.warmUp?.stop();
    live.upkeep?.stop();
    void live.checkpointer?.stop();
    live.db.$client.close();
    releaseMarker();
  };
  return {
    get db() {
      return live.db;
    },
    dbFile,
    router: gate.router,
    changes,
    migration: live.migration,
    adminCreated,
    backups,
    upkeepSettled: () => live.upkeep?.running() ?? Promise.resolve(),
    async shutdown() {
      if (closed) return;
      await stopLive();
      await backups.atShutdown();
      close();
    },
    close,
  };
}
