import { parentPort, workerData } from 'node:worker_threads';
import { BackupJobError, makeBackup, stageBackup } from './backup-jobs';
import type { BackupWorkerData, BackupWorkerMessage } from './backup-worker-protocol';

/** Worker entry: one backup or one read-back, on connections of its own, reported to main. */
const data = workerData as BackupWorkerData;
const post = (message: BackupWorkerMessage) => parentPort?.postMessage(message);

try {
  const result = data.task === 'make' ? await makeBackup(data.job) : await stageBackup(data.job);
  post({ type: 'done', result });
} catch (error) {
  if (error instanceof BackupJobError) post({ type: 'failed', reason: error.reason, message: error.message });
  else {
    const debug = error instanceof Error ? (error.stack ?? error.message) : String(error);
    post({ type: 'failed', reason: 'io', message: '备份进程出错，请重试', debug });
  }
}
