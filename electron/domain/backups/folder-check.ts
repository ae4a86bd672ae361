import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';

const fieldError = (message: string) => new AppError('validation', message, { fields: { folder: message } });

/** Chinese for the file-system errors staff meet with a backup folder (a pulled USB stick, a full disk…). */
export function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return '备份文件夹不存在（U 盘或网络盘是否已拔出或断开？）';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '没有写入备份文件夹的权限（或该磁盘只读）';
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return '备份文件夹所在磁盘空间不足';
    case 'EIO':
      return '读写备份文件夹时出现磁盘错误';
    default:
      return `读写备份文件夹失败：${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Checks that `folder` can hold backups: an absolute path to an existing folder this app can write to (a probe
 * file is written and removed), not the data folder itself. Returns warnings that do not stop saving.
 */
export function checkBackupFolder(folder: string, dataDir: string): string[] {
  if (!path.isAbsolute(folder))
    throw fieldError('请填写完整路径，例如 D:\\CRM备份、\\\\NAS\\备份 或 /media/usb/crm-backup');
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch {
    throw fieldError('该文件夹不存在，请先创建它（或插入 U 盘、连接网络盘）再保存');
  }
  if (!st.isDirectory()) throw fieldError('该路径是一个文件，不是文件夹');
  const resolved = path.resolve(folder);
  if (resolved === path.resolve(dataDir))
    throw fieldError('备份文件夹不能是数据目录本身，请选择另一块硬盘、U 盘或网络共享上的文件夹');
  const probe = path.join(folder, `.dealer-crm-write-test-${randomBytes(4).toString('hex')}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    throw fieldError(`无法写入该文件夹：${fileErrorMessage(error)}`);
  }
  const warnings: string[] = [];
  try {
    if (fs.statSync(dataDir).dev === st.dev)
      warnings.push(
        '备份文件夹与数据库在同一块磁盘上：这块磁盘损坏时备份会一同丢失，建议改用另一块硬盘、U 盘或网络共享',
      );
  } catch {
    // The data folder is always there while the app runs; nothing to compare otherwise.
  }
  return warnings;
}
