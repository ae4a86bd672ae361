import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decryptFile, encryptFile } from './backup-crypto';

/*
 * Files the database points at (complaint evidence today) live in folders beside it, not in it. A backup takes
 * them along into one shared store in the backup folder, named by the sha256 of their content: evidence never
 * changes once stored, so each file is copied once however many daily backups refer to it, and every backup's
 * manifest lists what it needs. Encrypted backups keep their files encrypted with the same passphrase.
 */

/** The data-folder subfolders whose files belong to the database (one entry per domain that stores files). */
export const dataFileFolders = ['complaint-files', 'event-files'] as const;

export const fileStoreFolder = 'dealer-crm-files';

export interface BackedUpFile {
  /** Relative to the data folder, with forward slashes. */
  path: string;
  sha256: string;
  sizeBytes: number;
  /** Name in the shared store: the hash, with `.enc` when stored encrypted. */
  blob: string;
}

const hashOf = async (file: string) => {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

function* walk(dir: string, rel: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const childRel = `${rel}/${e.name}`;
    if (e.isDirectory()) yield* walk(path.join(dir, e.name), childRel);
    // Half-written uploads (`.part`) are not evidence yet.
    else if (e.isFile() && !e.name.endsWith('.part')) yield childRel;
  }
}

/** Copies the data folder's files into the store (those not there already) and lists them for the manifest. */
export async function backUpDataFiles(
  dataDir: string,
  folder: string,
  passphrase: string | null,
): Promise<BackedUpFile[]> {
  const store = path.join(folder, fileStoreFolder);
  const out: BackedUpFile[] = [];
  for (const top of dataFileFolders) {
    for (const rel of walk(path.join(dataDir, top), top)) {
      const src = path.join(dataDir, rel);
      const sha256 = await hashOf(src);
      const blob = passphrase ? `${sha256}.enc` : sha256;
      const dest = path.join(store, blob);
      if (!fs.existsSync(dest)) {
        fs.mkdirSync(store, { recursive: true });
        const partial = `${dest}.${process.pid}.part`;
        fs.rmSync(partial, { force: true });
        if (passphrase) await encryptFile(src, partial, passphrase);
        else fs.copyFileSync(src, partial);
        fs.renameSync(partial, dest);
      }
      out.push({ path: rel, sha256, sizeBytes: fs.statSync(src).size, blob });
    }
  }
  return out;
}

/** The listed files whose stored copy is missing from the backup folder. */
export function missingBlobs(folder: string, files: readonly BackedUpFile[]): BackedUpFile[] {
  return files.filter((f) => !fs.existsSync(path.join(folder, fileStoreFolder, f.blob)));
}

/** A path from a manifest is only ever written inside one of the data file folders. */
function safeTarget(dataDir: string, rel: string): string | null {
  const target = path.resolve(dataDir, rel);
  return dataFileFolders.some((top) => target.startsWith(path.resolve(dataDir, top) + path.sep))
    ? target
    : null;
}

export interface RestoredFiles {
  restored: number;
  missing: number;
}

/**
 * Puts the backup's files back into the data folder: a file already there with the right content is kept, a
 * missing or different one is written from the store (checked against its hash first). Files that cannot be
 * had are counted, not fatal: the database is still the store's record, and the ticket says the file is gone.
 */
export async function restoreDataFiles(
  dataDir: string,
  folder: string,
  files: readonly BackedUpFile[],
  passphrase: string | null,
): Promise<RestoredFiles> {
  let restored = 0;
  let missing = 0;
  for (const f of files) {
    const target = safeTarget(dataDir, f.path);
    if (!target) {
      missing++;
      continue;
    }
    if (fs.existsSync(target) && (await hashOf(target)) === f.sha256) continue;
    const blob = path.join(folder, fileStoreFolder, f.blob);
    const partial = `${target}.${process.pid}.part`;
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.rmSync(partial, { force: true });
      if (f.blob.endsWith('.enc')) {
        if (!passphrase) throw new Error('no passphrase');
        await decryptFile(blob, partial, passphrase);
      } else fs.copyFileSync(blob, partial);
      if ((await hashOf(partial)) !== f.sha256) throw new Error('hash mismatch');
      fs.renameSync(partial, target);
      restored++;
    } catch {
      fs.rmSync(partial, { force: true });
      missing++;
    }
  }
  return { restored, missing };
}

/** Removes stored files no remaining backup lists (after retention removed the backups that did). */
export function pruneFileStore(folder: string, stillListed: Iterable<BackedUpFile>): number {
  const store = path.join(folder, fileStoreFolder);
  const keep = new Set<string>();
  for (const f of stillListed) keep.add(f.blob);
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(store);
  } catch {
    return 0;
  }
  for (const n of names) {
    if (keep.has(n)) continue;
    fs.rmSync(path.join(store, n), { force: true });
    removed++;
  }
  return removed;
}
