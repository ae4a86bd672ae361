import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMarks } from '../../electron/domain/callbacks/run-marks';
import { localDate } from '../../electron/domain/clock';
import type { UpkeepSummary } from '../../electron/domain/upkeep/daily-upkeep';
import { runDailyUpkeep } from '../../electron/domain/upkeep/daily-upkeep';
import { startAppCore } from '../../electron/server/app-core';
import { scheduleDailyUpkeep } from '../../electron/server/upkeep-scheduler';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { vinCheckDigit } from '../../electron/common/vin';

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
const yieldOnce = () => new Promise<void>((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const taskCount = (sqlite: Database.Database) =>
  sqlite.prepare('select count(*) from callback_tasks').pluck().get() as number;
const rulesOfTasks = (sqlite: Database.Database) =>
  sqlite.prepare('select distinct rule_code from callback_tasks order by 1').pluck().all() as string[];
/**
 * Cars delivered on 7 September: their first quarterly care call (due 7 December) comes into the 14-day creation range on
 * 23 November, so the pass of that day has something new to create whatever was done before.
 */
const threeMonthsOn23Nov = '2026-09-07';

async function until(what: string, test: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** `n` owners of cars delivered a few days ago (each has delivery call-backs due), written as raw rows. */
function owners(sqlite: Database.Database, n: number, delivered: string, first = 0): number[] {
  const customer = sqlite.prepare(
    "insert into customers (name, name_pinyin, name_initials, stage) values (?, 'chezhu', 'cz', 'new_owner')",
  );
  const vehicle = sqlite.prepare(
    `insert into vehicles (vin, vin_reversed, brand, series, plate, delivery_date, owner_id)
     values (@vin, @rev, '大众', '迈腾', @plate, @delivered, @owner)`,
  );
  return sqlite.transaction(() =>
    Array.from({ length: n }, (_, k) => {
      const i = first + k;
      const id = Number(customer.run(`车主${i}`).lastInsertRowid);
      const v = `LSVUPKEP${String(i).padStart(9, '0')}`;
      vehicle.run({ vin: v, rev: [...v].reverse().join(''), plate: `粤L${10000 + i}`, delivered, owner: id });
      return id;
    }),
  )();
}

describe('daily upkeep at start and on a new store day', () => {
  let app: TestApp | null = null;
  // Instants in the store's zone (Asia/Shanghai, the default): the same store days whatever the host's zone.
  const at = (iso: string) => new Date(`${iso}+08:00`);
  let now = at('2026-11-22T12:00:00');
  const clock = () => now;
  const today = () => localDate(now);
  afterEach(() => {
    app?.close();
    app = null;
    now = at('2026-11-22T12:00:00');
  });

  it('moves a new owner to 老客户 half a year on, and fills the call-back queue, without a request', async () => {
    app = await createTestApp({ clock });
    const token = app.adminToken;
    const c = await app.ok('customers.create', { name: '周新车', mobile: '13600001234', tags: [] }, token);
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'care', granted: true, channel: 'phone' },
      token,
    );
    await app.ok(
      'vehicles.create',
      {
        customerId: c.id,
        fields: { vin: vin('LFV2A21K0P0001234'), brand: '大众', series: '迈腾', deliveryDate: '2026-11-20' },
      },
      token,
    );
    const dataDir = app.dataDir;
    // As if the tasks had never been generated (a database restored from before the delivery was entered).
    app.core.db.$client.exec('delete from callback_tasks');
    app.core.close();
    const restart = async (at: Date) => {
      now = at;
      const core = await startAppCore({ dataDir, clock, dailyUpkeep: true });
      await core.upkeepSettled();
      return core;
    };
    const stageOf = (core: Awaited<ReturnType<typeof restart>>) =>
      core.db.$client.prepare('select stage from customers where id = ?').pluck().get(c.id);
    try {
      // A month later the app starts; nobody has opened the card or the queue yet.
      const month = await restart(new Date(2026, 11, 21, 8, 30, 0));
      const open = month.db.$client
        .prepare("select rule_code from callback_tasks where customer_id = ? and status = 'open'")
        .pluck()
        .all(c.id) as string[];
      expect(open).toContain('delivery_1m');
      expect(stageOf(month)).toBe('new_owner');
      month.close();
      // Seven months on, the stored stage has caught up with the calendar: 新车客户 → 老客户.
      const later = await restart(new Date(2027, 5, 25, 8, 30, 0));
      expect(stageOf(later)).toBe('owner');
      later.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      app = null;
    }
  });

  it('does nothing on a second pass the same store day, and runs again on the next one', async () => {
    app = await createTestApp({ clock });
    const sqlite = app.core.db.$client;
    owners(sqlite, 3, '2026-11-20');
    owners(sqlite, 3, threeMonthsOn23Nov, 100);
    const first = await runDailyUpkeep(sqlite, clock, yieldOnce);
    expect(first?.callbacks?.created).toBeGreaterThan(0);
    // Were the second pass to run, it would bring these back.
    sqlite.exec('delete from callback_tasks');
    now = at('2026-11-22T23:30:00');
    expect(await runDailyUpkeep(sqlite, clock, yieldOnce)).toBeNull();
    expect(taskCount(sqlite)).toBe(0);
    now = at('2026-11-23T09:00:00');
    const next = await runDailyUpkeep(sqlite, clock, yieldOnce);
    expect(next?.today).toBe(today());
    // The next day picks up where the last left off: the due dates new since then, not everything again.
    expect(next?.callbacks?.created).toBe(3);
    expect(rulesOfTasks(sqlite)).toEqual(['quarterly_care']);
    // A week on, the pass goes over everyone once more and finds what was removed behind its back.
    now = at('2026-11-29T09:00:00');
    const sweep = await runDailyUpkeep(sqlite, clock, yieldOnce);
    expect(sweep?.callbacks?.created).toBeGreaterThan(3);
    expect(rulesOfTasks(sqlite)).toContain('delivery_7d');
  });

  it('starts a pass when the store day changes while the app keeps running', async () => {
    app = await createTestApp({ clock });
    const sqlite = app.core.db.$client;
    owners(sqlite, 3, '2026-11-20');
    owners(sqlite, 3, threeMonthsOn23Nov, 100);
    const done: UpkeepSummary[] = [];
    const upkeep = scheduleDailyUpkeep(sqlite, clock, () => undefined, {
      checkEveryMs: 20,
      onDone: (s) => done.push(s),
    });
    try {
      await until('the first pass', () => done.length === 1);
      sqlite.exec('delete from callback_tasks');
      await sleep(100);
      // Still the same day: the timer looks, finds the day done, and leaves the queue alone.
      expect(done).toHaveLength(1);
      expect(taskCount(sqlite)).toBe(0);
      now = at('2026-11-23T00:05:00');
      await until('the new day’s pass', () => done.length === 2);
      expect(done[1]!.today).toBe(today());
      expect(done[1]!.callbacks?.created).toBe(3);
      expect(rulesOfTasks(sqlite)).toEqual(['quarterly_care']);
    } finally {
      upkeep.stop();
      await upkeep.running();
    }
  });

  it('retries a pass that failed', async () => {
    app = await createTestApp({ clock });
    const sqlite = app.core.db.$client;
    owners(sqlite, 3, '2026-11-20');
    // The disk says no once: every insert of a call-back task fails until the trigger is gone.
    sqlite.exec(`create temp trigger upkeep_fails before insert on main.callback_tasks
                 begin select raise(abort, 'injected failure'); end`);
    const failures: unknown[] = [];
    const done: UpkeepSummary[] = [];
    const upkeep = scheduleDailyUpkeep(sqlite, clock, (_message, error) => error && failures.push(error), {
      checkEveryMs: 60_000,
      retryMs: 50,
      onDone: (s) => done.push(s),
    });
    try {
      await until('the failure', () => failures.length === 1);
      expect(String(failures[0])).toContain('injected failure');
      expect(runMarks.upkept(sqlite)).not.toBe(today());
      sqlite.exec('drop trigger temp.upkeep_fails');
      await until('the retry', () => done.length === 1);
      expect(failures).toHaveLength(1);
      expect(done[0]!.callbacks?.created).toBeGreaterThan(0);
      expect(runMarks.upkept(sqlite)).toBe(today());
    } finally {
      upkeep.stop();
      await upkeep.running();
    }
  });

  it('does not rebuild on a restart the same store day (the day is marked in the database)', async () => {
    app = await createTestApp({ clock });
    const dataDir = app.dataDir;
    owners(app.core.db.$client, 3, '2026-11-20');
    owners(app.core.db.$client, 3, threeMonthsOn23Nov, 100);
    app.core.close();
    const start = async () => {
      const core = await startAppCore({ dataDir, clock, dailyUpkeep: true });
      await core.upkeepSettled();
      return core;
    };
    try {
      const morning = await start();
      expect(taskCount(morning.db.$client)).toBeGreaterThan(0);
      morning.db.$client.exec('delete from callback_tasks');
      morning.close();
      now = at('2026-11-22T15:00:00');
      const afternoon = await start();
      expect(taskCount(afternoon.db.$client)).toBe(0);
      afternoon.close();
      now = at('2026-11-23T09:00:00');
      const tomorrow = await start();
      expect(rulesOfTasks(tomorrow.db.$client)).toEqual(['quarterly_care']);
      tomorrow.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      app = null;
    }
  });

  it('answers requests between slices, and a queue read meanwhile does not build the queue a second time', async () => {
    app = await createTestApp({ clock });
    const sqlite = app.core.db.$client;
    const ids = owners(sqlite, 60, '2026-11-20');
    const done: UpkeepSummary[] = [];
    const upkeep = scheduleDailyUpkeep(sqlite, clock, () => undefined, {
      sliceSize: 5,
      onDone: (s) => done.push(s),
    });
    // Tasks seen by each request answered while the pass runs.
    const seen: number[] = [];
    try {
      const queue = await app.call(
        'callbacks.queue',
        { scope: 'team', bucket: 'all', limit: 50 },
        app.adminToken,
      );
      expect(queue.ok).toBe(true);
      for (let i = 0; done.length === 0; i++) {
        // Requests arrive as events (sockets), not as one unbroken chain of promises.
        await sleep(1);
        const card = await app.call('customers.get', { id: ids[i % ids.length] }, app.adminToken);
        expect(card.ok).toBe(true);
        if (done.length === 0) seen.push(taskCount(sqlite));
      }
    } finally {
      upkeep.stop();
      await upkeep.running();
    }
    const total = taskCount(sqlite);
    expect(total).toBeGreaterThan(60);
    // The pass made the whole queue (the queue read above did not make it first) …
    expect(done[0]!.callbacks?.created).toBe(total);
    // … and requests were answered in the middle of it, not only before and after.
    const midway = new Set(seen.filter((n) => n > 0 && n < total));
    expect(midway.size).toBeGreaterThanOrEqual(3);
  });
  // The report pack's change log is read by the pack; a store that never opens the reports kept every row.
  it('prunes the report change log no kept month needs, in slices', async () => {
    app = await createTestApp({ clock });
    const sqlite = app.core.db.$client;
    const insert = sqlite.prepare(
      `insert into report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
       values ('2026-11', 1, 'X', 'in', 1, 100)`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 12_345; i++) insert.run();
    })();
    const pauses: boolean[] = [];
    await runDailyUpkeep(sqlite, clock, async () => {
      pauses.push(sqlite.inTransaction);
      await yieldOnce();
    });
    expect(sqlite.prepare('select count(*) from report_fact_changes').pluck().get()).toBe(0);
    // In slices of 5,000, each its own transaction: no pause falls inside one.
    expect(pauses.every((open) => !open)).toBe(true);
  });
});
