import type Database from 'better-sqlite3';
import type { AppDb } from '../../../db/open-database';
import { AppError } from '../../contract/errors';

/**
 * What app-core does with a checked copy: keep the database in use as a safety copy, put the copy in its place
 * and reopen (see app-core.ts). Resolves with the safety copy's path and the reopened database.
 */
export type SwitchOnto = (
  stagedFile: string,
  info: { backupName: string },
) => Promise<{ safetyCopy: string; db: AppDb }>;

/**
 * The running app's side of backups, which the database alone cannot tell a service: where the data folder
 * and this computer's key folder are, how to switch the app onto a restored file, and whether a backup or a
 * restore is under way (one at a time per data folder). app-core registers it for its connection, and again
 * for the new connection after a restore (the state object is the same).
 */
export interface BackupRuntime {
  dataDir: string;
  dbFile: string;
  keyDir: string;
  nativeBinding?: string;
  /** created_at of the newest migration this app knows: a copy made by a newer version is refused. */
  appSchemaAt: number;
  switchOnto: SwitchOnto;
  /** Runs the job in a worker thread (server) or in-process (scripts). */
  inWorker: boolean;
  state: {
    busy: 'backup' | 'restore' | null;
    /** The connection's change counters at the last good copy: nothing new means no copy at shutdown. */
    lastCopiedMark: string | null;
  };
}

const runtimes = new WeakMap<Database.Database, BackupRuntime>();

export function registerBackupRuntime(sqlite: Database.Database, runtime: BackupRuntime): void {
  runtimes.set(sqlite, runtime);
}

export function backupRuntimeOf(sqlite: Database.Database): BackupRuntime {
  const rt = runtimes.get(sqlite);
  if (!rt) throw new AppError('internal', '备份功能未启用（数据库不是由应用打开的）');
  return rt;
}

/** One backup or restore at a time; the second is told what the first is doing. */
export async function exclusively<T>(
  rt: BackupRuntime,
  kind: 'backup' | 'restore',
  work: () => Promise<T>,
): Promise<T> {
  if (rt.state.busy)
    throw new AppError(
      'conflict',
      rt.state.busy === 'backup' ? '正在备份，请等备份完成后再试' : '正在恢复备份，请稍候',
    );
  rt.state.busy = kind;
  try {
    return await work();
  } finally {
    rt.state.busy = null;
  }
}

/** This connection's writes and other connections' commits so far: unchanged means no new data to copy. */
export function changeMark(sqlite: Database.Database): string {
  const changes = sqlite.prepare('select total_changes()').pluck().get() as number;
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}
