import type {
  BackupJobFailure,
  MadeBackup,
  MakeBackupJob,
  StageBackupJob,
  StagedBackup,
} from './backup-jobs';

export type BackupWorkerData = { task: 'make'; job: MakeBackupJob } | { task: 'stage'; job: StageBackupJob };

export type BackupWorkerMessage =
  | { type: 'done'; result: MadeBackup | StagedBackup }
  | { type: 'failed'; reason: BackupJobFailure; message: string; debug?: string };
