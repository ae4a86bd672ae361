import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportWorkerData } from './import-worker-protocol';

/**
 * Starts import-worker in a worker thread. From source (tsx, vitest) the worker registers tsx's loader before
 * importing the TypeScript entry — Node 20 ignores `--import` in a worker's execArgv. From the electron-vite
 * bundle it loads `import-worker.js` beside the main bundle, which needs that file as a second entry of the main
 * build: `rollupOptions.input['import-worker'] = 'electron/domain/imports/import-worker.ts'`.
 */
export function launchImportWorker(data: Omit<ImportWorkerData, 'nativeBinding'>): Worker {
  const workerData: ImportWorkerData = { ...data, nativeBinding: nativeBinding() };
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./import-worker.js', here), { workerData });
  const entry = new URL('./import-worker.ts', here).href;
  const tsxApi = createRequire(fileURLToPath(here))
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};
register();
await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData,
    execArgv: [],
  });
}

/** The same better-sqlite3 build main uses: Electron's ABI in the packaged app (see electron/shell/main.ts). */
function nativeBinding(): string | undefined {
  if (process.env.DEALER_CRM_SQLITE_BINDING) return process.env.DEALER_CRM_SQLITE_BINDING;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (!process.versions.electron || !resources) return undefined;
  const file = path.join(resources, 'native', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
