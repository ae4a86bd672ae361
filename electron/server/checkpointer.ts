import type Database from 'better-sqlite3';
import { startWorkerThread } from '../domain/worker-thread';

export interface Checkpointer {
  /** Ends the worker and its connection (before the file is swapped or closed). */
  stop(): Promise<void>;
}

/**
 * Past this many WAL pages the server's own connection checkpoints after all (SQLite's automatic checkpoint,
 * 1000 pages by default): a fallback for a worker that died or cannot keep up, not the usual path.
 */
const fallbackPages = 20_000;

/**
 * Moves the WAL checkpoint into a worker thread (checkpoint-worker.ts). If the worker cannot start, the server
 * keeps SQLite's automatic checkpoint and says so in the log.
 */
export function startCheckpointer(
  sqlite: Database.Database,
  file: string,
  opts: { nativeBinding?: string; everyMs?: number; log?: (message: string, error?: unknown) => void },
): Checkpointer {
  let exited = false;
  const worker = startWorkerThread(import.meta.url, 'checkpoint-worker', {
    file,
    nativeBinding: opts.nativeBinding,
    everyMs: opts.everyMs ?? 250,
  });
  // The worker must not keep a stopping process alive.
  worker.unref();
  const autoPages = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${fallbackPages}`);
  const fallBack = (error?: unknown) => {
    if (exited) return;
    exited = true;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autoPages}`);
    if (error) opts.log?.('后台检查点线程异常退出，改由主线程自动检查点', error);
  };
  worker.on('error', (error) => fallBack(error));
  worker.on('exit', () => fallBack());
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
