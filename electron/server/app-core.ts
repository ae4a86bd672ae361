import fs from 'node:fs';
import path from 'node:path';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import type { MigrationResult } from '../../db/migrate';
import { migrateDatabase } from '../../db/migrate';
import { ensureAdministrator } from '../domain/auth/auth-service';
import { purgeExpiredSessions } from '../domain/auth/sessions';
import { applyStoreTimeZone } from '../domain/settings/settings-service';
import type { Clock } from '../domain/clock';
import { systemClock } from '../domain/clock';
import { consoleLog } from './console-log';
import { databaseFileName } from './data-dir';
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
  log?: (message: string, error?: unknown) => void;
  /** Masking and the card-view log; false only for the benchmark's comparison server (see router.ts). */
  privacy?: boolean;
}

export interface AppCore {
  db: AppDb;
  dbFile: string;
  router: Router;
  migration: MigrationResult;
  adminCreated: boolean;
  /** Resolves when the daily upkeep in progress (if any) has finished. */
  upkeepSettled(): Promise<void>;
  close(): void;
}

/**
 * Everything below the transports, started the same way by the Electron shell and the HTTP server:
 * open the database, back up and migrate, make sure an administrator can exist, build the router.
 */
export async function startAppCore(opts: AppCoreOptions): Promise<AppCore> {
  const clock = opts.clock ?? systemClock;
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = path.join(opts.dataDir, databaseFileName);
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
  const adminCreated = opts.adminPassword
    ? await ensureAdministrator({ db, clock }, opts.adminPassword)
    : false;
  const router = createRouter({
    db,
    clock,
    validateOutput: opts.validateOutput,
    log: opts.log,
    privacy: opts.privacy,
  });
  // Warm-up first: the first requests of the day should not wait behind the upkeep's slices and cold pages both.
  const warmUp = opts.warmUp ? startWarmUp(db, clock, opts.log ?? consoleLog) : null;
  const upkeep = opts.dailyUpkeep ? scheduleDailyUpkeep(db.$client, clock, opts.log ?? consoleLog) : null;
  return {
    db,
    dbFile,
    router,
    migration,
    adminCreated,
    upkeepSettled: () => upkeep?.running() ?? Promise.resolve(),
    close: () => {
      warmUp?.stop();
      upkeep?.stop();
      db.$client.close();
    },
  };
}
