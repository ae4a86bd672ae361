import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import type { StagedBackup } from './backup-jobs';
import { BackupJobError, stageBackup } from './backup-jobs';
import type { BackupManifest } from './backup-manifest';
import { readManifest } from './backup-manifest';
import { savedPassphraseOrNull } from './backup-passphrase';
import type { BackupRuntime } from './backup-runtime';
import { loadBackupSettings } from './backup-settings-store';
import { inWorker } from './backup-worker-launcher';

export interface LocatedBackup {
  file: string;
  folder: string;
  name: string;
  manifest: BackupManifest | null;
}

/** A backup of the settings' folder by name, refused when it is missing or was a failed attempt. */
export function locateBackup(rt: BackupRuntime, name: string): LocatedBackup {
  const folder = loadBackupSettings(rt.dataDir).folder;
  if (!folder) throw new AppError('validation', '尚未设置备份文件夹');
  const file = path.join(folder, path.basename(name));
  const manifest = readManifest(folder, name);
  if (!fs.existsSync(file)) {
    if (manifest?.result === 'failed') throw new AppError('validation', '这次备份没有成功，不能用于恢复');
    throw new AppError('not_found', '备份文件不存在（可能已被删除，或 U 盘、网络盘未连接）');
  }
  return { file, folder, name, manifest };
}

/** Chinese AppErrors for a backup that cannot be used, the passphrase ones pointing at the field. */
export function backupJobAppError(error: unknown): AppError {
  if (!(error instanceof BackupJobError))
    return error instanceof AppError ? error : new AppError('internal', '读取备份失败，请重试');
  if (error.reason === 'wrong_passphrase' || error.reason === 'need_passphrase')
    return new AppError('validation', error.message, { fields: { passphrase: error.message } });
  if (error.reason === 'io') return new AppError('internal', error.message);
  return new AppError('validation', error.message);
}

/**
 * Reads the backup into a checked file in the data folder (same disk as the database, so switching onto it is
 * a rename): typed passphrase first, the saved one otherwise. The caller removes or uses `stagingFile`.
 */
export async function readBackupInto(
  rt: BackupRuntime,
  located: LocatedBackup,
  stagingFile: string,
  typedPassphrase: string | undefined,
): Promise<StagedBackup> {
  const passphrase = typedPassphrase || savedPassphraseOrNull(rt, loadBackupSettings(rt.dataDir));
  try {
    return await (rt.inWorker ? inWorker.stageBackup : stageBackup)({
      file: located.file,
      stagingFile,
      passphrase,
      expectedSha256: located.manifest?.sha256 ?? null,
      nativeBinding: rt.nativeBinding,
    });
  } catch (error) {
    throw backupJobAppError(error);
  }
}

export function stagingPath(rt: BackupRuntime, purpose: 'verify' | 'restore', at: Date): string {
  return path.join(rt.dataDir, `.${purpose}-staging-${at.getTime()}-${process.pid}.sqlite`);
}
