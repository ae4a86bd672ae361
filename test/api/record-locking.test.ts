import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { TicketConflictDetails } from '../../electron/contract/complaints';
import { callbackFixture } from '../helpers/callback-fixture';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/**
 * Two people saving one record (issue 15, "never overwrite each other"): for vehicles, visits, complaint tickets
 * and the store settings, a save on a stale copy merges when the two changed different fields, and is refused
 * as a conflict with the values stored now (and who saved them) when both changed the same field.
 */

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
let serial = 0;
const nextVin = () => vin(`LFV2A21K0L${String(++serial).padStart(7, '0')}`);

let app: TestApp;
const fx = callbackFixture(() => app, '8');
const t = (who: string) => fx.tokens[who]!;

const conflictOf = async (channel: string, input: unknown, token: string) => {
  const r = await app.call(channel, input, token);
  if (r.ok) throw new Error(`${channel} should have been refused`);
  expect(r.error.kind).toBe('conflict');
  return r.error.details as { current: Record<string, unknown>; clashes: string[]; savedBy: string | null };
};

beforeAll(async () => {
  app = await createTestApp({ clock: () => new Date('2026-11-20T10:00:00+08:00') });
  await fx.staff('desk1', 'front_desk');
  await fx.staff('desk2', 'front_desk');
  await fx.staff('mgr', 'manager');
});
afterAll(() => app.close());

describe('vehicles', () => {
  const fresh = async () => {
    const owner = await app.ok(
      'customers.create',
      { name: '周车主', mobile: `1370000${++serial}`.padEnd(11, '0') },
      t('desk1'),
    );
    return app.ok(
      'vehicles.create',
      { customerId: owner.id, fields: { vin: nextVin(), brand: '大众', series: '迈腾', color: '白' } },
      t('desk1'),
    );
  };
  const formOf = (v: Awaited<ReturnType<typeof fresh>>) => ({
    vin: v.vin,
    plate: v.plate,
    brand: v.brand,
    series: v.series,
    model: v.model,
    color: v.color,
    energy: v.energy,
    deliveryDate: v.deliveryDate,
    priceFen: v.priceFen,
    insuranceExpiry: v.insuranceExpiry,
    finance: v.finance,
    mileageKm: v.mileageKm,
  });

  it('merges edits of different fields made on the same copy', async () => {
    const v = await fresh();
    const base = formOf(v);
    await app.ok(
      'vehicles.update',
      { id: v.id, version: v.version, base, fields: { ...base, color: '黑' } },
      t('desk1'),
    );
    const merged = await app.ok(
      'vehicles.update',
      { id: v.id, version: v.version, base, fields: { ...base, model: '330TSI' } },
      t('desk2'),
    );
    expect(merged).toMatchObject({ color: '黑', model: '330TSI', version: v.version + 2 });
  });

  it('refuses the same field changed by both, with the vehicle now and who saved it', async () => {
    const v = await fresh();
    const base = formOf(v);
    await app.ok(
      'vehicles.update',
      { id: v.id, version: v.version, base, fields: { ...base, color: '黑' } },
      t('desk1'),
    );
    const c = await conflictOf(
      'vehicles.update',
      { id: v.id, version: v.version, base, fields: { ...base, color: '红' } },
      t('desk2'),
    );
    expect(c.clashes).toEqual(['color']);
    expect(c.current).toMatchObject({ color: '黑', version: v.version + 1 });
    expect(c.savedBy).toBe('员工desk1');
    expect((await app.ok('vehicles.get', { id: v.id }, t('desk1'))).color).toBe('黑');
  });
});

describe('service visits', () => {
  const fresh = async () => {
    const owner = await app.ok(
      'customers.create',
      { name: '吴车主', mobile: `1360000${++serial}`.padEnd(11, '0') },
      t('desk1'),
    );
    const car = await app.ok(
      'vehicles.create',
      {
        customerId: owner.id,
        fields: { vin: nextVin(), brand: '大众', series: '速腾', deliveryDate: '2026-01-05' },
      },
      t('desk1'),
    );
    const item = await app.ok(
      'visits.create',
      { vehicleId: car.id, visitDate: '2026-11-01', type: 'maintenance', mileageKm: 9000, amountFen: 50000 },
      t('desk1'),
    );
    return app.ok('visits.get', { id: item.id }, t('desk1'));
  };
  const formOf = (v: Awaited<ReturnType<typeof fresh>>) => ({
    type: v.type,
    amountFen: v.amountFen,
    advisor: v.advisor,
    notes: v.notes,
    outDate: v.outDate,
    repairSystem: v.repairSystem,
    mainPartReplaced: v.mainPartReplaced,
    mainPart: v.mainPart,
    seriousSafety: v.seriousSafety,
    faultText: v.faultText,
  });

  it('merges, and refuses the same field with the visit now and who saved it', async () => {
    const v = await fresh();
    const base = formOf(v);
    await app.ok(
      'visits.update',
      { id: v.id, version: v.version, base, ...base, advisor: '李工' },
      t('desk1'),
    );
    const merged = await app.ok(
      'visits.update',
      { id: v.id, version: v.version, base, ...base, notes: '客户自带机油' },
      t('desk2'),
    );
    expect(merged).toMatchObject({ advisor: '李工', notes: '客户自带机油' });
    const c = await conflictOf(
      'visits.update',
      { id: v.id, version: v.version, base, ...base, advisor: '张工' },
      t('desk2'),
    );
    expect(c.clashes).toEqual(['advisor']);
    expect(c.current).toMatchObject({ advisor: '李工', version: merged.version });
    expect(c.savedBy).toBe('员工desk2');
  });
});

