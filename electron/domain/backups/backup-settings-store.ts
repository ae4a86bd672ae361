import fs from 'node:fs';
import path from 'node:path';
import type { BackupSettings } from '../../contract/backups';
import { backupSettingsSchema } from '../../contract/backups';

/*
 * The backup settings, in `backup-settings.json` in the data folder beside the database rather than in its
 * store_settings: restoring an older copy must not move the backups back to a folder (or a passphrase) of
 * that time, and the folder is a fact about this computer (its USB stick, its NAS mapping), not about the data.
 */

export const backupSettingsFileName = 'backup-settings.json';

export type StoredBackupSettings = BackupSettings & {
  /** The passphrase sealed with this computer's key (secret-store.ts); null when none was given. */
  passphraseSealed: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
};

export function backupSettingsFile(dataDir: string): string {
  return path.join(dataDir, backupSettingsFileName);
}

/** The saved settings with defaults filled in; a missing or unreadable file reads as the defaults. */
export function loadBackupSettings(dataDir: string): StoredBackupSettings {
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(fs.readFileSync(backupSettingsFile(dataDir), 'utf8')) as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(backupSettingsSchema.shape)) {
    const parsed = field.safeParse(raw[key]);
    out[key] = parsed.success ? parsed.data : field.parse(undefined);
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    ...(out as BackupSettings),
    passphraseSealed: text(raw.passphraseSealed),
    updatedAt: text(raw.updatedAt),
    updatedBy: text(raw.updatedBy),
  };
}

/** Written to a temporary file and renamed: a crash mid-write keeps the old settings. */
export function saveBackupSettings(dataDir: string, settings: StoredBackupSettings): void {
  const file = backupSettingsFile(dataDir);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settings, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
