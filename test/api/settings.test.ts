import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppCore } from '../../electron/server/app-core';
import { storeTimeZone } from '../../electron/domain/clock';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';

const now = new Date('2026-12-01T02:00:00Z');

describe('store settings through the API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
  });
  afterAll(() => {
    try {
      app.close();
    } catch {
      // the restart test closed this core already; the data folder is removed all the same
    }
  });

  it('lets every signed-in role read them and only settings managers change them', async () => {
    const operator = await app.userWithRole('callback_operator');
    const desk = await app.userWithRole('front_desk');
    expect((await app.ok('settings.get', {}, operator)).callingHours).toEqual({
      start: '09:00',
      end: '20:00',
    });
    const refused = await app.call('settings.update', { storeName: '惠州店' }, desk);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await app.ok('settings.get', {}, desk)).storeName).toBe('本店');
    expect(await app.call('settings.get', {}, null)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('saves only what was sent, records who saved it, and names the store in scripts', async () => {
    const manager = await app.userWithRole('manager');
    const saved = await app.ok(
      'settings.update',
      { storeName: '惠州宏达丰田', callingHours: { start: '10:00', end: '19:30' } },
      manager,
    );
    expect(saved).toEqual({
      storeName: '惠州宏达丰田',
      storeTimeZone: 'Asia/Shanghai',
      callingHours: { start: '10:00', end: '19:30' },
      serviceHours: { start: '08:30', end: '18:00' },
      idleTimeoutMinutes: 30,
      version: 2,
    });
    const rows = app.core.db.$client
      .prepare("select key, updated_by as by from store_settings where key not like 'version:%' order by key")
      .all() as { key: string; by: number }[];
    expect(rows.map((r) => r.key)).toEqual(['callingHours', 'storeName']);
    expect(new Set(rows.map((r) => r.by)).size).toBe(1);
    expect(rows[0]!.by).not.toBe(1);

    // A delivery three days ago makes a call whose script introduces the store by its name.
    const sql = app.core.db.$client;
    const owner = Number(
      sql
        .prepare(
          `insert into customers (name, gender, mobile, stage) values ('张三', 'male', '13900000001', 'new_owner')`,
        )
        .run().lastInsertRowid,
    );
    sql
      .prepare(
        `insert into vehicles (vin, vin_reversed, brand, series, delivery_date, owner_id)
         values ('LSVCB000000000001', '100000000000BCVSL', '大众', '帕萨特', '2026-11-28', ?)`,
      )
      .run(owner);
    await app.ok('callbacks.generate', {}, manager);
    const panel = await app.ok('callbacks.next', { customerId: owner }, manager);
    expect(panel!.reasons.map((r) => r.script).join('')).toContain('惠州宏达丰田');
  });

  it('rejects bad values in clear Chinese and changes nothing', async () => {
    const before = await app.ok('settings.get', {}, app.adminToken);
    const cases: [unknown, string][] = [
      [{ callingHours: { start: '9:00', end: '20:00' } }, 'callingHours'],
      [{ callingHours: { start: '25:00', end: '20:00' } }, 'callingHours'],
      [{ serviceHours: { start: '08:30', end: '08:30' } }, 'serviceHours'],
      [{ storeTimeZone: 'Beijing' }, 'storeTimeZone'],
      [{ storeName: '   ' }, 'storeName'],
      [{ storeName: '新店', callingHours: { start: '10:00', end: '10:00' } }, 'callingHours'],
    ];
    for (const [input, field] of cases) {
      const r = await app.call('settings.update', input, app.adminToken);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('validation');
        expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(JSON.stringify(r.error.details)).toContain(field);
      }
    }
    expect(await app.call('settings.update', { colour: 'red' }, app.adminToken)).toMatchObject({ ok: false });
    expect(await app.ok('settings.get', {}, app.adminToken)).toEqual(before);
  });

  it('follows the saved time zone after a restart', async () => {
    await app.ok('settings.update', { storeTimeZone: 'Asia/Urumqi' }, app.adminToken);
    expect(storeTimeZone()).toBe('Asia/Urumqi');
    app.core.close();
    // Another zone meanwhile (as a fresh process would start with the default)…
    const other = await createTestApp({ clock: () => now });
    expect(storeTimeZone()).toBe('Asia/Shanghai');
    other.close();
    // …and reopening the first database brings its own zone back.
    const core = await startAppCore({ dataDir: app.dataDir, validateOutput: true, clock: () => now });
    expect(storeTimeZone()).toBe('Asia/Urumqi');
    const login = await core.router(
      'auth.login',
      { username: 'admin', password: adminPassword },
      { token: null },
    );
    const token = login.ok ? (login.data as { token: string }).token : null;
    const read = await core.router('settings.get', {}, { token });
    expect(read).toMatchObject({ ok: true, data: { storeTimeZone: 'Asia/Urumqi' } });
    core.close();
  });
});
