import { AppError } from '../../contract/errors';
import type { BackupRuntime } from './backup-runtime';
import type { StoredBackupSettings } from './backup-settings-store';
import { unsealPassphrase } from './secret-store';

/** The saved passphrase for an encrypted copy; a clear message when it cannot be used. */
export function savedPassphrase(rt: BackupRuntime, settings: StoredBackupSettings): string {
  if (!settings.passphraseSealed)
    throw new AppError('validation', '已开启备份加密，但尚未设置备份密码，请在“数据备份”设置中填写');
  const passphrase = unsealPassphrase(rt.keyDir, settings.passphraseSealed);
  if (passphrase === null)
    throw new AppError(
      'validation',
      '无法读取已保存的备份密码（本机密钥文件缺失或已更换），请在“数据备份”设置中重新输入备份密码',
    );
  return passphrase;
}

/** The saved passphrase if there is a usable one, else null (a restore then asks for it). */
export function savedPassphraseOrNull(rt: BackupRuntime, settings: StoredBackupSettings): string | null {
  return settings.passphraseSealed ? unsealPassphrase(rt.keyDir, settings.passphraseSealed) : null;
}
