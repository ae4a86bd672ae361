import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupTrigger } from '../../contract/backups';
import { backupTriggers } from '../../contract/backups';
import { storeDate, storeDateTimeLabel } from '../clock';
import type { BackedUpFile } from './backup-files';
import { isBackupName, manifestSuffix } from './backup-names';

/**
 * What is known about one backup, written as `<file>.json` beside it in the backup folder. The folder, not
 * the database, is the catalogue: a table inside the database would be rolled back by restoring an older
 * copy (forgetting every later backup, the safety copy's source included), and would not travel with the
 * files when the USB stick or NAS folder is read on another computer. One small file per backup means a
 * damaged manifest loses one entry, never the list.
 */
export interface BackupManifest {
  format: 1;
  name: string;
  createdAt: string;
  /** The store's calendar date of `createdAt` (what retention counts in). */
  storeDate: string;
  trigger: BackupTrigger;
  result: 'ok' | 'failed';
  error: string | null;
  encrypted: boolean;
  sizeBytes: number | null;
  durationMs: number;
  /** sha256 of the file as stored: a flipped byte anywhere is found before a restore. */
  sha256: string | null;
  counts: Record<string, number> | null;
  /** created_at of the newest migration in the copy: a copy newer than the app cannot be restored. */
  schemaAt: number | null;
  appVersion: string;
  /** Files of the data folder this copy needs, in the folder's shared file store; absent in older manifests. */
  files?: BackedUpFile[];
}

export function manifestPath(folder: string, name: string): string {
  return path.join(folder, name + manifestSuffix);
}

/** Written to a temporary name and renamed, so a crash never leaves half a manifest. */
export function writeManifest(folder: string, manifest: BackupManifest): void {
  const file = manifestPath(folder, manifest.name);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 2));
  fs.renameSync(tmp, file);
}

export function readManifest(folder: string, name: string): BackupManifest | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifestPath(folder, name), 'utf8')) as BackupManifest;
    return parsed.format === 1 && parsed.name === name ? parsed : null;
  } catch {
    return null;
  }
}

export interface ListedBackup {
  name: string;
  manifest: BackupManifest | null;
  /** Size on disk; null when the file is gone (a failed attempt, or deleted by hand). */
  fileSize: number | null;
  mtime: Date | null;
}

/** Every backup (file or failed attempt's manifest) in the folder, newest first. */
export function listBackupFolder(folder: string): ListedBackup[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const present = new Set(names);
  const seen = new Set<string>();
  for (const n of names) {
    if (isBackupName(n)) seen.add(n);
    else if (n.endsWith(manifestSuffix) && isBackupName(n.slice(0, -manifestSuffix.length)))
      seen.add(n.slice(0, -manifestSuffix.length));
  }
  const out: ListedBackup[] = [];
  for (const name of seen) {
    let fileSize: number | null = null;
    let mtime: Date | null = null;
    if (present.has(name)) {
      try {
        const st = fs.statSync(path.join(folder, name));
        fileSize = st.size;
        mtime = st.mtime;
      } catch {
        // Removed between the listing and the stat: shown from its manifest alone.
      }
    }
    out.push({
      name,
      manifest: present.has(name + manifestSuffix) ? readManifest(folder, name) : null,
      fileSize,
      mtime,
    });
  }
  return out.sort((a, b) => createdAtOf(b).localeCompare(createdAtOf(a)));
}

export function createdAtOf(b: ListedBackup): string {
  return b.manifest?.createdAt ?? b.mtime?.toISOString() ?? '';
}

/** The store date a listed backup counts under for retention. */
export function storeDateOf(b: ListedBackup): string {
  return b.manifest?.storeDate ?? storeDate(new Date(createdAtOf(b)));
}

export function toEntry(b: ListedBackup): BackupEntry {
  const m = b.manifest;
  const createdAt = createdAtOf(b);
  // A manifest that says ok but whose file has gone is no longer a usable backup.
  const result = !m ? 'unchecked' : m.result === 'ok' && b.fileSize === null ? 'failed' : m.result;
  return {
    name: b.name,
    createdAt,
    label: createdAt ? storeDateTimeLabel(new Date(createdAt)) : '—',
    trigger: m && backupTriggers.includes(m.trigger) ? m.trigger : 'script',
    result,
    error: m?.result === 'ok' && b.fileSize === null ? '备份文件已不在文件夹中' : (m?.error ?? null),
    encrypted: m?.encrypted ?? b.name.endsWith('.enc'),
    sizeBytes: b.fileSize ?? m?.sizeBytes ?? null,
    durationMs: m?.durationMs ?? null,
    counts: m?.counts ?? null,
  };
}
