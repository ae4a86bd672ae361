import type { ChannelOutput } from '../../contract';
import type { ServiceContext } from '../context';
import { listBackupFolder, toEntry } from './backup-manifest';
import { nextBackupAt } from './backup-schedule';
import { backupRuntimeOf } from './backup-runtime';
import type { StoredBackupSettings } from './backup-settings-store';
import { loadBackupSettings } from './backup-settings-store';

/** When the newest good copy in the folder was made (what the daily schedule goes by). */
export function lastGoodBackupAt(folder: string): Date | null {
  const good = listBackupFolder(folder).find((b) => b.manifest?.result === 'ok' && b.fileSize !== null);
  return good?.manifest ? new Date(good.manifest.createdAt) : null;
}

export function nextDailyAt(settings: StoredBackupSettings, now: Date): Date | null {
  if (!settings.folder || !settings.daily) return null;
  return nextBackupAt(now, settings.time, lastGoodBackupAt(settings.folder));
}

export function listBackups(ctx: ServiceContext): ChannelOutput<'backups.list'> {
  const rt = backupRuntimeOf(ctx.db.$client);
  const settings = loadBackupSettings(rt.dataDir);
  const entries = settings.folder ? listBackupFolder(settings.folder).map(toEntry) : [];
  return {
    folder: settings.folder,
    running: rt.state.busy === 'backup',
    nextAt: nextDailyAt(settings, ctx.clock())?.toISOString() ?? null,
    entries,
  };
}
