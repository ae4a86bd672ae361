import fs from 'node:fs';
import path from 'node:path';
import type { BackupRetention } from '../../contract/backups';
import { pruneFileStore } from './backup-files';
import { partialSuffix } from './backup-names';
import { listBackupFolder, manifestPath, storeDateOf } from './backup-manifest';
import { selectRetained } from './retention';

const failedKeptMs = 14 * 86_400_000;
const stalePartialMs = 86_400_000;

/**
 * Applies the retention rule to the good copies in the folder (a file without a manifest was put there by
 * someone else, and is left alone); failed attempts' records go after two weeks, a half-written copy after a
 * day. Returns the names removed.
 */
export function pruneBackups(folder: string, retention: BackupRetention, now: Date): string[] {
  const listed = listBackupFolder(folder);
  const good = listed.filter((b) => b.manifest?.result === 'ok' && b.fileSize !== null);
  const keep = selectRetained(
    good.map((b) => ({ name: b.name, storeDate: storeDateOf(b), createdAt: b.manifest!.createdAt })),
    retention,
  );
  const removed: string[] = [];
  for (const b of good) {
    if (keep.has(b.name)) continue;
    fs.rmSync(path.join(folder, b.name), { force: true });
    fs.rmSync(manifestPath(folder, b.name), { force: true });
    removed.push(b.name);
  }
  for (const b of listed) {
    if (b.manifest?.result !== 'failed' || b.fileSize !== null) continue;
    if (now.getTime() - Date.parse(b.manifest.createdAt) > failedKeptMs) {
      fs.rmSync(manifestPath(folder, b.name), { force: true });
      removed.push(b.name);
    }
  }
  for (const n of fs.readdirSync(folder)) {
    if (!n.endsWith(partialSuffix) || !n.startsWith('dealer-crm-')) continue;
    const file = path.join(folder, n);
    if (now.getTime() - fs.statSync(file).mtimeMs > stalePartialMs) fs.rmSync(file, { force: true });
  }
  // Only when every kept copy's list could be read: a damaged manifest must not cost another copy its files.
  const kept = listBackupFolder(folder).filter((b) => b.fileSize !== null);
  if (kept.every((b) => b.manifest))
    pruneFileStore(
      folder,
      kept.flatMap((b) => b.manifest?.files ?? []),
    );
  return removed;
}
