import { randomUUID } from 'node:crypto';
import type {
  ImportApplyResult,
  ImportFileInput,
  ImportPhase,
  ImportPreview,
  ImportProgress,
} from '../../contract/imports';
import { AppError } from '../../contract/errors';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { previewFile } from './analyse-import';
import { applyImport } from './apply-import';
import { launchImportWorker } from './import-worker-launcher';
import type { ImportTask, ImportWorkerMessage } from './import-worker-protocol';

interface ImportJob {
  progress: ImportProgress;
  dbFile: string;
  finishedAt: number | null;
}

const jobs = new Map<string, ImportJob>();
const keepFinishedMs = 60 * 60 * 1000;
// Files this small are read and checked in main: a worker's start-up would cost more than it saves.
const inlinePreviewBase64Chars = 400_000;

function pruneJobs(): void {
  const cutoff = Date.now() - keepFinishedMs;
  for (const [id, job] of jobs) if (job.finishedAt !== null && job.finishedAt < cutoff) jobs.delete(id);
}

/** A file-backed database a worker can open too; in-memory ones are worked in main. */
function databaseFile(ctx: ServiceContext): string | null {
  const client = ctx.db.$client;
  return client.memory || !client.name || client.name === ':memory:' ? null : client.name;
}

/** Runs one task in a worker thread; resolves with its result, rejects with its AppError. */
export function runInWorker<T>(
  ctx: ServiceContext,
  task: ImportTask,
  input: ImportFileInput,
  onProgress: (message: Extract<ImportWorkerMessage, { type: 'progress' }>) => void = () => {},
): Promise<T> {
  const dbFile = databaseFile(ctx);
  if (!dbFile) return Promise.reject(new Error('a worker needs a database file'));
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    const worker = launchImportWorker({
      task,
      dbFile,
      nowIso: ctx.clock().toISOString(),
      user: ctx.user,
      client: ctx.client ?? null,
      input,
    });
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'done') settle(() => resolve(message.result as T));
      else {
        if (message.debug) console.error(`[dealer-crm] import ${task} failed`, message.debug);
        settle(() => reject(new AppError(message.error.kind, message.error.message, message.error.details)));
      }
    });
    worker.on('error', (error) => {
      console.error(`[dealer-crm] import worker crashed`, error);
      settle(() => reject(new AppError('internal', '导入进程意外退出，数据未作任何修改，请重试')));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new AppError('internal', `导入进程意外退出（${code}），数据未作任何修改，请重试`)));
    });
  });
}

/** The dry run. Large files are read and matched in a worker so main keeps serving other workstations. */
export async function previewImport(ctx: ServiceContext, input: ImportFileInput): Promise<ImportPreview> {
  if (input.contentBase64.length <= inlinePreviewBase64Chars || !databaseFile(ctx)) {
    return previewFile(ctx.db.$client, input, localDate(ctx.clock()));
  }
  return runInWorker<ImportPreview>(ctx, 'preview', input);
}

/**
 * Starts an import and returns at once; the import runs in a worker (better-sqlite3 would block main's event
 * loop for the whole write) and staff poll imports.progress. One import at a time per database: two would only
 * queue on SQLite's write lock.
 */
export function startImport(ctx: ServiceContext, input: ImportFileInput): { jobId: string } {
  pruneJobs();
  assertNoImportRunning(ctx, '已有一个导入正在进行，请等它完成后再导入');
  const dbFile = databaseFile(ctx) ?? ':memory:';
  const jobId = randomUUID();
  const job: ImportJob = {
    progress: { jobId, phase: 'queued', done: 0, total: 0, result: null, error: null },
    dbFile,
    finishedAt: null,
  };
  jobs.set(jobId, job);
  const finish = (result: ImportApplyResult | null, error: ImportProgress['error']) => {
    const rows = result ? { done: result.counts.rows, total: result.counts.rows } : {};
    job.progress = { ...job.progress, ...rows, phase: error ? 'failed' : 'done', result, error };
    job.finishedAt = Date.now();
  };
  const failWith = (error: unknown) => {
    if (error instanceof AppError)
      finish(null, { kind: error.kind, message: error.message, details: error.details });
    else {
      console.error('[dealer-crm] import failed', error);
      finish(null, { kind: 'internal', message: '导入失败，数据未作任何修改，请重试' });
    }
  };

  if (dbFile === ':memory:') {
    try {
      finish(applyImport(ctx, input), null);
    } catch (error) {
      failWith(error);
    }
    return { jobId };
  }
  // Only the worker's final message ends the job: a 'done' progress phase may arrive before the result does.
  const track = (phase: ImportPhase, done: number, total: number) => {
    if (phase !== 'done' && phase !== 'failed') job.progress = { ...job.progress, phase, done, total };
  };
  runInWorker<ImportApplyResult>(ctx, 'apply', input, (m) => track(m.phase, m.done, m.total)).then(
    (result) => finish(result, null),
    failWith,
  );
  return { jobId };
}

/** A running import holds SQLite's write lock for its whole transaction; a revert would only time out behind it. */
export function assertNoImportRunning(ctx: ServiceContext, message: string): void {
  const dbFile = databaseFile(ctx) ?? ':memory:';
  if ([...jobs.values()].some((j) => j.dbFile === dbFile && j.finishedAt === null)) {
    throw new AppError('conflict', message);
  }
}

export function importProgress(jobId: string): ImportProgress {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('not_found', '没有找到该导入任务（可能已过期），请在导入记录中查看结果');
  return job.progress;
}
