import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { databaseFileName } from '../../electron/server/data-dir';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

export const benchSeed = 20261122;
export const benchNow = new Date('2026-11-22T09:00:00+08:00');

const repo = path.resolve(import.meta.dirname, '../..');

/** Schema and generator together decide the data: a change to either gets a fresh database. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['db/migrations', 'electron/domain/demo']) {
    for (const name of fs.readdirSync(path.join(repo, dir), { recursive: true }).map(String).sort()) {
      const file = path.join(repo, dir, name);
      if (fs.statSync(file).isFile()) hash.update(fs.readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 10);
}

/** The scale's cached database for this schema if it is complete; never generates. */
export function benchDataDirIfReady(scale: 'S' | 'M' | 'L'): string | null {
  const root = process.env.DEALER_CRM_BENCH_DIR ?? path.join(os.tmpdir(), 'dealer-crm-bench');
  const dir = path.join(root, `scale-${scale}-${inputsHash()}`);
  return fs.existsSync(path.join(dir, 'complete')) ? dir : null;
}

/**
 * A demo database per scale under the temp folder, generated once and reused by later runs
 * (a marker file is written only after generation finished, so an interrupted run starts over).
 */
export function benchDataDir(scale: 'S' | 'M' | 'L', log: (line: string) => void): string {
  const root = process.env.DEALER_CRM_BENCH_DIR ?? path.join(os.tmpdir(), 'dealer-crm-bench');
  const dir = path.join(root, `scale-${scale}-${inputsHash()}`);
  const marker = path.join(dir, 'complete');
  if (fs.existsSync(marker)) return dir;
  // Another run generating the same database: wait for its marker instead of deleting its work.
  const lock = `${dir}.lock`;
  fs.mkdirSync(root, { recursive: true });
  if (!takeLock(lock)) {
    log(`  另一个基准测试进程正在生成 ${scale} 数据库，等待其完成…`);
    while (!fs.existsSync(marker)) {
      if (!fs.existsSync(lock)) return benchDataDir(scale, log);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
    return dir;
  }
  try {
    return generate(dir, marker, scale, log);
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** The lock is a file holding the owner's pid; one left by a process that no longer runs is taken over. */
function takeLock(lock: string): boolean {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    try {
      process.kill(owner, 0);
      return false;
    } catch {
      fs.rmSync(lock, { force: true });
      return takeLock(lock);
    }
  }
}

function generate(dir: string, marker: string, scale: 'S' | 'M' | 'L', log: (line: string) => void): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, databaseFileName);
  const db = openDatabase(file);
  migrateDatabase(db, { dbFile: file });
  const t0 = performance.now();
  let lastShown = 0;
  const counts = generateDemo(db, {
    scale,
    seed: benchSeed,
    now: benchNow,
    onProgress: (done, total) => {
      if (performance.now() - lastShown > 5000) {
        lastShown = performance.now();
        log(`  生成 ${scale}: ${done}/${total}`);
      }
    },
  });
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.exec('ANALYZE');
  db.$client.close();
  log(
    `  scale ${scale} generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`,
  );
  fs.writeFileSync(marker, JSON.stringify(counts));
  return dir;
}
