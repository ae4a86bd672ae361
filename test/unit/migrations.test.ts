import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, migrateDatabase, MigrationError } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number, extra?: { tag: string; sql: string }): string {
  const dir = tempDir();
  fs.cpSync(defaultMigrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { tag: string; when: number; idx: number }[];
  };
  journal.entries = journal.entries.slice(0, count);
  if (extra) {
    const last = journal.entries[journal.entries.length - 1];
    journal.entries.push({
      ...last!,
      idx: journal.entries.length,
      tag: extra.tag,
      when: (last?.when ?? 0) + 1000,
    });
    fs.writeFileSync(path.join(dir, `${extra.tag}.sql`), extra.sql);
  }
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const tableNames = (db: ReturnType<typeof openDatabase>) =>
  (
    db.$client.prepare("select name from sqlite_master where type='table' order by name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('apply on an empty database with WAL and foreign keys on, and take no backup of nothing', () => {
    const file = path.join(tempDir(), 'crm.sqlite');
    const db = openDatabase(file);
    const result = migrateDatabase(db, { dbFile: file });
    expect(result.applied).toBeGreaterThanOrEqual(2);
    expect(result.backupFile).toBeNull();
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['customers', 'vehicles', 'service_visits', 'users', 'sessions']),
    );
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrateDatabase(db, { dbFile: file }).applied).toBe(0);
    db.$client.close();
  });

  it('upgrade a database from the previous migration, keeping its data, after a backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'crm.sqlite');
    const db = openDatabase(file);
    const total = JSON.parse(
      fs.readFileSync(path.join(defaultMigrationsFolder, 'meta/_journal.json'), 'utf8'),
    ).entries.length as number;
    migrateDatabase(db, { dbFile: file, migrationsFolder: migrationsUpTo(total - 1) });
    db.$client
      .prepare(
        "insert into customers (name, mobile, name_pinyin, name_initials) values ('李四', '13800001234', 'lisi', 'ls')",
      )
      .run();

    const result = migrateDatabase(db, { dbFile: file, now: new Date('2026-11-22T08:00:00Z') });
    expect(result.applied).toBe(1);
    expect(result.backupFile).toMatch(/before-migration-2026-11-22T08-00-00-000Z\.sqlite$/);
    expect(db.$client.prepare('select name from customers').all()).toEqual([{ name: '李四' }]);

    const backup = openDatabase(result.backupFile!);
    expect(backup.$client.prepare('select name from customers').all()).toEqual([{ name: '李四' }]);
    const migrated = backup.$client.prepare('select count(*) as n from __drizzle_migrations').get() as {
      n: number;
    };
    expect(migrated.n).toBe(total - 1);
    backup.$client.close();
    db.$client.close();
  });

  it('a failing migration stops with a clear message, leaves the data as it was, and names the backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'crm.sqlite');
    const db = openDatabase(file);
    migrateDatabase(db, { dbFile: file });
    db.$client
      .prepare(
        "insert into customers (name, mobile, name_pinyin, name_initials) values ('王五', '13900002222', 'wangwu', 'ww')",
      )
      .run();
    const before = tableNames(db);
    const bad = migrationsUpTo(99, {
      tag: '9999_broken',
      sql: 'ALTER TABLE customers ADD COLUMN loyalty integer;\n--> statement-breakpoint\nSELECT * FROM no_such_table;',
    });
    let caught: unknown;
    try {
      migrateDatabase(db, { dbFile: file, migrationsFolder: bad });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MigrationError);
    const err = caught as MigrationError;
    expect(err.message).toContain('数据库升级失败，数据未被修改');
    expect(err.backupFile && fs.existsSync(err.backupFile)).toBe(true);
    const columns = (db.$client.prepare('pragma table_info(customers)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).not.toContain('loyalty');
    expect(tableNames(db)).toEqual(before);
    expect(db.$client.prepare('select name from customers').all()).toEqual([{ name: '王五' }]);
    db.$client.close();
  });
});
