import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupCryptoError, decryptFile, encryptFile, isEncryptedBackup } from './backup-crypto';
import type { BackedUpFile } from './backup-files';
import { backUpDataFiles } from './backup-files';
import { partialSuffix } from './backup-names';
import type { DatabaseCheck } from './database-check';
import { BackupCheckError, checkDatabaseFile } from './database-check';
import { fileErrorMessage } from './folder-check';

/*
 * The two heavy jobs, as plain async functions of plain data: making a backup, and reading one back into a
 * checked file (to verify it, or to restore it). The server runs them in a worker thread (backup-worker.ts)
 * so a gigabyte's copy, integrity check and encryption never hold up the workstations; the scripts run them
 * directly.
 */

export type BackupJobFailure = 'corrupt' | 'wrong_passphrase' | 'need_passphrase' | 'not_ours' | 'io';

export class BackupJobError extends Error {
  constructor(
    readonly reason: BackupJobFailure,
    message: string,
  ) {
    super(message);
    this.name = 'BackupJobError';
  }
}

export interface MakeBackupJob {
  dbFile: string;
  folder: string;
  /** The final file name in the folder (backup-names.ts). */
  name: string;
  /** A local folder for the plain copy an encrypted backup is made from (the data folder). */
  workDir: string;
  passphrase: string | null;
  nativeBinding?: string;
}

export interface MadeBackup extends DatabaseCheck {
  sizeBytes: number;
  sha256: string;
  /** The data folder's files the copy refers to, stored beside it (backup-files.ts). */
  files: BackedUpFile[];
}

const chunkBytes = 1 << 20;

async function hashFile(file: string, hash: Hash = createHash('sha256')): Promise<string> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: chunkBytes }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A consistent copy of the live database with SQLite's online backup API on a connection of its own, in one
 * step: the step reads one snapshot, so writers on the app's connection carry on (WAL) and the copy is never
 * restarted by them; pages are copied as they are, so every row keeps its rowid. The copy is checked
 * (integrity_check, row counts) before it counts as a backup, then encrypted if a passphrase is given and read
 * back (its tag checked) from the backup folder. The file appears under its final name only when all of that
 * passed.
 */
export async function makeBackup(job: MakeBackupJob): Promise<MadeBackup> {
  const final = path.join(job.folder, job.name);
  const partial = final + partialSuffix;
  const work = job.passphrase ? path.join(job.workDir, `.backup-work-${job.name}.sqlite`) : partial;
  const cleanup = () => {
    for (const f of new Set([partial, work])) fs.rmSync(f, { force: true });
  };
  cleanup();
  try {
    fs.accessSync(job.folder, fs.constants.W_OK);
    const source = new Database(job.dbFile, {
      fileMustExist: true,
      ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
    });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(work, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const check = checkDatabaseFile(work, job.nativeBinding);
    let sha256: string;
    if (job.passphrase) {
      sha256 = await encryptFile(work, partial, job.passphrase);
      // Read back what reached the folder: a USB stick that lost a byte is found now, not on restore day.
      const readBack = createHash('sha256');
      await decryptFile(partial, null, job.passphrase, readBack);
      if (readBack.digest('hex') !== sha256)
        throw new BackupJobError('corrupt', '读回备份文件时校验值不符，备份盘可能有问题');
      fs.rmSync(work, { force: true });
    } else {
      fsyncFile(partial);
      sha256 = await hashFile(partial);
    }
    // After the database: every file a copied row points at was written before its row was committed.
    const files = await backUpDataFiles(job.workDir, job.folder, job.passphrase);
    fs.renameSync(partial, final);
    return {
      ...check,
      counts: { ...check.counts, data_files: files.length },
      sizeBytes: fs.statSync(final).size,
      sha256,
      files,
    };
  } catch (error) {
    cleanup();
    throw asJobError(error);
  }
}

export interface StageBackupJob {
  file: string;
  /** Where the checked plain database is written (must not exist). */
  stagingFile: string;
  passphrase: string | null;
  /** From the manifest, when there is one: any changed byte is found even where SQLite would not notice. */
  expectedSha256: string | null;
  nativeBinding?: string;
}

export interface StagedBackup extends DatabaseCheck {
  encrypted: boolean;
}

/**
 * Reads a backup into `stagingFile` and checks it: checksum against the manifest, passphrase and GCM tag when
 * encrypted, integrity_check and row counts of the result, and that it is a Dealer CRM database. On any failure
 * the staging file is removed and a BackupJobError says why; nothing else is touched.
 */
export async function stageBackup(job: StageBackupJob): Promise<StagedBackup> {
  const corrupt = (why: string) => new BackupJobError('corrupt', `备份文件已损坏（${why}），不能使用`);
  try {
    const encrypted = isEncryptedBackup(job.file);
    const hash = createHash('sha256');
    if (encrypted) {
      if (!job.passphrase) throw new BackupJobError('need_passphrase', '这是加密备份，请输入备份密码');
      try {
        await decryptFile(job.file, job.stagingFile, job.passphrase, hash);
      } catch (error) {
        if (!(error instanceof BackupCryptoError)) throw error;
        // A damaged header also fails the key check: the checksum tells that apart from a wrong passphrase.
        if (
          error.reason === 'wrong_passphrase' &&
          job.expectedSha256 &&
          (await hashFile(job.file)) !== job.expectedSha256
        )
          throw corrupt('校验值不符');
        if (error.reason === 'wrong_passphrase')
          throw new BackupJobError('wrong_passphrase', '备份密码不正确');
        throw corrupt('解密校验未通过');
      }
    } else {
      const out = await fs.promises.open(job.stagingFile, 'wx');
      try {
        for await (const chunk of fs.createReadStream(job.file, { highWaterMark: chunkBytes })) {
          hash.update(chunk as Buffer);
          await out.write(chunk as Buffer);
        }
        await out.sync();
      } finally {
        await out.close();
      }
    }
    if (job.expectedSha256 && hash.digest('hex') !== job.expectedSha256) throw corrupt('校验值不符');
    return { ...checkDatabaseFile(job.stagingFile, job.nativeBinding), encrypted };
  } catch (error) {
    fs.rmSync(job.stagingFile, { force: true });
    throw asJobError(error);
  }
}

function asJobError(error: unknown): BackupJobError {
  if (error instanceof BackupJobError) return error;
  if (error instanceof BackupCheckError)
    return new BackupJobError(
      error.reason,
      error.reason === 'corrupt' ? `备份文件已损坏（${error.message}），不能使用` : error.message,
    );
  if ((error as NodeJS.ErrnoException | null)?.code) return new BackupJobError('io', fileErrorMessage(error));
  return new BackupJobError('io', `备份失败：${error instanceof Error ? error.message : String(error)}`);
}
