import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../worker-thread';
import type { ImportWorkerData } from './import-worker-protocol';

/** Starts import-worker in a worker thread (an entry of the main build: electron.vite.config.ts). */
export function launchImportWorker(data: Omit<ImportWorkerData, 'nativeBinding'>): Worker {
  const workerData: ImportWorkerData = { ...data, nativeBinding: nativeBinding() };
  return startWorkerThread(import.meta.url, 'import-worker', workerData);
}

/** The same better-sqlite3 build main uses: Electron's ABI in the packaged app (see electron/shell/main.ts). */
export function nativeBinding(): string | undefined {
  if (process.env.DEALER_CRM_SQLITE_BINDING) return process.env.DEALER_CRM_SQLITE_BINDING;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (!process.versions.electron || !resources) return undefined;
  const file = path.join(resources, 'native', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
