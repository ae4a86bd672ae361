import { AppError } from '../contract/errors';
import { backupTableLabels } from '../contract/backups';
import { savedPassphrase } from '../domain/backups/backup-passphrase';
import { loadBackupSettings } from '../domain/backups/backup-settings-store';
import { createBackup } from '../domain/backups/create-backup';
import { checkBackupFolder } from '../domain/backups/folder-check';
import { parseFlags, stringFlag } from './args';
import { cliBackupEnv, openForScript, readPassphraseFile } from './cli-backup-context';

/**
 * `npm run backup -- [--data-dir <dir>] [--to <folder>] [--passphrase-file <file>] [--plain] [--key-dir <dir>]`
 *
 * One backup now, the same as 设置 → 数据备份 → 立即备份 (consistent copy while the app runs, checked, listed in
 * the folder, retention applied, logged). Folder and encryption come from the app's backup settings unless
 * --to / --passphrase-file / --plain say otherwise. Exit code 0 when the backup was made and checked.
 */
async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  const env = cliBackupEnv(flags);
  const settings = loadBackupSettings(env.dataDir);
  const folder = stringFlag(flags, 'to') ?? settings.folder;
  if (!folder) throw new Error('没有备份文件夹：请用 --to <文件夹> 指定，或先在 设置 → 数据备份 中设置');
  checkBackupFolder(folder, env.dataDir);
  const passphraseFile = stringFlag(flags, 'passphrase-file');
  const passphrase = passphraseFile
    ? readPassphraseFile(passphraseFile)
    : flags.plain === true || !settings.encrypt
      ? null
      : savedPassphrase(env.runtime, settings);
  const { db, ctx } = openForScript(env);
  try {
    const entry = await createBackup(ctx, {
      trigger: 'script',
      folder,
      passphrase,
      actor: 'npm run backup',
      log: (m) => console.error(m),
    });
    if (entry.result !== 'ok') {
      console.error(`备份失败：${entry.error ?? '原因不明'}`);
      return 1;
    }
    const counts = Object.entries(backupTableLabels)
      .map(([t, label]) => `${label} ${entry.counts?.[t] ?? 0}`)
      .join('，');
    const mb = ((entry.sizeBytes ?? 0) / 1024 / 1024).toFixed(1);
    console.log(
      `备份完成：${folder}/${entry.name}（${mb} MB，用时 ${((entry.durationMs ?? 0) / 1000).toFixed(1)} 秒，` +
        `${entry.encrypted ? '已加密' : '未加密'}，已通过完整性检查）\n${counts}`,
    );
    return 0;
  } finally {
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
