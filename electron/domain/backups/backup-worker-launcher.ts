import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MadeBackup, MakeBackupJob, StageBackupJob, StagedBackup } from './backup-jobs';
import { BackupJobError } from './backup-jobs';
import type { BackupWorkerData, BackupWorkerMessage } from './backup-worker-protocol';

/**
 * Starts backup-worker in a worker thread, the way the import worker is started (see
 * import-worker-launcher.ts): from source it registers tsx first, from the electron-vite bundle it loads
 * `backup-worker.js`, a second entry of the main build.
 */
function launch(workerData: BackupWorkerData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./backup-worker.js', here), { workerData });
  const entry = new URL('./backup-worker.ts', here).href;
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

function run<T>(data: BackupWorkerData): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    const worker = launch(data);
    worker.on('message', (m: BackupWorkerMessage) => {
      if (m.type === 'done') settle(() => resolve(m.result as T));
      else {
        if (m.debug) console.error('[dealer-crm] backup worker failed', m.debug);
        settle(() => reject(new BackupJobError(m.reason, m.message)));
      }
    });
    worker.on('error', (error) => {
      console.error('[dealer-crm] backup worker crashed', error);
      settle(() => reject(new BackupJobError('io', '备份进程意外退出，请重试')));
    });
    worker.on('exit', (code) =>
      settle(() => reject(new BackupJobError('io', `备份进程意外退出（${code}），请重试`))),
    );
  });
}

export const inWorker = {
  makeBackup: (job: MakeBackupJob) => run<MadeBackup>({ task: 'make', job }),
  stageBackup: (job: StageBackupJob) => run<StagedBackup>({ task: 'stage', job }),
};
