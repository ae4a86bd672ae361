import fs from 'node:fs';
import path from 'node:path';
import type { ChannelParsedInput } from '../../contract';
import type { BackupSettingsView } from '../../contract/backups';
import { AppError } from '../../contract/errors';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import type { AuthedContext, ServiceContext } from '../context';
import { backupRuntimeOf } from './backup-runtime';
import type { StoredBackupSettings } from './backup-settings-store';
import { loadBackupSettings, saveBackupSettings } from './backup-settings-store';
import { checkBackupFolder, fileErrorMessage } from './folder-check';
import { sealPassphrase, unsealPassphrase } from './secret-store';

/** Warnings about the folder as it is now (a pulled USB stick shows here, not as an error). */
function folderWarnings(folder: string | null, dataDir: string): string[] {
  if (!folder) return ['尚未设置备份文件夹：选择一个文件夹后才会自动备份'];
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return checkBackupFolder(folder, dataDir);
  } catch (error) {
    if (error instanceof AppError) return [`备份文件夹当前不可用：${error.message}`];
    return [`备份文件夹当前不可用：${fileErrorMessage(error)}`];
  }
}

function view(settings: StoredBackupSettings, keyDir: string, warnings: string[]): BackupSettingsView {
  const { passphraseSealed, updatedAt: _at, updatedBy: _by, ...rest } = settings;
  const warn = [...warnings];
  if (settings.encrypt && passphraseSealed && unsealPassphrase(keyDir, passphraseSealed) === null)
    warn.push('无法读取已保存的备份密码（本机密钥文件缺失或已更换），请重新输入备份密码，否则加密备份会失败');
  return { ...rest, passphraseSaved: passphraseSealed !== null, warnings: warn };
}

export function getBackupSettings(ctx: ServiceContext): BackupSettingsView {
  const rt = backupRuntimeOf(ctx.db.$client);
  const settings = loadBackupSettings(rt.dataDir);
  return view(settings, rt.keyDir, folderWarnings(settings.folder, rt.dataDir));
}

const auditedFields = ['folder', 'time', 'daily', 'atShutdown', 'retention', 'encrypt'] as const;

/** Saves the settings given; the folder is checked (exists, writable) before anything is written. */
export function updateBackupSettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'backups.saveSettings'>,
): BackupSettingsView {
  const rt = backupRuntimeOf(ctx.db.$client);
  const before = loadBackupSettings(rt.dataDir);
  const { passphrase, ...fields } = input;
  const next: StoredBackupSettings = { ...before, ...fields };
  if (fields.folder !== undefined) {
    checkBackupFolder(fields.folder, rt.dataDir);
    next.folder = path.resolve(fields.folder);
  }
  if (next.encrypt && !passphrase && !before.passphraseSealed) {
    const message = '开启加密前请设置备份密码（至少 8 个字符）';
    throw new AppError('validation', message, { fields: { passphrase: message } });
  }
  if (passphrase) next.passphraseSealed = sealPassphrase(rt.keyDir, passphrase);
  next.updatedAt = ctx.clock().toISOString();
  next.updatedBy = ctx.user.username;
  saveBackupSettings(rt.dataDir, next);
  const changes = fieldChanges(before, next, auditedFields);
  recordAudit(ctx, {
    action: 'settings.updated',
    entity: 'setting',
    entityId: 'backups',
    // The passphrase itself never reaches the log, only that it was changed.
    detail: { section: 'backups', changes, ...(passphrase ? { passphraseChanged: true } : {}) },
  });
  return view(next, rt.keyDir, folderWarnings(next.folder, rt.dataDir));
}
