import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/*
 * The backup passphrase, kept so the daily copy at 23:00 can be encrypted with nobody at the keyboard.
 *
 * Asking for it at backup time would leave an unattended store with no backups; keeping only a verifier would
 * not let the app encrypt at all. So it is kept sealed (AES-256-GCM) with a random key in a file of this
 * computer's, `backup-passphrase.key` in the key folder (by default beside the data folder, never in it, never in
 * the backup folder). What that protects against is what a store risks: the backup stick and the backup folder
 * hold only encrypted copies and no key; a copy of the data folder or of its settings file (sent to support,
 * copied to a new PC) carries a sealed passphrase it cannot open. It does not protect against someone with this
 * computer's account, who can read the database itself anyway. The key file is created readable by this
 * user only (0600; on Windows it sits in the user's profile). Losing it only means typing the passphrase again.
 */

const keyFileName = 'backup-passphrase.key';

export function keyFilePath(keyDir: string): string {
  return path.join(keyDir, keyFileName);
}

function machineKey(keyDir: string, create: boolean): Buffer | null {
  const file = keyFilePath(keyDir);
  try {
    const key = fs.readFileSync(file);
    if (key.length === 32) return key;
  } catch {
    // Not there yet.
  }
  if (!create) return null;
  fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** Seals the passphrase with this computer's key (made on first use): base64 of iv | tag | ciphertext. */
export function sealPassphrase(keyDir: string, passphrase: string): string {
  const key = machineKey(keyDir, true)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(passphrase, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The passphrase, or null when this computer's key is missing or is not the one it was sealed with. */
export function unsealPassphrase(keyDir: string, sealed: string): string | null {
  const key = machineKey(keyDir, false);
  if (!key) return null;
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
