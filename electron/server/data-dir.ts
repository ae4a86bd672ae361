import os from 'node:os';
import path from 'node:path';

export const dataDirEnv = 'DEALER_CRM_DATA_DIR';
export const databaseFileName = 'dealer-crm.sqlite';

/** Same folder Electron's `app.getPath('userData')` uses, so the browser mode and the desktop app share data. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'dealer-crm');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'dealer-crm');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'dealer-crm');
}

export function resolveDataDir(flag: string | undefined): string {
  return path.resolve(flag ?? process.env[dataDirEnv] ?? defaultDataDir());
}

export const keyDirEnv = 'DEALER_CRM_KEY_DIR';

/**
 * This computer's key folder (the key that seals the saved backup passphrase): beside the data folder, never
 * inside it, so a copy of the data folder does not carry it (electron/domain/backups/secret-store.ts).
 */
export function resolveKeyDir(dataDir: string, flag?: string): string {
  return path.resolve(flag ?? process.env[keyDirEnv] ?? `${path.resolve(dataDir)}-keys`);
}
