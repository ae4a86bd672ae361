import { wallClockAt, hmOfMinute } from '../../common/store-time';
import { storeTimeZone } from '../clock';

/** Backup files: `dealer-crm-YYYYMMDD-HHmmss[-n].sqlite`, `.sqlite.enc` when encrypted; store time in the name. */
export const backupNamePattern = /^dealer-crm-(\d{8})-(\d{6})(?:-\d+)?\.sqlite(\.enc)?$/;

/** The manifest beside each backup (and the only trace of a failed attempt). */
export const manifestSuffix = '.json';
/** A copy still being written; never listed, removed when found stale. */
export const partialSuffix = '.partial';

export function isBackupName(name: string): boolean {
  return backupNamePattern.test(name);
}

/** The name for a copy made at `at`, unique in the folder (`taken` says which names exist). */
export function backupNameAt(at: Date, encrypted: boolean, taken: (name: string) => boolean): string {
  const wall = wallClockAt(at.getTime(), storeTimeZone());
  const seconds = String(at.getUTCSeconds()).padStart(2, '0');
  const stamp = `${wall.date.replace(/-/g, '')}-${hmOfMinute(wall.minute).replace(':', '')}${seconds}`;
  const ext = encrypted ? '.sqlite.enc' : '.sqlite';
  let name = `dealer-crm-${stamp}${ext}`;
  for (let n = 2; taken(name) || taken(name + manifestSuffix); n++) name = `dealer-crm-${stamp}-${n}${ext}`;
  return name;
}
