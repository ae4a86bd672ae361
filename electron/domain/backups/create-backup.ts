import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupTrigger } from '../../contract/backups';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { storeDate } from '../clock';
import type { ServiceContext } from '../context';
import { appVersion } from '../system/app-version';
import { BackupJobError, makeBackup } from './backup-jobs';
import type { BackupManifest } from './backup-manifest';
import { listBackupFolder, toEntry, writeManifest } from './backup-manifest';
import { backupNameAt } from './backup-names';
import { savedPassphrase } from './backup-passphrase';
import { backupRuntimeOf, changeMark, exclusively } from './backup-runtime';
import { loadBackupSettings } from './backup-settings-store';
import { inWorker } from './backup-worker-launcher';
import { fileErrorMessage } from './folder-check';
import { pruneBackups } from './prune-backups';

export interface BackupRequest {
  trigger: BackupTrigger;
  /** The scripts' --to and --passphrase-file; the saved settings otherwise. */
  folder?: string;
  passphrase?: string | null;
  /** Who asked, when it is not a signed-in user ('npm run backup'). */
  actor?: string;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Makes one backup into the folder (the settings' unless the request names one), records it in the folder
 * (manifest) and in the audit log, then applies the retention rule. A failed attempt is recorded the same way
 * and returned with result `failed`: the scheduler logs it and tries again later, the button shows it.
 */
export async function createBackup(ctx: ServiceContext, req: BackupRequest): Promise<BackupEntry> {
  const rt = backupRuntimeOf(ctx.db.$client);
  const settings = loadBackupSettings(rt.dataDir);
  const folder = req.folder ?? settings.folder;
  if (!folder) throw new AppError('validation', '尚未设置备份文件夹，请先在“数据备份”设置中选择文件夹');
  // An encrypted copy whose saved passphrase cannot be read (this computer's key file is gone) is a failed
  // attempt like any other: listed and logged, so the administrator sees the daily copies failing.
  let passphrase: string | null = null;
  let refused: string | null = null;
  try {
    passphrase =
      req.passphrase !== undefined ? req.passphrase : settings.encrypt ? savedPassphrase(rt, settings) : null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    refused = error.message;
  }
  return exclusively(rt, 'backup', async () => {
    const started = ctx.clock();
    const t0 = performance.now();
    const encrypted = passphrase !== null || refused !== null;
    const name = backupNameAt(started, encrypted, (n) => fs.existsSync(path.join(folder, n)));
    const base = {
      format: 1 as const,
      name,
      createdAt: started.toISOString(),
      storeDate: storeDate(started),
      trigger: req.trigger,
      encrypted,
      appVersion,
    };
    let manifest: BackupManifest;
    try {
      if (refused) throw new BackupJobError('need_passphrase', refused);
      const made = await (rt.inWorker ? inWorker.makeBackup : makeBackup)({
        dbFile: rt.dbFile,
        folder,
        name,
        workDir: rt.dataDir,
        passphrase,
        nativeBinding: rt.nativeBinding,
      });
      manifest = {
        ...base,
        result: 'ok',
        error: null,
        sizeBytes: made.sizeBytes,
        durationMs: Math.round(performance.now() - t0),
        sha256: made.sha256,
        counts: made.counts,
        schemaAt: made.schemaAt,
        files: made.files,
      };
    } catch (error) {
      const message = error instanceof BackupJobError ? error.message : fileErrorMessage(error);
      req.log?.(`备份失败：${message}`, error);
      manifest = {
        ...base,
        result: 'failed',
        error: message,
        sizeBytes: null,
        durationMs: Math.round(performance.now() - t0),
        sha256: null,
        counts: null,
        schemaAt: null,
      };
    }
    try {
      writeManifest(folder, manifest);
    } catch (error) {
      // A folder that vanished mid-copy cannot take the record; the audit log and the caller still get it.
      req.log?.(`无法写入备份清单：${fileErrorMessage(error)}`, error);
    }
    recordAudit(ctx, {
      action: 'backup.created',
      username: req.actor,
      entity: 'backup',
      entityId: name,
      detail: {
        trigger: req.trigger,
        result: manifest.result,
        folder,
        encrypted,
        sizeBytes: manifest.sizeBytes,
        durationMs: manifest.durationMs,
        ...(manifest.error ? { error: manifest.error } : {}),
      },
    });
    if (manifest.result === 'ok') {
      rt.state.lastCopiedMark = changeMark(ctx.db.$client);
      try {
        pruneBackups(folder, settings.retention, ctx.clock());
      } catch (error) {
        req.log?.(`清理旧备份失败：${fileErrorMessage(error)}`, error);
      }
    }
    const listed = listBackupFolder(folder).find((b) => b.name === name);
    return listed ? toEntry(listed) : toEntry({ name, manifest, fileSize: manifest.sizeBytes, mtime: null });
  });
}
