import type { SessionUser } from '../../contract/auth';
import type { ApiErrorBody } from '../../contract/errors';
import type { ImportFileInput, ImportPhase } from '../../contract/imports';

export type ImportTask = 'preview' | 'apply';

/** Everything a worker needs: it opens its own connection to the same database file (WAL allows it). */
export interface ImportWorkerData {
  task: ImportTask;
  dbFile: string;
  nativeBinding: string | undefined;
  /** The caller's clock, read once in main, so injected test clocks reach the worker too. */
  nowIso: string;
  user: SessionUser | null;
  /** The caller's address, for the audit rows the import writes. */
  client: string | null;
  input: ImportFileInput;
}

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: ApiErrorBody; debug?: string };
