import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setStoreTimeZone, storeTimeZone } from '../../electron/domain/clock';
import { loadCustomerFacts } from '../../electron/domain/customers/customer-facts';
import { runDailyUpkeep } from '../../electron/domain/upkeep/daily-upkeep';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/*
 * The same store scenario must give the same answers whatever the host's zone: this file runs in the
 * ordinary test run and, from the last test, again in child processes with TZ=UTC and TZ=Asia/Shanghai.
 * 2026-11-30T17:30Z is 2026-12-01 01:30 in the store (Beijing time): a host-time bug puts it on the 30th.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const lateUtc = new Date('2026-11-30T17:30:00Z');
let current = lateUtc;

async function exportedCreatedOn(app: TestApp, token: string, name: string): Promise<string> {
  const out = await app.ok('customers.export', { sort: 'name', direction: 'asc', filters: {} }, token);
  const buf = Buffer.from(out.contentBase64, 'base64');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    if (values[headers.indexOf('姓名')] === name) return String(values[headers.indexOf('建档日期')]);
  }
  throw new Error(`${name} not exported`);
}

describe('store time follows the store’s zone, not the host’s', () => {
  let app: TestApp;
  let boss: string;
  let op: string;
  const sql = () => app.core.db.$client;

  function ownerWithCarDelivered(name: string, delivery: string, mobile: string): number {
    const id = Number(
      sql()
        .prepare(`insert into customers (name, gender, mobile, stage) values (?, 'male', ?, 'new_owner')`)
        .run(name, mobile).lastInsertRowid,
    );
    const vin = `LSVCB${String(id).padStart(12, '0')}`;
    const car = Number(
      sql()
        .prepare(
          `insert into vehicles (vin, vin_reversed, brand, series, delivery_date, owner_id)
           values (?, ?, '大众', '帕萨特', ?, ?)`,
        )
        .run(vin, [...vin].reverse().join(''), delivery, id).lastInsertRowid,
    );
    sql()
      .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
      .run(car, id, delivery);
    return id;
  }

  // Sessions last 12 hours, so moving the clock a day on means signing in again.
  async function moveTo(at: Date): Promise<void> {
    current = at;
    boss = await app.login('boss', 'Staff-Pass-1');
    op = await app.login('op', 'Staff-Pass-1');
  }

  beforeAll(async () => {
    app = await createTestApp({ clock: () => current });
    for (const [username, role] of [
      ['boss', 'manager'],
      ['op', 'callback_operator'],
    ] as const) {
      await app.ok(
        'users.create',
        { username, displayName: username, role, password: 'Staff-Pass-1' },
        app.adminToken,
      );
    }
  });
  afterAll(() => app.close());
  beforeEach(() => moveTo(lateUtc));

  it('starts with the default zone and hours, and rejects a zone that does not exist', async () => {
    expect(await app.ok('settings.get', {}, op)).toEqual({
      storeName: '本店',
      storeTimeZone: 'Asia/Shanghai',
      callingHours: { start: '09:00', end: '20:00' },
      serviceHours: { start: '08:30', end: '18:00' },
      idleTimeoutMinutes: 30,
      version: 1,
    });
    expect(storeTimeZone()).toBe('Asia/Shanghai');
    const bad = await app.call('settings.update', { storeTimeZone: 'Asia/Atlantis' }, boss);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('puts “today”, the due queue and a new customer’s date on the store’s calendar', async () => {
    // Delivered on the 28th: the 3-day call falls due on 1 December, the store's today.
    const zhang = ownerWithCarDelivered('张三', '2026-11-28', '13900000001');
    await app.ok('callbacks.generate', {}, boss);
    const due = await app.ok('callbacks.queue', { scope: 'team', bucket: 'due_today' }, op);
    expect(due.today).toBe('2026-12-01');
    expect(due.rows.map((r) => r.customerId)).toContain(zhang);
    expect(
      sql()
        .prepare(`select due_date from callback_tasks where customer_id = ? and rule_code = 'delivery_3d'`)
        .pluck()
        .get(zhang),
    ).toBe('2026-12-01');

    await app.ok('customers.create', { name: '李深夜', mobile: '13900000002' }, boss);
    expect(await exportedCreatedOn(app, boss, '李深夜')).toBe('2026-12-01');
  });

  it('counts complaints of the last 12 months by store days, not UTC dates', () => {
    // Today is 2026-12-01 in the store, so the window is the store days after 2025-12-01.
    const id = Number(
      sql().prepare(`insert into customers (name, mobile) values ('窗口边', '13900000009')`).run()
        .lastInsertRowid,
    );
    const complaint = sql().prepare(
      `insert into interactions (customer_id, kind, occurred_at, summary) values (?, 'complaint', ?, '投诉')`,
    );
    // 2025-12-01 23:00 in the store (still the window's edge day) and 2025-12-02 00:30 (inside it).
    complaint.run(id, '2025-12-01T15:00:00.000Z');
    complaint.run(id, '2025-12-01T16:30:00.000Z');
    const facts = loadCustomerFacts(
      sql(),
      { id, stage: 'lead', createdAt: lateUtc.toISOString() },
      '2026-12-01',
    );
    expect(facts.complaints12m).toBe(1);
  });

  it('schedules a no-answer retry inside calling hours of the store’s next day', async () => {
    const wang = ownerWithCarDelivered('王五', '2026-11-28', '13900000003');
    await app.ok('callbacks.generate', {}, boss);
    // 19:50 in the store: four hours later is 23:50, so the retry waits for 09:00 the next morning.
    await moveTo(new Date('2026-12-01T11:50:00Z'));
    const panel = await app.ok('callbacks.next', { customerId: wang }, op);
    const taskIds = panel!.reasons.map((r) => r.taskId);
    const r = await app.ok('callbacks.record', { taskIds, outcome: 'no_answer' }, op);
    expect(r.tasks.map((t) => t.nextAttemptAt)).toEqual(taskIds.map(() => '2026-12-02T01:00:00.000Z'));
  });

  it('writes agreed call-back times on the store’s wall clock and checks them against its hours', async () => {
    const zhao = ownerWithCarDelivered('赵六', '2026-11-28', '13900000004');
    await app.ok('callbacks.generate', {}, boss);
    await moveTo(new Date('2026-12-01T02:00:00Z')); // 10:00 in the store
    const panel = await app.ok('callbacks.next', { customerId: zhao }, op);
    const taskIds = panel!.reasons.map((r) => r.taskId);
    // 21:00 store time is after calling hours, however the host reads it.
    const late = await app.call(
      'callbacks.record',
      { taskIds, outcome: 'call_back_at', callBackAt: '2026-12-01T13:00:00Z' },
      op,
    );
    expect(late).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        details: { fields: { callBackAt: expect.stringContaining('09:00–20:00') } },
      },
    });
    await app.ok(
      'callbacks.record',
      { taskIds, outcome: 'call_back_at', callBackAt: '2026-12-02T06:30:00Z' },
      op,
    );
    const summary = sql()
      .prepare(`select summary from interactions where customer_id = ? and kind = 'callback'`)
      .pluck()
      .get(zhao) as string;
    expect(summary).toContain('约定 2026-12-02 14:30 回电');
  });

  it('starts the daily upkeep when the store’s day changes, not the host’s', async () => {
    current = new Date('2026-11-30T15:59:00Z'); // 23:59 on the 30th in the store
    const before = await runDailyUpkeep(
      sql(),
      () => current,
      async () => {},
    );
    expect(before?.today).toBe('2026-11-30');
    current = new Date('2026-11-30T16:00:00Z'); // midnight: 1 December in the store, still the 30th in UTC
    const after = await runDailyUpkeep(
      sql(),
      () => current,
      async () => {},
    );
    expect(after?.today).toBe('2026-12-01');
  });

  it('moves every date with the zone setting, at once', async () => {
    await app.ok('settings.update', { storeTimeZone: 'Europe/London' }, boss);
    expect((await app.ok('callbacks.queue', { scope: 'team' }, op)).today).toBe('2026-11-30');
    expect((await app.ok('settings.get', {}, op)).storeTimeZone).toBe('Europe/London');
    await app.ok('settings.update', { storeTimeZone: 'Asia/Shanghai' }, boss);
    expect((await app.ok('callbacks.queue', { scope: 'team' }, op)).today).toBe('2026-12-01');
    setStoreTimeZone('Asia/Shanghai');
  });

  // The whole file again under two host zones (not in the child runs themselves).
  it.skipIf(process.env.STORE_TIME_CHILD === '1')(
    'gives the same answers on a host set to UTC and on one set to Beijing time',
    () => {
      for (const tz of ['UTC', 'Asia/Shanghai']) {
        const child = spawnSync(
          process.execPath,
          [
            'node_modules/vitest/vitest.mjs',
            'run',
            '--config',
            'test/vitest.config.ts',
            'test/api/store-time.test.ts',
          ],
          {
            cwd: repoRoot,
            env: { ...process.env, TZ: tz, STORE_TIME_CHILD: '1' },
            encoding: 'utf8',
            timeout: 120_000,
          },
        );
        expect(`${tz}: exit ${child.status}\n${child.stdout.slice(-2000)}`).toContain(`${tz}: exit 0`);
      }
    },
    240_000,
  );
});
