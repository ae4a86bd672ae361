import type { backupsContract } from '../../contract/backups';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../server/handler-types';
import { getBackupSettings, updateBackupSettings } from './backup-settings-service';
import { createBackup } from './create-backup';
import { listBackups } from './list-backups';
import { restoreBackup, verifyBackup } from './restore-backup';

export const backupsHandlers: Handlers<keyof typeof backupsContract> = {
  'backups.settings': (ctx) => getBackupSettings(ctx),
  'backups.saveSettings': (ctx, input) => updateBackupSettings(ctx, input),
  'backups.list': (ctx) => listBackups(ctx),
  'backups.run': async (ctx) => {
    const entry = await createBackup(ctx, { trigger: 'manual' });
    // The attempt is listed either way; the button says why it failed.
    if (entry.result === 'failed') {
      const why = entry.error ?? '原因不明';
      throw new AppError('internal', why.startsWith('备份失败') ? why : `备份失败：${why}`);
    }
    return entry;
  },
  'backups.verify': (ctx, input) => verifyBackup(ctx, input),
  'backups.restore': (ctx, input) => restoreBackup(ctx, input),
};
