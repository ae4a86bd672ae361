import type { Hash } from 'node:crypto';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';

/*
 * Encrypted backup file, version 1:
 *   magic "DCRMBAK\0" (8) | version (1) | scrypt log2 N (1) | r (1) | p (1) | salt (16) | iv (12) | key check (16)
 *   | AES-256-GCM ciphertext of the SQLite file | GCM tag (16)
 * The key is scrypt(passphrase, salt). The whole header is the GCM additional data, so a changed header fails
 * like a changed byte of data. The key check (HMAC of a constant under the key) tells a wrong passphrase
 * apart from a damaged file before anything is decrypted. Files are processed in 1 MiB chunks: memory use
 * does not grow with the database.
 */

const magic = Buffer.from('DCRMBAK\0', 'latin1');
const version = 1;
const saltLength = 16;
const ivLength = 12;
const checkLength = 16;
const tagLength = 16;
export const headerLength = magic.length + 4 + saltLength + ivLength + checkLength;
const chunkBytes = 1 << 20;
/** scrypt N = 2^15, r = 8, p = 1: ~32 MiB and ~0.1 s per derivation (OWASP's minimum is N = 2^17 with r 8/p 1 for
 * passwords stored online; a backup passphrase is derived once per file, so the cost is kept modest for restores
 * on an older store PC while still far above a plain hash). */
const kdf = { log2N: 15, r: 8, p: 1 };

export type CryptoFailure = 'wrong_passphrase' | 'corrupt' | 'not_encrypted';

export class BackupCryptoError extends Error {
  constructor(readonly reason: CryptoFailure) {
    super(reason);
    this.name = 'BackupCryptoError';
  }
}

function deriveKey(passphrase: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('dealer-crm backup key check').digest().subarray(0, checkLength);
}

/** True when the file starts like an encrypted backup. */
export function isEncryptedBackup(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(magic);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Encrypts `src` into the new file `dest` (which must not exist). Returns the sha256 of what was written, for
 * the manifest.
 */
export async function encryptFile(src: string, dest: string, passphrase: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const iv = randomBytes(ivLength);
  const key = await deriveKey(passphrase, salt, kdf.log2N, kdf.r, kdf.p);
  const header = Buffer.concat([
    magic,
    Buffer.from([version, kdf.log2N, kdf.r, kdf.p]),
    salt,
    iv,
    keyCheck(key),
  ]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const hash = createHash('sha256');
  const out = await fs.promises.open(dest, 'wx');
  try {
    const write = async (b: Buffer) => {
      if (b.length === 0) return;
      hash.update(b);
      await out.write(b);
    };
    await write(header);
    for await (const chunk of fs.createReadStream(src, { highWaterMark: chunkBytes })) {
      await write(cipher.update(chunk as Buffer));
    }
    await write(cipher.final());
    await write(cipher.getAuthTag());
    await out.sync();
  } finally {
    await out.close();
  }
  return hash.digest('hex');
}

/**
 * Decrypts `src` into the new file `dest` (or only checks it when `dest` is null). Throws BackupCryptoError:
 * `wrong_passphrase` when the key check fails, `corrupt` when the tag does not match (any byte changed),
 * `not_encrypted` when the file is not in this format. `hash` receives every byte of `src` as read.
 * A partly written `dest` is removed on failure: nothing unverified is left behind.
 */
export async function decryptFile(
  src: string,
  dest: string | null,
  passphrase: string,
  hash: Hash | null = null,
): Promise<void> {
  const size = (await fs.promises.stat(src)).size;
  const input = await fs.promises.open(src, 'r');
  let header: Buffer;
  let tag: Buffer;
  try {
    if (size < headerLength + tagLength)
      throw new BackupCryptoError(size >= magic.length ? 'corrupt' : 'not_encrypted');
    header = Buffer.alloc(headerLength);
    await input.read(header, 0, headerLength, 0);
    tag = Buffer.alloc(tagLength);
    await input.read(tag, 0, tagLength, size - tagLength);
  } finally {
    await input.close();
  }
  if (!header.subarray(0, magic.length).equals(magic)) throw new BackupCryptoError('not_encrypted');
  let at = magic.length;
  const [v, log2N, r, p] = header.subarray(at, (at += 4));
  if (v !== version || !log2N || log2N > 20 || !r || r > 32 || !p || p > 4)
    throw new BackupCryptoError('corrupt');
  const salt = header.subarray(at, (at += saltLength));
  const iv = header.subarray(at, (at += ivLength));
  const check = header.subarray(at, (at += checkLength));
  const key = await deriveKey(passphrase, salt, log2N, r, p);
  if (!timingSafeEqual(keyCheck(key), check)) throw new BackupCryptoError('wrong_passphrase');

  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  hash?.update(header);
  const out = dest ? await fs.promises.open(dest, 'wx') : null;
  let ok = false;
  try {
    const end = size - tagLength - 1;
    const body =
      end >= headerLength
        ? fs.createReadStream(src, { start: headerLength, end, highWaterMark: chunkBytes })
        : [];
    for await (const chunk of body) {
      hash?.update(chunk as Buffer);
      const plain = decipher.update(chunk as Buffer);
      if (out && plain.length) await out.write(plain);
    }
    hash?.update(tag);
    let last: Buffer;
    try {
      last = decipher.final();
    } catch {
      throw new BackupCryptoError('corrupt');
    }
    if (out && last.length) await out.write(last);
    await out?.sync();
    ok = true;
  } finally {
    await out?.close();
    if (!ok && dest) await fs.promises.rm(dest, { force: true });
  }
}
