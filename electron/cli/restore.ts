import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { backupTableLabels } from '../contract/backups';
import { AppError } from '../contract/errors';
import { appendAudit } from '../domain/audit/audit-log';
import { restoreDataFiles } from '../domain/backups/backup-files';
import { BackupJobError, stageBackup } from '../domain/backups/backup-jobs';
import { readManifest } from '../domain/backups/backup-manifest';
import { savedPassphraseOrNull } from '../domain/backups/backup-passphrase';
import { loadBackupSettings } from '../domain/backups/backup-settings-store';
import { stagingPath } from '../domain/backups/read-backup';
import { safetyCopyPath, swapDatabaseFile } from '../server/database-switch';
import { runningAppPid } from '../server/running-marker';
import { parseFlags, stringFlag } from './args';
import { cliBackupEnv, readPassphraseFile } from './cli-backup-context';

/**
 * `npm run restore -- --from <backup file> [--data-dir <dir>] [--passphrase-file <file>] [--yes]`
 *
 * The same restore as 设置 → 数据备份 for when the app cannot start: the backup is read and checked in full
 * (checksum, passphrase, integrity_check) before anything is touched, the current database is kept in
 * `backups/dealer-crm-before-restore-<time>.sqlite`, and the app must be closed (it is refused otherwise).
 */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv);
  const from =
    stringFlag(flags, 'from') ?? argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!from) throw new Error('请用 --from <备份文件> 指定要恢复的备份');
  const file = path.resolve(from);
  if (!fs.existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  const env = cliBackupEnv(flags);
  const pid = runningAppPid(env.dataDir);
  if (pid !== null)
    throw new Error(
      `应用正在使用这个数据目录（进程 ${pid}）：请先关闭应用，或在应用的 设置 → 数据备份 中恢复`,
    );
  fs.mkdirSync(env.dataDir, { recursive: true });

  const passphraseFile = stringFlag(flags, 'passphrase-file');
  const passphrase = passphraseFile
    ? readPassphraseFile(passphraseFile)
    : savedPassphraseOrNull(env.runtime, loadBackupSettings(env.dataDir));
  const manifest = readManifest(path.dirname(file), path.basename(file));
  const now = new Date();
  const staging = stagingPath(env.runtime, 'restore', now);
  console.log(`正在读取并校验备份：${file}`);
  try {
    const staged = await stageBackup({
      file,
      stagingFile: staging,
      passphrase,
      expectedSha256: manifest?.sha256 ?? null,
    });
    if (staged.schemaAt !== null && staged.schemaAt > env.runtime.appSchemaAt)
      throw new Error('此备份由更新版本的程序创建，请先升级本程序再恢复');
    const counts = Object.entries(backupTableLabels)
      .map(([t, label]) => `${label} ${staged.counts[t] ?? 0}`)
      .join('，');
    console.log(`备份已通过校验${manifest ? `（备份时间 ${manifest.createdAt}）` : ''}：${counts}`);
    if (flags.yes !== true && !(await confirmed(env.dbFile))) {
      console.log('已取消，未做任何改动');
      return 1;
    }
    const files = await restoreDataFiles(env.dataDir, path.dirname(file), manifest?.files ?? [], passphrase);
    if (files.restored || files.missing)
      console.log(
        `附件文件：放回 ${files.restored} 个${files.missing ? `，${files.missing} 个在备份文件夹中缺失` : ''}`,
      );
    const hasCurrent = fs.existsSync(env.dbFile);
    const safetyCopy = safetyCopyPath(env.dbFile, now);
    // Opening migrates an older copy; if that fails the swap puts the previous database back.
    const reopen = () => {
      const db = openDatabase(env.dbFile);
      try {
        migrateDatabase(db, { dbFile: env.dbFile, now });
      } finally {
        db.$client.close();
      }
    };
    if (hasCurrent) swapDatabaseFile({ dbFile: env.dbFile, staged: staging, safetyCopy, reopen });
    else {
      fs.renameSync(staging, env.dbFile);
      reopen();
    }
    const db = openDatabase(env.dbFile);
    try {
      // Everyone signs in again on the restored data.
      db.$client.exec('delete from sessions');
      appendAudit(db.$client, {
        at: new Date().toISOString(),
        userId: null,
        username: 'npm run restore',
        action: 'backup.restored',
        entity: 'backup',
        entityId: path.basename(file),
        customerId: null,
        detail: JSON.stringify({
          backupCreatedAt: manifest?.createdAt ?? null,
          safetyCopy: hasCurrent ? safetyCopy : null,
          counts: staged.counts,
          files,
        }),
        client: 'script',
      });
    } finally {
      db.$client.close();
    }
    console.log(`已恢复：${env.dbFile}${hasCurrent ? `\n恢复前的数据另存为：${safetyCopy}` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof BackupJobError) {
      console.error(`${error.message}。未做任何改动。`);
      return 1;
    }
    throw error;
  } finally {
    fs.rmSync(staging, { force: true });
  }
}

async function confirmed(dbFile: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    console.error('请加 --yes 确认恢复（将替换当前数据库，原数据库会另存为安全副本）');
    return false;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`将用该备份替换 ${dbFile}（原数据库另存为安全副本）。输入 yes 确认：`);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
