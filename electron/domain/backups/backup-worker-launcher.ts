import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../worker-thread';
import type { MadeBackup, MakeBackupJob, StageBackupJob, StagedBackup } from './backup-jobs';
import { BackupJobError } from './backup-jobs';
import type { BackupWorkerData, BackupWorkerMessage } from './backup-worker-protocol';

/** Starts backup-worker in a worker thread (an entry of the main build: electron.vite.config.ts). */
function launch(workerData: BackupWorkerData): Worker {
  return startWorkerThread(import.meta.url, 'backup-worker', workerData);
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
