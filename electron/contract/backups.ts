import { z } from 'zod';
import { liveTopics } from './live-topics';
import { channel } from './channel';

/**
 * 数据备份: where and when the database is copied, how many copies are kept, whether they are encrypted, the
 * list of copies and restoring one. The settings live in a file beside the database, not in it (a restore
 * must not roll back where the backups go), and the list is read from the backup folder itself (each copy has
 * a manifest beside it), so both survive restoring an older copy.
 */

const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，例如 23:00');

export const backupRetentionSchema = z.object({
  daily: z.number().int().min(1, '至少保留 1 份每日备份').max(60, '每日备份最多保留 60 份'),
  weekly: z.number().int().min(0).max(52, '每周备份最多保留 52 份'),
  monthly: z.number().int().min(0).max(120, '每月备份最多保留 120 份'),
});
export type BackupRetention = z.output<typeof backupRetentionSchema>;

/** Grandfather-father-son: the newest copy of each of the last 7 days, 4 weeks and 12 months that have one. */
export const defaultBackupRetention: BackupRetention = { daily: 7, weekly: 4, monthly: 12 };

/** A passphrase strong enough for a file that may be carried around on a USB stick. */
export const backupPassphraseSchema = z
  .string()
  .min(8, '备份密码至少 8 个字符')
  .max(200, '备份密码不能超过 200 个字符');

/** What is kept in the settings file (the passphrase only sealed, see electron/domain/backups/secret-store.ts). */
export const backupSettingsSchema = z.object({
  /** Absolute path of the backup folder (second disk, USB stick, NAS share); null until an admin chooses. */
  folder: z.string().nullable().default(null),
  /** Store time of the daily copy. */
  time: hm.default('23:00'),
  daily: z.boolean().default(true),
  /** Also copy when the app is closed (if anything changed since its last copy). */
  atShutdown: z.boolean().default(true),
  retention: backupRetentionSchema.default(defaultBackupRetention),
  encrypt: z.boolean().default(false),
});
export type BackupSettings = z.output<typeof backupSettingsSchema>;

const folderInput = z.string().trim().min(1, '请填写备份文件夹').max(500, '路径过长（最多 500 个字符）');

export const backupSettingsOutput = backupSettingsSchema.extend({
  folder: z.string().nullable(),
  time: z.string(),
  passphraseSaved: z.boolean(),
  /** Things the admin should know but that do not stop saving (same disk as the database…). */
  warnings: z.array(z.string()),
});
export type BackupSettingsView = z.output<typeof backupSettingsOutput>;

export const backupTriggers = ['manual', 'daily', 'shutdown', 'script'] as const;
export type BackupTrigger = (typeof backupTriggers)[number];
export const backupTriggerLabels: Record<BackupTrigger, string> = {
  manual: '手动',
  daily: '每日定时',
  shutdown: '关闭时',
  script: '脚本',
};

/** ok: copied and checked; failed: the attempt failed (no file kept); unchecked: a file without a manifest. */
export const backupResults = ['ok', 'failed', 'unchecked'] as const;
export type BackupResult = (typeof backupResults)[number];
export const backupResultLabels: Record<BackupResult, string> = {
  ok: '成功',
  failed: '失败',
  unchecked: '未校验',
};

/**
 * The tables staff recognise, with their names, in the order the list and the restore dialog show them;
 * every other table is counted too and shown under its own name.
 */
export const backupTableLabels: Record<string, string> = {
  customers: '客户',
  vehicles: '车辆',
  service_visits: '进站记录',
  interactions: '互动记录',
  callback_tasks: '回访任务',
  users: '用户',
  audit_log: '审计日志',
  data_files: '附件文件',
};

const backupEntry = z.object({
  /** The backup file's name in the folder; also its id. */
  name: z.string(),
  createdAt: z.string(),
  /** "YYYY-MM-DD HH:mm" on the store's clock. */
  label: z.string(),
  trigger: z.enum(backupTriggers),
  result: z.enum(backupResults),
  error: z.string().nullable(),
  encrypted: z.boolean(),
  sizeBytes: z.number().nullable(),
  durationMs: z.number().nullable(),
  /** Rows per table at the time of the copy (null without a manifest). */
  counts: z.record(z.string(), z.number()).nullable(),
});
export type BackupEntry = z.output<typeof backupEntry>;

const backupName = z
  .string()
  .regex(/^dealer-crm-\d{8}-\d{6}(-\d+)?\.sqlite(\.enc)?$/, '备份文件名无效，请从列表中选择');

const restoreResult = z.object({
  restoredFrom: z.string(),
  backupCreatedAt: z.string().nullable(),
  safetyCopy: z.string(),
  counts: z.record(z.string(), z.number()),
  /** Attachment files put back into the data folder, and those the backup folder no longer had. */
  files: z.object({ restored: z.number().int(), missing: z.number().int() }),
});

export const backupsContract = {
  'backups.settings': channel({
    summary: 'Backup folder, daily time, retention and encryption (the passphrase only as saved or not)',
    access: 'backups.manage',
    input: z.object({}),
    output: backupSettingsOutput,
  }),
  'backups.saveSettings': channel({
    touches: ['backups'],
    summary: 'Change the backup settings; the folder must exist and be writable',
    access: 'backups.manage',
    input: z
      .object({
        folder: folderInput.optional(),
        time: hm.optional(),
        daily: z.boolean().optional(),
        atShutdown: z.boolean().optional(),
        retention: backupRetentionSchema.optional(),
        encrypt: z.boolean().optional(),
        /** A new passphrase for encrypted backups (kept sealed with this computer's key). */
        passphrase: backupPassphraseSchema.optional(),
      })
      .strict(),
    output: backupSettingsOutput,
  }),
  'backups.list': channel({
    summary: 'The backups in the folder, newest first, with result, size and table counts',
    access: 'backups.manage',
    input: z.object({}),
    output: z.object({
      folder: z.string().nullable(),
      running: z.boolean(),
      /** When the next daily copy is due (ISO), null when off or no folder. */
      nextAt: z.string().nullable(),
      entries: z.array(backupEntry),
    }),
  }),
  'backups.run': channel({
    touches: ['backups'],
    summary: 'Back up now (consistent online copy, checked, encrypted if set), then apply the retention',
    access: 'backups.manage',
    input: z.object({}),
    output: backupEntry,
  }),
  'backups.verify': channel({
    summary: 'Check a backup without restoring it: checksum, passphrase, integrity_check, row counts',
    access: 'backups.manage',
    input: z.object({ name: backupName, passphrase: z.string().max(200).optional() }),
    output: z.object({
      name: z.string(),
      counts: z.record(z.string(), z.number()),
      /** Attachment files the copy lists whose stored file is gone from the backup folder. */
      missingFiles: z.number().int(),
    }),
  }),
  'backups.restore': channel({
    // Everything may differ on the copy: every screen refetches.
    touches: liveTopics,
    summary:
      'Restore a checked backup: the current database is kept as a safety copy, the app switches onto the copy',
    access: 'backups.manage',
    input: z.object({
      name: backupName,
      passphrase: z.string().max(200).optional(),
      confirm: z.literal(true, { error: '请确认恢复：当前数据将被备份中的数据替换' }),
    }),
    output: restoreResult,
  }),
};
