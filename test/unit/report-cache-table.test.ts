import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/**
 * The kept report months are rows of megabytes, and every visit written deletes a range of them by key. In a
 * WITHOUT ROWID table each seek reads the overflowing rows it passes in full to compare keys (~1.3 ms a write
 * with three years kept); as a rowid table the key has its own small index (migration 0034). The time itself is
 * the bench's to measure; here the table's shape and the key's index are held.
 */
it('keeps report months in a rowid table whose key has its own index', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-cache-'));
  const file = path.join(dir, 'db.sqlite');
  const db = openDatabase(file);
  try {
    migrateDatabase(db, { dbFile: file });
    const sqlite = db.$client;
    const ddl = sqlite
      .prepare("select sql from sqlite_master where type = 'table' and name = 'report_month_cache'")
      .pluck()
      .get() as string;
    expect(ddl).not.toMatch(/without\s+rowid/i);
    const plan = sqlite
      .prepare(
        "explain query plan delete from report_month_cache where kind = 'buyers' and month between ? and ?",
      )
      .all('2027-01', '2029-11') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX sqlite_autoindex_report_month_cache/);
    // Still one row per kind and month.
    const put = sqlite.prepare(
      "insert or replace into report_month_cache (kind, month, key, data) values ('buyers', '2026-11', ?, ?)",
    );
    put.run('a', 'x'.repeat(100_000));
    put.run('b', '{}');
    expect(sqlite.prepare('select key from report_month_cache').pluck().all()).toEqual(['b']);
  } finally {
    db.$client.close();
  }
});
