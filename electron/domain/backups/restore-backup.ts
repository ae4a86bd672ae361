import fs from 'node:fs';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { assertNoImportRunning } from '../imports/import-jobs';
import { missingBlobs, restoreDataFiles } from './backup-files';
import { savedPassphraseOrNull } from './backup-passphrase';
import { backupRuntimeOf, exclusively } from './backup-runtime';
import { loadBackupSettings } from './backup-settings-store';
import { locateBackup, readBackupInto, stagingPath } from './read-backup';

/** Checks a backup without restoring it: the same reading and checks as a restore, then the copy is dropped. */
export async function verifyBackup(
  ctx: AuthedContext,
  input: ChannelParsedInput<'backups.verify'>,
): Promise<ChannelOutput<'backups.verify'>> {
  const rt = backupRuntimeOf(ctx.db.$client);
  const located = locateBackup(rt, input.name);
  const staging = stagingPath(rt, 'verify', ctx.clock());
  try {
    const staged = await readBackupInto(rt, located, staging, input.passphrase);
    const files = located.manifest?.files ?? [];
    return {
      name: located.name,
      counts: staged.counts,
      missingFiles: missingBlobs(located.folder, files).length,
    };
  } finally {
    fs.rmSync(staging, { force: true });
  }
}

/**
 * Restores a backup. It is read and checked in full first (checksum, passphrase, integrity_check, that it is
 * ours and not from a newer version); only a copy that passed is switched onto, and the database in use is
 * kept as a safety copy first (app-core's switchOnto). Everyone is signed out: sessions and users are those of
 * the copy. The restore is logged in the restored database, the one in use from now on.
 */
export async function restoreBackup(
  ctx: AuthedContext,
  input: ChannelParsedInput<'backups.restore'>,
): Promise<ChannelOutput<'backups.restore'>> {
  const rt = backupRuntimeOf(ctx.db.$client);
  assertNoImportRunning(ctx, '正在导入客户，请等导入完成后再恢复备份');
  const located = locateBackup(rt, input.name);
  return exclusively(rt, 'restore', async () => {
    const staging = stagingPath(rt, 'restore', ctx.clock());
    try {
      const staged = await readBackupInto(rt, located, staging, input.passphrase);
      if (staged.schemaAt !== null && staged.schemaAt > rt.appSchemaAt)
        throw new AppError('validation', '此备份由更新版本的程序创建，请先升级本程序再恢复');
      const backupCreatedAt = located.manifest?.createdAt ?? null;
      // Files first: written beside the current database they are harmless, and the restored rows find them.
      const files = await restoreDataFiles(
        rt.dataDir,
        located.folder,
        located.manifest?.files ?? [],
        input.passphrase || savedPassphraseOrNull(rt, loadBackupSettings(rt.dataDir)),
      );
      const { safetyCopy, db } = await rt.switchOnto(staging, { backupName: located.name });
      recordAudit(
        { ...ctx, db },
        {
          action: 'backup.restored',
          entity: 'backup',
          entityId: located.name,
          detail: { backupCreatedAt, safetyCopy, encrypted: staged.encrypted, counts: staged.counts, files },
        },
      );
      return { restoredFrom: located.name, backupCreatedAt, safetyCopy, counts: staged.counts, files };
    } finally {
      fs.rmSync(staging, { force: true });
    }
  });
}
