import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app';

/** About 8 MB of new pages in one commit: well under the server's fallback, well over SQLite's 1000 pages. */
function writePages(app: Awaited<ReturnType<typeof createTestApp>>): void {
  const sqlite = app.core.db.$client;
  sqlite.exec('create table if not exists scratch_pages (id integer primary key, body blob)');
  const insert = sqlite.prepare('insert into scratch_pages (body) values (randomblob(4000))');
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run();
  })();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Each commit that pushed the WAL past 1000 pages paid for the checkpoint and its fsync inside the request (10–20
// ms at scale L, every 20–30th visit saved): the checkpoint now runs on its own connection in a worker thread.
describe('the WAL checkpoint off the request thread', () => {
  it('copies committed pages into the database file from the worker, not in the commit', async () => {
    const app = await createTestApp({ backgroundCheckpoint: true });
    try {
      const file = app.core.dbFile;
      // Whatever start-up wrote is checkpointed first, so the size below is the file's own.
      await sleep(600);
      const before = fs.statSync(file).size;
      writePages(app);
      // The commit itself left the pages in the WAL (the server's own checkpoint waits for 20,000 pages).
      expect(fs.statSync(file).size).toBe(before);
      let after = before;
      for (let i = 0; i < 40 && after < before + 6_000_000; i++) {
        await sleep(100);
        after = fs.statSync(file).size;
      }
      expect(after).toBeGreaterThan(before + 6_000_000);
      // The data is the server's as ever.
      expect(app.core.db.$client.prepare('select count(*) from scratch_pages').pluck().get()).toBe(2000);
    } finally {
      await app.core.shutdown();
    }
  });

  it('without it, SQLite checkpoints inside the commit that passes 1000 pages', async () => {
    const app = await createTestApp();
    try {
      const before = fs.statSync(app.core.dbFile).size;
      writePages(app);
      expect(fs.statSync(app.core.dbFile).size).toBeGreaterThan(before + 6_000_000);
    } finally {
      app.close();
    }
  });
});
