import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';

const sidecars = ['-wal', '-shm', '-journal'];

function moveWithSidecars(from: string, to: string): void {
  fs.renameSync(from, to);
  for (const s of sidecars) if (fs.existsSync(from + s)) fs.renameSync(from + s, to + s);
}

function removeWithSidecars(file: string): void {
  for (const s of ['', ...sidecars]) fs.rmSync(file + s, { force: true });
}

/** `backups/dealer-crm-before-restore-<time>.sqlite` beside the database, like the before-migration copies. */
export function safetyCopyPath(dbFile: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(
    path.dirname(dbFile),
    'backups',
    `${path.basename(dbFile, '.sqlite')}-before-restore-${stamp}.sqlite`,
  );
}

/**
 * Puts a checked copy in place of the database file. The caller has closed the database (checkpointed, so the
 * file is complete on its own); the file in use is moved to the safety copy (a rename on the same disk: nothing
 * is lost if the machine stops half-way), the copy takes its name, and `reopen` opens it. If reopening fails
 * (a migration of the older copy, say) the database that was in use is put back and reopened, and the error
 * says so.
 */
export function swapDatabaseFile(args: {
  dbFile: string;
  staged: string;
  safetyCopy: string;
  reopen: () => void;
}): void {
  const { dbFile, staged, safetyCopy, reopen } = args;
  try {
    fs.mkdirSync(path.dirname(safetyCopy), { recursive: true });
    moveWithSidecars(dbFile, safetyCopy);
  } catch (error) {
    // Nothing was swapped (on Windows a file another program holds open cannot be moved): carry on as before.
    if (!fs.existsSync(dbFile) && fs.existsSync(safetyCopy)) moveWithSidecars(safetyCopy, dbFile);
    reopen();
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'conflict',
      `数据库文件正被其他程序使用（例如正在运行的 npm run backup），未做任何改动，请稍后再试。原因：${reason}`,
    );
  }
  try {
    fs.renameSync(staged, dbFile);
    reopen();
  } catch (error) {
    removeWithSidecars(dbFile);
    moveWithSidecars(safetyCopy, dbFile);
    reopen();
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('internal', `恢复失败，已换回恢复前的数据，未做任何改动。原因：${reason}`);
  }
}
