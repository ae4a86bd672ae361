import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../db/open-database';
import { AppError, defaultErrorMessages } from '../../contract/errors';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { applyStoreTimeZone } from '../settings/settings-service';
import { previewFile } from './analyse-import';
import { applyImport } from './apply-import';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker-protocol';

/** Worker entry: runs one preview or apply against its own connection and reports back to main. */
const data = workerData as ImportWorkerData;
const post = (message: ImportWorkerMessage) => parentPort?.postMessage(message);

const db = openDatabase(data.dbFile, { nativeBinding: data.nativeBinding });
try {
  // A worker thread has its own copy of the store clock: it follows the same database's zone.
  applyStoreTimeZone(db.$client);
  const now = new Date(data.nowIso);
  const ctx: ServiceContext = { db, clock: () => now, user: data.user, token: null, client: data.client };
  const result =
    data.task === 'apply'
      ? applyImport(ctx, data.input, (phase, done, total) => post({ type: 'progress', phase, done, total }))
      : previewFile(db.$client, data.input, localDate(now));
  post({ type: 'done', result });
} catch (error) {
  if (error instanceof AppError) {
    post({ type: 'failed', error: { kind: error.kind, message: error.message, details: error.details } });
  } else {
    const debug = error instanceof Error ? (error.stack ?? error.message) : String(error);
    post({ type: 'failed', error: { kind: 'internal', message: defaultErrorMessages.internal }, debug });
  }
} finally {
  db.$client.close();
}
