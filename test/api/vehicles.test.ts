import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
let serial = 0;
const nextVin = () => vin(`LFV2A21K0P${String(++serial).padStart(7, '0')}`);
let phone = 13500000000;

describe('vehicles and service visits', () => {
  let app: TestApp;
  let token: string;
  const now = new Date('2026-11-22T10:00:00+08:00');

  const customer = (name: string) => app.ok('customers.create', { name, mobile: String(++phone) }, token);
  const create = (customerId: number, fields: Record<string, unknown> = {}) =>
    app.call(
      'vehicles.create',
      {
        customerId,
        fields: { vin: nextVin(), brand: '一汽-大众', series: '迈腾', deliveryDate: '2025-06-01', ...fields },
      },
      token,
    );
  const fieldsOf = (r: Awaited<ReturnType<TestApp['call']>>) =>
    r.ok ? {} : (r.error.details as { fields: Record<string, string> }).fields;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    token = await app.userWithRole('front_desk');
  });
  afterAll(() => app.close());

  describe('VIN and plate', () => {
    let ownerId: number;
    beforeAll(async () => {
      ownerId = (await customer('韩梅')).id;
    });

    it('normalises a VIN typed in lower case, with spaces or in full width, and stores it', async () => {
      const raw = nextVin();
      const typed = ` ${raw.slice(0, 8).toLowerCase()} ${raw.slice(8).replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))}`;
      const r = await create(ownerId, { vin: typed });
      expect(r).toMatchObject({ ok: true, data: { vin: raw } });
      const stored = app.core.db.$client
        .prepare('select vin_reversed as r from vehicles where vin = ?')
        .get(raw);
      expect(stored).toEqual({ r: [...raw].reverse().join('') });
    });

    it('refuses a bad VIN with the reason in Chinese', async () => {
      const good = nextVin();
      const wrongDigit = `${good.slice(0, 8)}${good[8] === '1' ? '2' : '1'}${good.slice(9)}`;
      expect(fieldsOf(await create(ownerId, { vin: wrongDigit }))['fields.vin']).toMatch(
        /^VIN 无效：校验位错误，应为 [0-9X]$/,
      );
      expect(fieldsOf(await create(ownerId, { vin: 'LSVAU218XN218329' }))['fields.vin']).toBe(
        'VIN 无效：长度应为17位',
      );
      expect(fieldsOf(await create(ownerId, { vin: 'LSVAU218XN21832O4' }))['fields.vin']).toBe(
        'VIN 无效：不能包含字母 I、O、Q',
      );
    });

    it('normalises plates (case, separators, full width) and accepts 6-digit new-energy plates', async () => {
      const regular = await create(ownerId, { plate: '粤ｌ·１２３４５' });
      expect(regular).toMatchObject({ ok: true, data: { plate: '粤L12345' } });
      const green = await create(ownerId, { plate: '粤b d12345', energy: 'electric' });
      expect(green).toMatchObject({ ok: true, data: { plate: '粤BD12345' } });
      const none = await create(ownerId, { plate: '' });
      expect(none).toMatchObject({ ok: true, data: { plate: null } });
    });

    it('refuses a bad plate with the reason in Chinese', async () => {
      expect(fieldsOf(await create(ownerId, { plate: '粤L1234' }))['fields.plate']).toBe(
        '车牌号无效：长度不正确，应为7位（新能源车8位）',
      );
      expect(fieldsOf(await create(ownerId, { plate: 'AL12345' }))['fields.plate']).toBe(
        '车牌号无效：第一位应为省份简称，如 粤',
      );
      expect(fieldsOf(await create(ownerId, { plate: '粤LO1234' }))['fields.plate']).toBe(
        '车牌号无效：不能包含字母 I、O',
      );
    });

    it('answers a VIN already on file with a conflict naming its owner', async () => {
      const first = await create(ownerId, { plate: '粤L88888' });
      if (!first.ok) throw new Error('setup');
      const taken = (first.data as { vin: string }).vin;
      const other = await customer('李雷');
      const again = await create(other.id, { vin: taken.toLowerCase() });
      expect(again).toMatchObject({
        ok: false,
        error: {
          kind: 'conflict',
          message: expect.stringMatching(
            /^该车架号已登记在客户 韩\*\*（1\d{2}\*{4}\d{4}）名下（粤L·88888 迈腾），请勿重复建档；如车辆已转手，可办理过户$/,
          ),
          details: { reason: 'vin_taken', owner: { id: ownerId, maskedName: '韩**' } },
        },
      });
    });
  });

  it('refuses a stale vehicle edit with the current values', async () => {
    const c = await customer('刘备');
    const v = await app.ok(
      'vehicles.create',
      { customerId: c.id, fields: { vin: nextVin(), brand: '大众', series: '帕萨特' } },
      token,
    );
    const fields = { vin: v.vin, brand: '大众', series: '帕萨特', color: '黑色' };
    const mine = await app.ok('vehicles.update', { id: v.id, version: v.version, fields }, token);
    expect(mine).toMatchObject({ color: '黑色', version: v.version + 1 });
    const stale = await app.call(
      'vehicles.update',
      { id: v.id, version: v.version, fields: { ...fields, color: '白色' } },
      token,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message: expect.stringMatching(
          /^该车辆资料在您编辑期间有更新（\d{4}-\d{2}-\d{2} \d{2}:\d{2}），请查看最新内容后再保存$/,
        ),
        details: { current: { color: '黑色' } },
      },
    });
    expect((await app.ok('vehicles.get', { id: v.id }, token)).color).toBe('黑色');
  });

  describe('transfer', () => {
    it('keeps the history with the vehicle, and the consent with each person', async () => {
      const seller = await customer('卖家张');
      const buyer = await customer('买家王');
      await app.ok(
        'customers.setConsent',
        { customerId: seller.id, purpose: 'marketing', granted: true, channel: 'paper' },
        token,
      );
      const v = await app.ok(
        'vehicles.create',
        {
          customerId: seller.id,
          fields: {
            vin: nextVin(),
            brand: '大众',
            series: '途观L',
            deliveryDate: '2023-05-01',
            plate: '粤L66666',
          },
        },
        token,
      );
      await app.ok(
        'visits.create',
        { vehicleId: v.id, visitDate: '2024-05-01', type: 'maintenance', mileageKm: 15000, amountFen: 80000 },
        token,
      );
      const before = await app.ok('vehicles.get', { id: v.id }, token);

      const early = await app.call(
        'vehicles.transfer',
        { id: v.id, version: before.version, toCustomerId: buyer.id, date: '2023-01-01' },
        token,
      );
      expect(fieldsOf(early).date).toBe('过户日期不能早于当前车主的接手日期 2023-05-01');

      const moved = await app.ok(
        'vehicles.transfer',
        { id: v.id, version: before.version, toCustomerId: buyer.id, date: '2026-10-01' },
        token,
      );
      expect(moved).toMatchObject({
        ownerId: buyer.id,
        ownerName: '买家王',
        acquiredOn: '2026-10-01',
        previousOwners: 1,
      });

      const history = await app.ok('vehicles.history', { id: v.id }, token);
      expect(history.owners).toEqual([
        {
          customerId: seller.id,
          name: '卖家张',
          fromDate: '2023-05-01',
          toDate: '2026-10-01',
          current: false,
          visits: 1,
        },
        {
          customerId: buyer.id,
          name: '买家王',
          fromDate: '2026-10-01',
          toDate: null,
          current: true,
          visits: 0,
        },
      ]);
      const sellerCard = await app.ok('customers.card', { id: seller.id }, token);
      const buyerCard = await app.ok('customers.card', { id: buyer.id }, token);
      expect(sellerCard.vehicles).toEqual([]);
      expect(buyerCard.vehicles.map((x) => x.id)).toEqual([v.id]);
      expect(sellerCard.customer.consents.marketing).toMatchObject({ granted: true, channel: 'paper' });
      expect(buyerCard.customer.consents).toEqual({
        service: null,
        care: null,
        marketing: null,
        events: null,
      });
      // The seller's visit stays the seller's: it is on their timeline, not the buyer's.
      expect(sellerCard.timeline.items.some((i) => i.source === 'visit' && i.vehicleId === v.id)).toBe(true);
      expect(buyerCard.timeline.items.some((i) => i.source === 'visit')).toBe(false);
      expect(buyerCard.derived.stage.value).toBe('new_owner');

      const stale = await app.call(
        'vehicles.transfer',
        { id: v.id, version: before.version, toCustomerId: seller.id, date: '2026-11-01' },
        token,
      );
      expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    });
  });

  describe('service visits', () => {
    let vehicleId: number;
    let customerId: number;
    beforeAll(async () => {
      customerId = (await customer('赵云')).id;
      const v = await app.ok(
        'vehicles.create',
        { customerId, fields: { vin: nextVin(), brand: '大众', series: '速腾', deliveryDate: '2026-01-05' } },
        token,
      );
      vehicleId = v.id;
      await app.ok(
        'visits.create',
        { vehicleId, visitDate: '2026-04-01', type: 'first_maintenance', mileageKm: 3100 },
        token,
      );
      await app.ok(
        'visits.create',
        { vehicleId, visitDate: '2026-09-01', type: 'maintenance', mileageKm: 9500, amountFen: 52000 },
        token,
      );
    });

    it('moves the vehicle mileage and the customer last visit forward', async () => {
      const visit = await app.ok(
        'visits.create',
        {
          vehicleId,
          visitDate: '2026-11-20',
          type: 'repair',
          mileageKm: 11200,
          amountFen: 120000,
          advisor: '王师傅',
        },
        token,
      );
      expect(visit).toMatchObject({
        source: 'visit',
        customerId,
        kind: 'repair',
        date: '2026-11-20',
        advisor: '王师傅',
      });
      expect(await app.ok('vehicles.get', { id: vehicleId }, token)).toMatchObject({
        mileageKm: 11200,
        mileageAt: '2026-11-20',
      });
      expect((await app.ok('customers.get', { id: customerId }, token)).lastVisitAt).toBe('2026-11-20');
    });

    it('refuses a mileage below an earlier reading, and a back-dated one above a later reading', async () => {
      const lower = await app.call(
        'visits.create',
        { vehicleId, visitDate: '2026-10-01', type: 'detailing', mileageKm: 9000 },
        token,
      );
      expect(lower).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(fieldsOf(lower).mileageKm).toBe('里程 9000 km 低于 2026-09-01 记录的 9500 km，请核对');
      const higher = await app.call(
        'visits.create',
        { vehicleId, visitDate: '2026-06-01', type: 'repair', mileageKm: 9800 },
        token,
      );
      expect(fieldsOf(higher).mileageKm).toBe('里程 9800 km 高于之后 2026-09-01 记录的 9500 km，请核对');
    });

    it('keeps the latest reading when a visit is back-dated, and refuses future or pre-delivery dates', async () => {
      await app.ok(
        'visits.create',
        { vehicleId, visitDate: '2026-06-01', type: 'repair', mileageKm: 6000 },
        token,
      );
      expect(await app.ok('vehicles.get', { id: vehicleId }, token)).toMatchObject({
        mileageKm: 11200,
        mileageAt: '2026-11-20',
      });
      expect((await app.ok('customers.get', { id: customerId }, token)).lastVisitAt).toBe('2026-11-20');
      const future = await app.call(
        'visits.create',
        { vehicleId, visitDate: '2026-11-23', type: 'repair', mileageKm: 12000 },
        token,
      );
      expect(fieldsOf(future).visitDate).toBe('进站日期不能晚于今天');
      const early = await app.call(
        'visits.create',
        { vehicleId, visitDate: '2025-12-01', type: 'repair', mileageKm: 10 },
        token,
      );
      expect(fieldsOf(early).visitDate).toBe('进站日期早于交车日期 2026-01-05');
    });

    it('refuses a typed mileage correction below a service record', async () => {
      const v = await app.ok('vehicles.get', { id: vehicleId }, token);
      const r = await app.call(
        'vehicles.update',
        {
          id: vehicleId,
          version: v.version,
          fields: {
            vin: v.vin,
            brand: v.brand,
            series: v.series,
            deliveryDate: v.deliveryDate,
            mileageKm: 5000,
          },
        },
        token,
      );
      expect(fieldsOf(r)['mileageKm']).toBe('里程不能低于 2026-11-20 进站时记录的 11200 km');
    });
  });
});