describe('complaint tickets', () => {
  const facts = {
    safety_fault: false,
    media_exposure: false,
    regulator: false,
    refund_or_replacement: false,
    concrete_loss: false,
  };
  const fresh = async () => {
    const customerId = fx.customer('投诉客户');
    const change = await app.ok(
      'complaints.create',
      {
        customerId,
        channel: 'walk_in',
        category: 'service_quality',
        description: '保养后异响',
        receivedAt: new Date('2026-11-20T09:00:00+08:00').toISOString(),
        facts,
      },
      t('desk1'),
    );
    return app.ok('complaints.get', { id: change.id }, t('mgr'));
  };

  it('merges a stale edit with a note and another fact changed meanwhile', async () => {
    const d = await fresh();
    const base = { description: d.description, demand: d.demand ?? '' };
    await app.ok('complaints.addEvent', { id: d.id, kind: 'note', note: '已联系客户' }, t('mgr'));
    await app.ok(
      'complaints.update',
      { id: d.id, version: d.version, base, fields: { demand: '免费检查' } },
      t('mgr'),
    );
    await app.ok(
      'complaints.update',
      { id: d.id, version: d.version, base, fields: { description: '保养后发动机异响' } },
      t('mgr'),
    );
    const after = await app.ok('complaints.get', { id: d.id }, t('mgr'));
    expect(after).toMatchObject({ demand: '免费检查', description: '保养后发动机异响' });
  });

  it('refuses the same fact changed by both, with the facts now and who saved them', async () => {
    const d = await fresh();
    const base = { demand: d.demand ?? '' };
    await app.ok(
      'complaints.update',
      { id: d.id, version: d.version, base, fields: { demand: '退款' } },
      t('mgr'),
    );
    const c = (await conflictOf(
      'complaints.update',
      { id: d.id, version: d.version, base, fields: { demand: '换车' } },
      t('mgr'),
    )) as unknown as TicketConflictDetails;
    expect(c.clashes).toEqual(['demand']);
    expect(c.current).toMatchObject({
      demand: '退款',
      category: 'service_quality',
      version: expect.any(Number),
    });
    expect(c.current).not.toHaveProperty('customer');
    expect(c.savedBy).toBe('员工mgr');
    expect((await app.ok('complaints.get', { id: d.id }, t('mgr'))).demand).toBe('退款');
  });

  it('still refuses a stale edit without the values it started from', async () => {
    const d = await fresh();
    await app.ok('complaints.addEvent', { id: d.id, kind: 'note', note: '补充' }, t('mgr'));
    await conflictOf(
      'complaints.update',
      { id: d.id, version: d.version, fields: { demand: '换车' } },
      t('mgr'),
    );
  });
});

describe('store settings', () => {
  it('carries a version; two administrators changing different settings both stand', async () => {
    const s = await app.ok('settings.get', {}, app.adminToken);
    const base = { storeName: s.storeName, callingHours: s.callingHours };
    const first = await app.ok(
      'settings.update',
      { version: s.version, base, storeName: '城东店', callingHours: s.callingHours },
      app.adminToken,
    );
    expect(first.version).toBe(s.version + 1);
    const second = await app.ok(
      'settings.update',
      { version: s.version, base, storeName: s.storeName, callingHours: { start: '10:00', end: '19:00' } },
      app.adminToken,
    );
    expect(second).toMatchObject({
      storeName: '城东店',
      callingHours: { start: '10:00', end: '19:00' },
      version: s.version + 2,
    });
  });

  it('refuses the same setting changed by both, with the settings now', async () => {
    const s = await app.ok('settings.get', {}, app.adminToken);
    const base = { storeName: s.storeName };
    await app.ok('settings.update', { version: s.version, base, storeName: '城西店' }, app.adminToken);
    const c = await conflictOf(
      'settings.update',
      { version: s.version, base, storeName: '城北店' },
      app.adminToken,
    );
    expect(c.clashes).toEqual(['storeName']);
    expect(c.current).toMatchObject({ storeName: '城西店', version: s.version + 1 });
    expect(c.savedBy).toEqual(expect.any(String));
    expect((await app.ok('settings.get', {}, app.adminToken)).storeName).toBe('城西店');
  });
});
