import Database from 'better-sqlite3';

export class BackupCheckError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'not_ours',
    message: string,
  ) {
    super(message);
    this.name = 'BackupCheckError';
  }
}

export interface DatabaseCheck {
  /** Rows per table (every table but SQLite's own). */
  counts: Record<string, number>;
  /** created_at of the newest migration applied to the copy. */
  schemaAt: number | null;
}

/** Tables every Dealer CRM database has: a SQLite file without them is somebody else's. */
const requiredTables = ['__drizzle_migrations', 'customers', 'users'];

/**
 * Opens a copy on its own (never the live database), makes it one self-contained file (rollback journal, not
 * WAL), runs `PRAGMA integrity_check` and counts every table's rows. Throws BackupCheckError when SQLite finds
 * damage or the file is not a Dealer CRM database.
 */
export function checkDatabaseFile(file: string, nativeBinding?: string): DatabaseCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new BackupCheckError('corrupt', `无法打开数据库文件：${(error as Error).message}`);
  }
  try {
    try {
      db.pragma('journal_mode = DELETE');
      const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      const first = problems[0]?.integrity_check;
      if (first !== 'ok')
        throw new BackupCheckError(
          'corrupt',
          `完整性检查未通过：${problems
            .slice(0, 3)
            .map((p) => p.integrity_check)
            .join('；')}`,
        );
    } catch (error) {
      if (error instanceof BackupCheckError) throw error;
      throw new BackupCheckError('corrupt', `完整性检查未通过：${(error as Error).message}`);
    }
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name",
      )
      .pluck()
      .all() as string[];
    if (!requiredTables.every((t) => tables.includes(t)))
      throw new BackupCheckError('not_ours', '这不是 Dealer CRM 的数据库备份');
    const counts: Record<string, number> = {};
    for (const t of tables) {
      counts[t] = db
        .prepare(`select count(*) from "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number;
    }
    const schemaAt = db.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as
      number | null;
    return { counts, schemaAt };
  } finally {
    db.close();
  }
}
