import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { TimelineItem } from '../../electron/contract/customers';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/** Any 17 characters with the right check digit put in position 9. */
const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;

let phone = 13800000000;
const nextMobile = () => String(++phone);

describe('customer card', () => {
  let app: TestApp;
  let token: string;
  let now = new Date('2026-11-22T10:00:00+08:00');
  let serial = 0;

  const customer = (fields: Record<string, unknown> = {}) =>
    app.ok('customers.create', { name: '客户', mobile: nextMobile(), ...fields }, token);
  const car = (customerId: number, fields: Record<string, unknown> = {}) =>
    app.ok(
      'vehicles.create',
      {
        customerId,
        fields: {
          vin: vin(`LSVAU2180N${String(100000 + ++serial).padStart(7, '0')}`),
          brand: '大众',
          series: '朗逸',
          deliveryDate: '2026-09-01',
          ...fields,
        },
      },
      token,
    );
  const card = (id: number) => app.ok('customers.card', { id }, token);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    token = await app.userWithRole('front_desk');
  });
  afterAll(() => app.close());

  it('shows the referrer, the people referred and whether they bought', async () => {
    const referrer = await customer({ name: '周大福' });
    const buyer = await customer({ name: '吴小宝', sourceChannel: 'referral', referrerId: referrer.id });
    const browser = await customer({
      name: '郑一',
      sourceChannel: 'referral',
      referrerId: referrer.id,
      stage: 'intent',
    });
    await car(buyer.id);

    const a = await card(referrer.id);
    expect(a.referred.total).toBe(2);
    expect(a.referred.rows).toEqual([
      { id: buyer.id, name: '吴小宝', stage: 'new_owner', hasPurchased: true },
      { id: browser.id, name: '郑一', stage: 'intent', hasPurchased: false },
    ]);
    expect(a.derived.loyalty.parts.find((p) => p.key === 'promotion')).toMatchObject({
      points: 2,
      reason: '推荐客户 2 人，其中成交 1 人',
    });
    expect((await card(buyer.id)).referrer).toEqual({ id: referrer.id, name: '周大福' });
  });

  it('refuses a referral that would loop back to the customer', async () => {
    const a = await customer({ name: '甲' });
    const b = await customer({ name: '乙', sourceChannel: 'referral', referrerId: a.id });
    const loop = await app.call(
      'customers.update',
      {
        id: a.id,
        version: a.version,
        fields: { name: '甲', mobile: a.mobile, sourceChannel: 'referral', referrerId: b.id },
      },
      token,
    );
    expect(loop).toMatchObject({
      ok: false,
      error: { kind: 'validation', details: { fields: { referrerId: expect.stringContaining('循环') } } },
    });
  });

  it('records consent per purpose with date and channel, and leaves the others unrecorded', async () => {
    const c = await customer();
    const consents = await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'marketing', granted: true, channel: 'wechat' },
      token,
    );
    expect(consents).toEqual({
      service: null,
      care: null,
      marketing: { granted: true, recordedAt: now.toISOString(), channel: 'wechat' },
      events: null,
    });
    now = new Date(now.getTime() + 60_000);
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'marketing', granted: false, channel: 'phone' },
      token,
    );
    const view = await card(c.id);
    expect(view.customer.consents.marketing).toEqual({
      granted: false,
      recordedAt: now.toISOString(),
      channel: 'phone',
    });
    // The table keeps the latest answer; the timeline keeps every change.
    const notes = view.timeline.items.filter((i) => i.source === 'interaction' && i.kind === 'note');
    expect(notes.map((n) => (n.source === 'interaction' ? n.summary : ''))).toEqual([
      '授权记录：不同意营销推广（电话）',
      '授权记录：同意营销推广（微信）',
    ]);
  });

  it('refuses an edit on a stale copy, showing the current values, and overwrites nothing', async () => {
    const c = await customer({
      name: '冯七',
      preferences: { contactChannel: 'wechat', contactTime: '工作日晚上' },
    });
    const mine = await app.ok(
      'customers.update',
      {
        id: c.id,
        version: c.version,
        fields: { name: '冯七', mobile: '13911112222', preferences: { color: '白色' } },
      },
      token,
    );
    const stale = await app.call(
      'customers.update',
      { id: c.id, version: c.version, fields: { name: '冯七七', mobile: '13933334444' } },
      token,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message: '该客户资料在您编辑期间测试front_desk刚刚保存过，请查看最新内容后再保存',
        details: {
          savedBy: '测试front_desk',
          current: {
            name: '冯七',
            // Masked for front desk, like every card they are shown.
            mobile: '139****2222',
            version: mine.version,
            preferences: { contactChannel: null, contactTime: null, color: '白色', note: null },
          },
        },
      },
    });
    expect((await card(c.id)).customer).toMatchObject({ name: '冯七', mobile: '139****2222', version: 2 });
  });

  it('dates the do-not-contact flag when first set, keeps that date on later edits, clears it with the flag', async () => {
    const c = await customer({ name: '褚勿扰' });
    expect(c.doNotContactAt).toBeNull();
    const base = { name: '褚勿扰', mobile: c.mobile };
    const set = await app.ok(
      'customers.update',
      { id: c.id, version: 1, fields: { ...base, doNotContact: true } },
      token,
    );
    expect(set).toMatchObject({ doNotContact: true, doNotContactAt: now.toISOString() });
    const first = now;
    now = new Date(now.getTime() + 3_600_000);
    const again = await app.ok(
      'customers.update',
      { id: c.id, version: 2, fields: { ...base, doNotContact: true, notes: '改备注' } },
      token,
    );
    expect(again.doNotContactAt).toBe(first.toISOString());
    const cleared = await app.ok(
      'customers.update',
      { id: c.id, version: 3, fields: { ...base, doNotContact: false } },
      token,
    );
    expect(cleared).toMatchObject({ doNotContact: false, doNotContactAt: null });
  });

  it('validates the ID number with its check digit, normalises it, and checks it against the birthday', async () => {
    const ok = await customer({
      idNumber: ' １１０１０５１９４９１２３１００２x ',
      birthday: '1949-12-31',
      gender: 'female',
    });
    expect(ok.idNumber).toBe('1101**********002X');
    expect(
      app.core.db.$client.prepare('select id_number from customers where id = ?').pluck().get(ok.id),
    ).toBe('11010519491231002X');
    const bad = await app.call(
      'customers.create',
      { name: '错号', mobile: nextMobile(), idNumber: '110105194912310021' },
      token,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: { kind: 'validation', details: { fields: { idNumber: '身份证号无效：校验位错误，应为 X' } } },
    });
    const mismatch = await app.call(
      'customers.create',
      { name: '错生日', mobile: nextMobile(), idNumber: '11010519491231002X', birthday: '1950-01-01' },
      token,
    );
    expect(mismatch).toMatchObject({
      ok: false,
      error: { kind: 'validation', details: { fields: { birthday: '出生日期与身份证号不一致' } } },
    });
    const blank = await customer({ idNumber: '' });
    expect(blank.idNumber).toBeNull();
  });

  it('reads preferences written by older cards in Chinese words', async () => {
    const c = await customer();
    app.core.db.$client
      .prepare('update customers set preferences = ? where id = ?')
      .run(JSON.stringify({ contactChannel: '微信', contactTime: '周末' }), c.id);
    expect((await card(c.id)).customer.preferences).toEqual({
      contactChannel: 'wechat',
      contactTime: '周末',
      color: null,
      note: null,
    });
  });

  it('derives stage, grade, loyalty, warranty and the last 12 months, and keeps the stage column in step', async () => {
    const c = await customer({ name: '蒋新车', stage: 'intent' });
    const v = await car(c.id, { deliveryDate: '2026-09-01', plate: '粤L12345' });
    expect(v.warranty).toMatchObject({ state: 'first_service', endsOn: '2026-12-01' });

    await app.ok(
      'visits.create',
      {
        vehicleId: v.id,
        visitDate: '2026-11-20',
        type: 'first_maintenance',
        mileageKm: 2800,
        amountFen: 30000,
      },
      token,
    );
    const view = await card(c.id);
    expect(view.derived.stage).toEqual({
      value: 'new_owner',
      reason: '首辆车于 2026-09-01 交付，在 6 个月之内',
    });
    expect(view.derived.baseGrade.value).toBe('potential');
    expect(view.derived.last12Months).toEqual({
      from: '2025-11-22',
      to: '2026-11-22',
      visits: 1,
      revenueFen: 30000,
    });
    expect(view.derived.loyalty.parts.map((p) => p.points)).toEqual([1, 2, 0, 0]);
    expect(view.derived.loyalty.total).toBe(3);
    expect(view.vehicles).toHaveLength(1);
    expect(view.vehicles[0]).toMatchObject({
      plate: '粤L12345',
      mileageKm: 2800,
      mileageAt: '2026-11-20',
      acquiredOn: '2026-09-01',
      previousOwners: 0,
      warranty: { state: 'in_warranty', endsOn: '2029-09-01' },
    });
    const stored = app.core.db.$client
      .prepare('select stage, base_grade as g, last_visit_at as lv from customers where id = ?')
      .get(c.id);
    expect(stored).toEqual({ stage: 'new_owner', g: 'potential', lv: '2026-11-20' });
    const listed = await app.ok('customers.list', { filters: { stages: ['new_owner'] } }, token);
    expect(listed.rows.map((r) => r.id)).toContain(c.id);
  });

  it('scores satisfaction from CSI surveys and events from event attendance', async () => {
    const c = await customer();
    await car(c.id, { deliveryDate: '2024-05-01' });
    const db = app.core.db.$client;
    const survey = db.prepare(
      "insert into csi_surveys (customer_id, kind, overall, surveyed_at) values (?, 'service', ?, ?)",
    );
    survey.run(c.id, 'satisfied', '2026-06-01T02:00:00.000Z');
    survey.run(c.id, 'satisfied', '2025-12-01T02:00:00.000Z');
    survey.run(c.id, 'dissatisfied', '2024-01-01T02:00:00.000Z'); // older than 24 months: not counted
    for (const at of ['2026-05-01T02:00:00.000Z', '2026-10-01T02:00:00.000Z']) {
      await app.ok(
        'interactions.create',
        { customerId: c.id, kind: 'event', occurredAt: at, summary: '参加车主自驾游' },
        token,
      );
    }
    const parts = (await card(c.id)).derived.loyalty.parts;
    expect(parts[0]).toMatchObject({
      key: 'satisfaction',
      points: 2,
      reason: '近 24 个月满意度回访 2 次，均为满意',
    });
    expect(parts[2]).toMatchObject({ key: 'events', points: 2, reason: '近 24 个月参加活动 2 次' });
  });

  it('turns a lead dormant after a year of silence, and is not found for an unknown id', async () => {
    const c = await customer({ stage: 'lead' });
    expect((await card(c.id)).derived.stage.value).toBe('lead');
    app.core.db.$client
      .prepare("update customers set created_at = '2025-10-01T02:00:00.000Z' where id = ?")
      .run(c.id);
    expect((await card(c.id)).derived.stage).toMatchObject({
      value: 'dormant',
      reason: expect.stringContaining('2025-10-01'),
    });
    expect(await app.call('customers.card', { id: 987654 }, token)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  describe('timeline', () => {
    let id: number;
    const at = (local: string) => new Date(`${local}+08:00`).toISOString();

    beforeAll(async () => {
      const c = await customer({ name: '时间线' });
      id = c.id;
      const v = await car(id, { deliveryDate: '2026-01-10' });
      const log = (kind: string, time: string, summary: string) =>
        app.ok(
          'interactions.create',
          { customerId: id, kind, occurredAt: at(time), summary, direction: 'outbound' },
          token,
        );
      await app.ok(
        'visits.create',
        { vehicleId: v.id, visitDate: '2026-04-10', type: 'first_maintenance', mileageKm: 2900 },
        token,
      );
      await app.ok(
        'visits.create',
        { vehicleId: v.id, visitDate: '2026-10-10', type: 'maintenance', mileageKm: 9000, amountFen: 68000 },
        token,
      );
      await log('call', '2026-10-10T15:00:00', '保养后满意度回访');
      await log('note', '2026-10-12T09:00:00', '客户反映异响');
      await log('call', '2026-04-01T10:00:00', '首保提醒');
      await log('visit', '2026-02-01T11:00:00', '到店看新车');
      // Ties: a second visit the same day, a second contact at the very same instant.
      await app.ok(
        'visits.create',
        { vehicleId: v.id, visitDate: '2026-10-10', type: 'detailing', mileageKm: 9000 },
        token,
      );
      await log('sms', '2026-10-12T09:00:00', '发送保养优惠短信');
    });

    const describeItem = (i: TimelineItem) =>
      i.source === 'visit' ? `visit:${i.kind}:${i.date}` : `${i.kind}:${i.summary}`;

    it("merges visits and contacts newest first; a day's contacts come above that day's visit", async () => {
      const page = await app.ok('customers.timeline', { customerId: id }, token);
      expect(page.items.map(describeItem)).toEqual([
        'sms:发送保养优惠短信',
        'note:客户反映异响',
        'call:保养后满意度回访',
        'visit:detailing:2026-10-10',
        'visit:maintenance:2026-10-10',
        'visit:first_maintenance:2026-04-10',
        'call:首保提醒',
        'visit:到店看新车',
      ]);
      expect(page.nextCursor).toBeNull();
      expect((await card(id)).timeline.items.map(describeItem)).toEqual(page.items.map(describeItem));
    });

    it('filters by kind', async () => {
      const calls = await app.ok('customers.timeline', { customerId: id, kinds: ['call'] }, token);
      expect(calls.items.map(describeItem)).toEqual(['call:保养后满意度回访', 'call:首保提醒']);
      const service = await app.ok(
        'customers.timeline',
        { customerId: id, kinds: ['maintenance', 'first_maintenance'] },
        token,
      );
      expect(service.items.map(describeItem)).toEqual([
        'visit:maintenance:2026-10-10',
        'visit:first_maintenance:2026-04-10',
      ]);
    });

    it('pages by cursor through the same order without repeats', async () => {
      const all = (await app.ok('customers.timeline', { customerId: id }, token)).items.map(describeItem);
      for (const limit of [1, 2, 3, 4]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 10; pages++) {
          const page: { items: TimelineItem[]; nextCursor: string | null } = await app.ok(
            'customers.timeline',
            { customerId: id, limit, cursor },
            token,
          );
          seen.push(...page.items.map(describeItem));
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        expect(seen, `limit ${limit}`).toEqual(all);
      }
      const forged = await app.call('customers.timeline', { customerId: id, cursor: 'bm9wZQ' }, token);
      expect(forged).toMatchObject({ ok: false, error: { kind: 'validation' } });
    });

    it('refuses a contact dated in the future', async () => {
      const r = await app.call(
        'interactions.create',
        { customerId: id, kind: 'call', occurredAt: '2030-01-01T00:00:00Z', summary: '未来' },
        token,
      );
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: '联系时间不能晚于现在' } });
    });
  });

  it('lets a complaint handler read the card but not log on it', async () => {
    const c = await customer();
    const reader = await app.userWithRole('complaint_handler');
    expect((await app.ok('customers.card', { id: c.id }, reader)).customer.id).toBe(c.id);
    // The ID number is masked for everyone without personal.reveal (PIPL least privilege), editors too;
    // test/api/personal-masking.test.ts covers every channel and role.
    const withId = await customer({ idNumber: '11010519491231002X' });
    expect((await app.ok('customers.card', { id: withId.id }, reader)).customer.idNumber).toBe(
      '1101**********002X',
    );
    expect((await card(withId.id)).customer.idNumber).toBe('1101**********002X');
    expect((await app.ok('customers.card', { id: withId.id }, app.adminToken)).customer.idNumber).toBe(
      '11010519491231002X',
    );
    const r = await app.call(
      'interactions.create',
      { customerId: c.id, kind: 'note', summary: '备注' },
      reader,
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
