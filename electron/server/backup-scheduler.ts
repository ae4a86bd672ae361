import type { Clock } from '../domain/clock';
import type { ServiceContext } from '../domain/context';
import { isBackupDue } from '../domain/backups/backup-schedule';
import { backupRuntimeOf, changeMark } from '../domain/backups/backup-runtime';
import { loadBackupSettings } from '../domain/backups/backup-settings-store';
import { createBackup } from '../domain/backups/create-backup';
import { lastGoodBackupAt } from '../domain/backups/list-backups';

export interface BackupSchedule {
  /** Look at the clock by itself (the server); without it only tick() and atShutdown() act (tests). */
  timer?: boolean;
  /** How often the store clock is compared with the set time. */
  checkEveryMs?: number;
  /** After a failed daily copy, how soon it is tried again. */
  retryMs?: number;
}

export interface BackupScheduler {
  stop(): void;
  /** One look at the clock: makes the daily copy if it is due. The timer calls it; tests call it directly. */
  tick(): Promise<void>;
  /** The copy at shutdown, when set and anything changed since this process's last copy. */
  atShutdown(): Promise<void>;
}

/**
 * The daily copy at the set store time (a slot missed while the computer was off is made up when the app runs
 * again), and the copy at shutdown. Only acts once an administrator has chosen a folder. `ctx` gives the
 * database in use now (a restore replaces it).
 */
export function scheduleBackups(
  ctx: () => ServiceContext,
  clock: Clock,
  log: (message: string, error?: unknown) => void,
  opts: BackupSchedule = {},
): BackupScheduler {
  const retryMs = opts.retryMs ?? 30 * 60_000;
  let failedAt: number | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const dailyCopy = async () => {
    const c = ctx();
    const rt = backupRuntimeOf(c.db.$client);
    const settings = loadBackupSettings(rt.dataDir);
    if (!settings.folder || !settings.daily || rt.state.busy) return;
    const now = clock();
    if (failedAt !== null && now.getTime() - failedAt < retryMs) return;
    if (!isBackupDue(now, settings.time, lastGoodBackupAt(settings.folder))) return;
    try {
      const entry = await createBackup(c, { trigger: 'daily', log });
      failedAt = entry.result === 'ok' ? null : clock().getTime();
      if (entry.result === 'ok')
        log(`每日备份完成：${entry.name}（${Math.round((entry.sizeBytes ?? 0) / 1024)} KB）`);
    } catch (error) {
      failedAt = clock().getTime();
      log('每日备份失败，稍后重试', error);
    }
  };
  const tick = () => {
    if (stopped) return Promise.resolve();
    running ??= dailyCopy().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = opts.timer === false ? null : setInterval(() => void tick(), opts.checkEveryMs ?? 60_000);
  timer?.unref();
  return {
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
    tick,
    async atShutdown() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      const c = ctx();
      const rt = backupRuntimeOf(c.db.$client);
      const settings = loadBackupSettings(rt.dataDir);
      if (!settings.folder || !settings.atShutdown) return;
      if (rt.state.lastCopiedMark === changeMark(c.db.$client)) return;
      log('正在关闭前备份数据…');
      try {
        const entry = await createBackup(c, { trigger: 'shutdown', log });
        if (entry.result === 'ok') log(`关闭前备份完成：${entry.name}`);
      } catch (error) {
        log('关闭前备份失败', error);
      }
    },
  };
}
