import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../electron/contract/permissions';
import { roleCan, roles } from '../../electron/contract/permissions';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { eventFixture } from '../helpers/event-fixture';

/**
 * The day at the venue: the door's lookup (plate and its tail, phone tail, name, pinyin, sign-up number),
 * check-in once and only once, a mistaken tap taken back, walk-ins (a lead card with source 活动 and its
 * referrer), the masked paper sheet, and who may do it.
 */

// Saturday 14 Nov 2026, 09:00 in the store: the event's first day.
const now = new Date('2026-11-14T09:00:00+08:00');

describe('events: the day', () => {
  let app: TestApp;
  let manager: string;
  const sql = () => app.core.db.$client;
  const ev = eventFixture(sql);
  let serial = 0;

  function customer(name: string, pinyin: string, mobile: string, extra: Record<string, unknown> = {}) {
    const row = {
      name,
      name_pinyin: pinyin,
      name_initials: pinyin.slice(0, 1),
      mobile,
      mobile_tail: mobile.slice(-4),
      stage: 'owner',
      ...extra,
    };
    const cols = Object.keys(row);
    return Number(
      sql()
        .prepare(`insert into customers (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid,
    );
  }
  function car(ownerId: number, plate: string) {
    const vin = `LSVDAY${String(++serial).padStart(11, '0')}`;
    sql()
      .prepare(
        `insert into vehicles (vin, vin_reversed, brand, series, plate, delivery_date, owner_id)
         values (?, ?, '大众', '帕萨特', ?, '2024-05-01', ?)`,
      )
      .run(vin, [...vin].reverse().join(''), plate, ownerId);
  }

  const people = { zhang: 0, li: 0, wang: 0, zhao: 0, outsider: 0 };
  const inv = { zhang: 0, li: 0, wang: 0, zhao: 0 };
  let eventId = 0;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    manager = await app.userWithRole('manager');
    people.zhang = customer('张伟', 'zhangwei', '13800001234');
    people.li = customer('李娜', 'lina', '13900005678');
    people.wang = customer('王芳', 'wangfang', '13700002468');
    people.zhao = customer('赵敏', 'zhaomin', '13600001357');
    people.outsider = customer('张三丰', 'zhangsanfeng', '13500001234');
    car(people.zhang, '粤L0A513');
    car(people.li, '粤LD12345');
    car(people.outsider, '粤L8A513');
    eventId = ev.event({ startsOn: '2026-11-14', endsOn: '2026-11-15', capacityCars: 3, capacityPeople: 8 });
    inv.zhang = ev.invitee(eventId, people.zhang, {
      signupNo: 23,
      status: 'confirmed',
      cars: 1,
      adults: 2,
      children: 1,
      confirmedAt: '2026-11-11T02:00:00.000Z',
    });
    inv.li = ev.invitee(eventId, people.li, { signupNo: 5, status: 'accepted', cars: 1, adults: 2 });
    inv.wang = ev.invitee(eventId, people.wang, { signupNo: 9, status: 'declined', declineReason: '出差' });
    inv.zhao = ev.invitee(eventId, people.zhao, { status: 'waitlisted', cars: 1, adults: 1 });
  });
  afterAll(() => app.close());

  const lookup = (q: string, id = eventId) => app.ok('events.checkinLookup', { eventId: id, q }, manager);

  describe('lookup', () => {
    it('finds by the plate tail on the car, and not the look-alike who is not on the list', async () => {
      const { rows } = await lookup('A513');
      expect(rows.map((r) => r.inviteeId)).toEqual([inv.zhang]);
      expect(rows[0]).toMatchObject({
        match: 'plate',
        signupNo: 23,
        plates: ['粤L0A513'],
        status: 'confirmed',
        cars: 1,
        adults: 2,
        children: 1,
        checkedIn: false,
        customer: { id: people.zhang, name: '张伟', mobile: '13800001234' },
      });
      expect((await lookup('粤L0A513')).rows.map((r) => r.inviteeId)).toEqual([inv.zhang]);
      expect((await lookup('l0a513')).rows.map((r) => r.inviteeId)).toEqual([inv.zhang]);
    });

    it('finds by the last four of the phone', async () => {
      const { rows } = await lookup('1234');
      expect(rows.map((r) => [r.inviteeId, r.match])).toEqual([[inv.zhang, 'mobile_tail']]);
      expect((await lookup('13900005678')).rows.map((r) => [r.inviteeId, r.match])).toEqual([
        [inv.li, 'mobile'],
      ]);
    });

    it('finds by name and by pinyin, among the event’s people only', async () => {
      expect((await lookup('张')).rows.map((r) => r.inviteeId)).toEqual([inv.zhang]);
      expect((await lookup('李娜')).rows.map((r) => [r.inviteeId, r.match])).toEqual([[inv.li, 'name']]);
      expect((await lookup('wangf')).rows.map((r) => [r.inviteeId, r.match])).toEqual([[inv.wang, 'pinyin']]);
    });

    it('finds by the sign-up number, which ranks first', async () => {
      expect((await lookup('5')).rows.map((r) => [r.inviteeId, r.match])).toEqual([[inv.li, 'signup_no']]);
      expect((await lookup('023')).rows.map((r) => [r.inviteeId, r.match])).toEqual([
        [inv.zhang, 'signup_no'],
      ]);
      expect((await lookup('99')).rows).toEqual([]);
    });

    it('says clearly when the event does not exist', async () => {
      const res = await app.call('events.checkinLookup', { eventId: 99999, q: '张' }, manager);
      expect(res).toMatchObject({ ok: false, error: { kind: 'not_found', message: '活动不存在或已被删除' } });
    });
  });

  describe('check-in', () => {
    it('marks the invitee arrived with who, when and how many, and counts it', async () => {
      const res = await app.ok('events.checkIn', { inviteeId: inv.zhang, cars: 1, people: 3 }, manager);
      expect(res).toMatchObject({
        status: 'checked_in',
        previousStatus: 'confirmed',
        checkedInCars: 1,
        checkedInPeople: 3,
        notices: [],
        counts: { checkedInInvitees: 1, checkedInCars: 1, checkedInPeople: 3 },
      });
      const row = ev.inviteeRow(inv.zhang);
      expect(row).toMatchObject({
        status: 'checked_in',
        status_before_check_in: 'confirmed',
        checked_in_at: now.toISOString(),
        checked_in_cars: 1,
        checked_in_people: 3,
      });
      expect(row.checked_in_by).toBeGreaterThan(0);
      expect((await lookup('A513')).rows[0]).toMatchObject({ checkedIn: true, checkedInPeople: 3 });
    });

    it('refuses a second tap with 已签到 and changes nothing', async () => {
      const before = ev.inviteeRow(inv.zhang);
      const res = await app.call('events.checkIn', { inviteeId: inv.zhang, cars: 2, people: 5 }, manager);
      expect(res).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(!res.ok && res.error.message).toContain('已签到');
      expect(!res.ok && res.error.message).toContain('1 辆车 3 人');
      expect(ev.inviteeRow(inv.zhang)).toEqual(before);
    });

    it('checks in someone who declined, and says so', async () => {
      const res = await app.ok('events.checkIn', { inviteeId: inv.wang, cars: 0, people: 1 }, manager);
      expect(res.status).toBe('checked_in');
      expect(res.notices).toEqual(['该客户此前「谢绝」，仍到场签到']);
    });

    it('refuses bad counts and changes nothing', async () => {
      const before = ev.inviteeRow(inv.li);
      for (const bad of [
        { cars: -1, people: 2 },
        { cars: 1, people: 0 },
        { cars: 1.5, people: 2 },
      ]) {
        const res = await app.call('events.checkIn', { inviteeId: inv.li, ...bad }, manager);
        expect(res).toMatchObject({ ok: false, error: { kind: 'validation' } });
      }
      expect(ev.inviteeRow(inv.li)).toEqual(before);
    });

    it('takes a mistaken tap back to where the invitee stood', async () => {
      await app.ok('events.checkIn', { inviteeId: inv.li, cars: 1, people: 2 }, manager);
      const res = await app.ok('events.undoCheckIn', { inviteeId: inv.li }, manager);
      expect(res).toMatchObject({ status: 'accepted', previousStatus: 'checked_in', checkedInAt: null });
      expect(ev.inviteeRow(inv.li)).toMatchObject({
        status: 'accepted',
        checked_in_at: null,
        checked_in_by: null,
        checked_in_cars: null,
        status_before_check_in: null,
      });
      const again = await app.call('events.undoCheckIn', { inviteeId: inv.li }, manager);
      expect(again).toMatchObject({ ok: false, error: { kind: 'validation' } });
    });

    it('is open on the event’s days while approved or inviting, closed otherwise', async () => {
      const later = ev.event({ status: 'inviting', startsOn: '2026-11-20' });
      const early = ev.invitee(later, people.li);
      const res = await app.call('events.checkIn', { inviteeId: early, cars: 1, people: 1 }, manager);
      expect(res).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(!res.ok && res.error.message).toContain('尚未到签到时间');

      const today = ev.event({ status: 'approved', startsOn: '2026-11-13', endsOn: '2026-11-14' });
      const ok = ev.invitee(today, people.li);
      expect((await app.ok('events.checkIn', { inviteeId: ok, cars: 1, people: 1 }, manager)).status).toBe(
        'checked_in',
      );

      for (const status of ['draft', 'done', 'cancelled'] as const) {
        const closed = ev.event({ status, startsOn: '2026-11-14' });
        const i = ev.invitee(closed, people.li);
        const r = await app.call('events.checkIn', { inviteeId: i, cars: 1, people: 1 }, manager);
        expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
        expect(ev.inviteeRow(i).status).toBe('accepted');
      }
    });
  });

  describe('walk-ins', () => {
    it('adds a customer who is not on the list, with the next sign-up number', async () => {
      const other = customer('孙丽', 'sunli', '13300009999');
      const res = await app.ok('events.walkIn', { eventId, customerId: other, cars: 1, people: 2 }, manager);
      expect(res).toMatchObject({ status: 'checked_in', customerId: other, leadCreated: false });
      const row = ev.inviteeRow(res.inviteeId);
      expect(row).toMatchObject({
        origin: 'walk_in',
        signup_no: 24,
        status: 'checked_in',
        cars: 1,
        adults: 2,
      });
      // Taken back, a walk-in leaves the list again.
      const undone = await app.ok('events.undoCheckIn', { inviteeId: res.inviteeId }, manager);
      expect(undone.status).toBeNull();
      expect(
        sql().prepare('select count(*) as n from event_invitees where id = ?').get(res.inviteeId),
      ).toEqual({
        n: 0,
      });
    });

    it('makes a lead card with source 活动 and the referrer, findable by search, and reports over-capacity', async () => {
      const res = await app.ok(
        'events.walkIn',
        {
          eventId,
          newLead: { name: '周杰', mobile: '138 1111 2222', referredById: people.zhang },
          cars: 2,
          people: 4,
        },
        manager,
      );
      expect(res.leadCreated).toBe(true);
      const card = sql()
        .prepare(
          `select stage, source_channel as source, referrer_id as referrer, mobile, mobile_tail as tail,
             name_pinyin as pinyin from customers where id = ?`,
        )
        .get(res.customerId);
      expect(card).toEqual({
        stage: 'lead',
        source: 'event',
        referrer: people.zhang,
        mobile: '13811112222',
        tail: '2222',
        pinyin: 'zhoujie',
      });
      expect(ev.inviteeRow(res.inviteeId)).toMatchObject({
        origin: 'new_lead',
        referred_by_id: people.zhang,
        status: 'checked_in',
      });
      // Seats held: 张伟 1 car / 3, 李娜 1 car / 2, 王芳 0 / 1, 周杰 2 / 4: 4 cars over 3, 10 people over 8.
      expect(res.overCapacity).toEqual({ cars: true, people: true });
      expect(res.notices).toEqual(['车辆已超出容量：4 / 3 辆', '人数已超出容量：10 / 8 人']);
      const found = await app.ok('customers.search', { q: '2222' }, manager);
      expect(found.results.map((r) => r.id)).toContain(res.customerId);
      expect((await lookup('周杰')).rows.map((r) => r.inviteeId)).toEqual([res.inviteeId]);
    });

    it('uses the existing card when the mobile is already a customer’s', async () => {
      const res = await app.ok(
        'events.walkIn',
        { eventId, newLead: { name: '赵敏敏', mobile: '13600001357' }, cars: 1, people: 1 },
        manager,
      );
      // 赵敏 was waitlisted: checked in as listed, no second card.
      expect(res).toMatchObject({
        customerId: people.zhao,
        leadCreated: false,
        previousStatus: 'waitlisted',
      });
      expect(res.notices[0]).toContain('手机号已属于客户 赵敏');
    });

    it('needs exactly one of a customer or a new lead, and a valid mobile', async () => {
      const count = () => sql().prepare('select count(*) as n from customers').get();
      const before = count();
      for (const input of [
        { eventId, cars: 1, people: 1 },
        {
          eventId,
          customerId: people.li,
          newLead: { name: '某', mobile: '13811113333' },
          cars: 1,
          people: 1,
        },
        { eventId, newLead: { name: '某', mobile: '12345' }, cars: 1, people: 1 },
        { eventId, newLead: { name: '某', mobile: '13811113333', referredById: 99999 }, cars: 1, people: 1 },
      ]) {
        const res = await app.call('events.walkIn', input, manager);
        expect(res.ok).toBe(false);
      }
      expect(count()).toEqual(before);
    });
  });

  describe('sign-in sheet', () => {
    it('lists the expected and arrived by sign-up number, phones masked even for the administrator', async () => {
      const sheet = await app.ok('events.signInSheet', { eventId }, app.adminToken);
      // 24 went to the walk-in taken back, and then to 周杰; 赵敏 (waitlisted, no number) comes last.
      expect(sheet.rows.map((r) => r.signupNo)).toEqual([5, 9, 23, 24, null]);
      const zhang = sheet.rows.find((r) => r.customerId === people.zhang)!;
      expect(zhang).toMatchObject({
        name: '张伟',
        maskedMobile: '138****1234',
        plates: ['粤L0A513'],
        cars: 1,
        adults: 2,
        children: 1,
        checkedIn: true,
      });
      expect(JSON.stringify(sheet)).not.toContain('13800001234');
      expect(sheet.totals.invitees).toBe(5);
    });
  });

  describe('roles', () => {
    const channels = [
      ['events.checkinLookup', { eventId: 1, q: '张' }],
      ['events.checkIn', { inviteeId: 1, cars: 1, people: 1 }],
      ['events.undoCheckIn', { inviteeId: 1 }],
      ['events.walkIn', { eventId: 1, customerId: 1, cars: 1, people: 1 }],
      ['events.signInSheet', { eventId: 1 }],
      ['events.results', { eventId: 1 }],
    ] as const;
    it.each(roles.filter((r) => !roleCan(r, 'events.manage')))(
      '%s may not work the door',
      async (role: Role) => {
        const token = await app.userWithRole(role);
        for (const [channel, input] of channels) {
          const res = await app.call(channel, input, token);
          expect(res, `${channel} as ${role}`).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
        }
      },
    );
  });
});
