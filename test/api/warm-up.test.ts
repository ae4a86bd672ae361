import { describe, expect, it } from 'vitest';
import { startWarmUp } from '../../electron/server/warm-up';
import { createTestApp } from '../helpers/test-app';

describe('warm-up at server start', () => {
  it('runs the first calls of the day in the background, yielding between them, and changes nothing', async () => {
    const app = await createTestApp();
    try {
      const token = app.adminToken;
      for (let i = 0; i < 5; i++) {
        await app.ok(
          'customers.create',
          { name: `王小${i}`, mobile: `1380000000${i}`, tags: ['老客户'] },
          token,
        );
      }
      const sqlite = app.core.db.$client;
      sqlite.exec("update customers set last_visit_at = '2026-11-01'");
      const changes = () => sqlite.prepare('select total_changes()').pluck().get() as number;
      const before = changes();
      const errors: unknown[] = [];
      let turns = 0;
      const ticker = setInterval(() => turns++, 0);
      const warm = startWarmUp(
        app.core.db,
        () => new Date(),
        (_m, e) => errors.push(e),
      );
      // Start-up is not held: the warm-up has not run a call yet when it returns.
      expect(turns).toBe(0);
      const tally = await warm.done;
      clearInterval(ticker);
      expect(errors).toEqual([]);
      // Every kind of search, cards and list pages, none refused.
      expect(tally.calls).toBeGreaterThan(40);
      expect(tally.failed).toBe(0);
      expect(changes()).toBe(before);
      // It gave the event loop turns between its calls (timers ran while it worked).
      expect(turns).toBeGreaterThan(3);
      // A request afterwards is answered as usual.
      const found = await app.ok('customers.search', { q: '王小' }, token);
      expect(found.results.length).toBe(5);
    } finally {
      app.close();
    }
  });
});
