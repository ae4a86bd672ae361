import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The WAL checkpoint, off the request thread: its own connection copies committed pages back into the database
 * file every few hundred milliseconds (PASSIVE: it never waits for, nor blocks, the server's readers and
 * writers), so a commit never pays for a checkpoint and its fsync (10–20 ms at scale L, every 20–30th visit).
 */
interface CheckpointWorkerData {
  file: string;
  nativeBinding?: string;
  everyMs: number;
}

const data = workerData as CheckpointWorkerData;
const db = new Database(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('pragma wal_checkpoint(passive)');
const timer = setInterval(() => {
  try {
    checkpoint.run();
  } catch {
    // Busy or locked (a restore closing the file): the next tick tries again; the server's own fallback holds.
  }
}, data.everyMs);
parentPort?.on('message', (m: unknown) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.postMessage('stopped');
  parentPort?.close();
});
