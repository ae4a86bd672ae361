import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput } from '../../electron/contract';
import type { TicketChange, TicketDetail } from '../../electron/contract/complaints';
import type { Role } from '../../electron/contract/permissions';
import { roleCan, roles } from '../../electron/contract/permissions';
import { callbackFixture } from '../helpers/callback-fixture';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';

/**
 * Complaint tickets through the API on real SQLite with an injected clock: every intake path, grading, repeat
 * detection, routing and the department inbox, SLA timers on the store calendar, pause/resume and regrade,
 * solutions with compensation approval, closing with the closure call and its reopening, review, attachments,
 * notifications, KPIs, and who may do what. Bad input is refused with a clear message and changes nothing.
 */

const clock = testClock('2026-10-15T09:00:00+08:00');
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

let app: TestApp;
const fx = callbackFixture(() => app, '7');
const dept: Record<string, number> = {};
const people: Record<string, number> = {};
const cars: Record<string, number> = {};

const noFacts = {
  safety_fault: false,
  media_exposure: false,
  regulator: false,
  refund_or_replacement: false,
  concrete_loss: false,
};

const t = (who: string) => fx.tokens[who]!;
const count = (table: string) => fx.sql().prepare(`select count(*) from ${table}`).pluck().get() as number;

/** A change, then the ticket page as the manager sees it (changes return only the new version and state). */
async function act(channel: ChannelName, input: unknown, who: string): Promise<TicketDetail> {
  const change = (await app.ok(channel, input, t(who))) as TicketChange;
  expect(change).toMatchObject({
    id: expect.any(Number),
    version: expect.any(Number),
    state: expect.any(String),
  });
  return app.ok('complaints.get', { id: change.id }, t('mgr'));
}

async function create(who: string, fields: Record<string, unknown> = {}): Promise<TicketDetail> {
  return act(
    'complaints.create',
    {
      customerId: people.owner,
      channel: 'walk_in',
      category: 'service_quality',
      description: '保养后发动机异响，客户要求重新检查',
      receivedAt: clock.now().toISOString(),
      facts: noFacts,
      ...fields,
    },
    who,
  );
}

const errorOf = async (channel: string, input: unknown, who: string) => {
  const r = await app.call(channel, input, who === 'admin' ? app.adminToken : t(who));
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
};

const timer = (d: TicketDetail, name: string) => d.timers.find((x) => x.timer === name)!;
const unread = async (who: string) => (await app.ok('notifications.list', { unreadOnly: true }, t(who))).rows;

beforeAll(async () => {
  app = await createTestApp({ clock: clock.clock });
  for (const d of fx.sql().prepare('select id, code from departments').all() as {
    id: number;
    code: string;
  }[]) {
    dept[d.code] = d.id;
  }
  await fx.staff('desk', 'front_desk');
  await fx.staff('op', 'callback_operator');
  await fx.staff('mgr', 'manager');
  await fx.staff('sales1', 'sales');
  for (const [name, code] of [
    ['svc1', 'service'],
    ['svc2', 'service'],
    ['sal1', 'sales'],
  ] as const) {
    await app.ok(
      'users.create',
      {
        username: name,
        displayName: `员工${name}`,
        role: 'complaint_handler',
        password: 'Staff-Pass-1',
        departmentId: dept[code],
      },
      app.adminToken,
    );
    fx.ids[name] = fx.sql().prepare('select id from users where username = ?').pluck().get(name) as number;
    fx.tokens[name] = await app.login(name, 'Staff-Pass-1');
  }
  people.owner = fx.customer('投诉甲', { mobile: '13912340001', mobile_tail: '0001' });
  cars.owner = fx.vehicle(people.owner, '2026-03-01');
  people.vip = fx.customer('贵宾乙', { stage: 'vip' });
  people.premium = fx.customer('优质丙', { base_grade: 'premium' });
  people.plain = fx.customer('普通丁');
  people.second = fx.customer('二手戊');
  cars.shared = fx.vehicle(people.plain, '2025-06-01', '途观');
  // The car changed hands: 戊 owns it now, 丁 owned it before.
  fx.sql().prepare('update vehicles set owner_id = ? where id = ?').run(people.second, cars.shared);
  fx.sql()
    .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
    .run(cars.shared, people.second, '2026-08-01');
});
afterAll(() => app.close());
beforeEach(async () => {
  clock.set('2026-10-15T09:00:00+08:00');
  // Sessions last 12 hours from sign-in: tests that moved the clock leave stale tokens behind.
  await fx.loginAll();
});

describe('intake from the card', () => {
  it('opens a ticket graded by the rules, routed by category, with deadlines from the receipt', async () => {
    const before = fx.sql().prepare('select max(id) from audit_log').pluck().get() as number;
    const d = await create('desk', { facts: { ...noFacts, concrete_loss: true }, demand: '免费返修' });
    expect(d.ticketNo).toMatch(/^TS20261015-\d{3}$/);
    expect(d).toMatchObject({
      grade: 'B',
      suggestedGrade: 'B',
      state: 'received',
      channel: 'walk_in',
      department: { code: 'service', name: '售后部' },
      owner: null,
      receivedBy: { id: fx.ids.desk },
    });
    // B: 4 working hours from Thu 09:00, 2 and 5 working days (Fri 16, Mon 19 … Thu 22).
    expect(timer(d, 'first_response')).toMatchObject({ dueAt: at('2026-10-15T13:00'), state: 'running' });
    expect(timer(d, 'solution').dueAt).toBe(at('2026-10-19T17:30'));
    expect(timer(d, 'close').dueAt).toBe(at('2026-10-22T17:30'));
    expect(d.events.map((e) => e.kind)).toEqual(['routed', 'created']);
    // Audit row, the card's timeline, and the service department's handlers told.
    const audit = fx
      .sql()
      .prepare(`select action, customer_id as c from audit_log where id > ? and entity = 'complaint_ticket'`)
      .all(before);
    expect(audit).toEqual([{ action: 'complaint.created', c: people.owner }]);
    const card = fx
      .sql()
      .prepare(`select kind, summary from interactions where ref_type = 'complaint_ticket' and ref_id = ?`)
      .all(d.id) as { kind: string; summary: string }[];
    expect(card).toEqual([{ kind: 'complaint', summary: expect.stringContaining(d.ticketNo) }]);
    for (const who of ['svc1', 'svc2']) {
      expect((await unread(who)).map((n) => [n.kind, n.refId])).toContainEqual(['complaint_routed', d.id]);
    }
    expect((await unread('sal1')).some((n) => n.refId === d.id)).toBe(false);
  });

  it('masks the customer mobile for the front desk and shows it to the manager', async () => {
    const d = await app.ok('complaints.get', { id: (await create('desk')).id }, t('desk'));
    expect(d.customer.mobile).toBe('139****0001');
    // Opening the ticket is a view of the customer's data: logged once an hour per user and customer.
    const views = fx
      .sql()
      .prepare(
        `select count(*) from audit_log where action = 'customer.viewed' and customer_id = ? and user_id = ?`,
      )
      .pluck()
      .get(people.owner, fx.ids.desk);
    expect(views).toBe(1);
    const asManager = await app.ok('complaints.get', { id: d.id }, t('mgr'));
    expect(asManager.customer.mobile).toBe('13912340001');
  });

  it("offers the customer's cars for the form without logging a card view", async () => {
    const views = () =>
      fx
        .sql()
        .prepare("select count(*) from audit_log where action = 'customer.viewed'")
        .pluck()
        .get() as number;
    const before = views();
    const own = await app.ok('complaints.customerVehicles', { customerId: people.owner }, t('desk'));
    expect(own.map((v) => [v.id, v.current])).toEqual([[cars.owner, true]]);
    const second = await app.ok('complaints.customerVehicles', { customerId: people.second }, t('desk'));
    expect(second.find((v) => v.id === cars.shared)).toMatchObject({ current: true, series: '途观' });
    expect(views()).toBe(before);
    expect((await errorOf('complaints.customerVehicles', { customerId: 999_999 }, 'desk')).kind).toBe(
      'not_found',
    );
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const tickets = count('complaint_tickets');
    const events = count('complaint_events');
    const audit = count('audit_log');
    const cases: [Record<string, unknown>, string][] = [
      [{ receivedAt: at('2026-10-15T12:00') }, '受理时间不能晚于现在'],
      [{ receivedAt: at('2026-06-01T12:00') }, '受理时间不能早于'],
      [{ vehicleId: cars.shared }, '所选车辆不属于该客户'],
      [{ customerId: 999_999 }, '不存在'],
      [{ channel: 'manufacturer' }, '厂家案件号'],
      [{ description: '   ' }, '请填写投诉内容'],
      [{ facts: { ...noFacts, safety_fault: true }, grade: 'C' }, '请说明原因'],
      [{ ownerUserId: fx.ids.op }, '负责人须是可处理投诉的在职员工'],
    ];
    for (const [fields, message] of cases) {
      const e = await errorOf(
        'complaints.create',
        {
          customerId: people.owner,
          channel: 'walk_in',
          category: 'service_quality',
          description: '描述',
          receivedAt: clock.now().toISOString(),
          facts: noFacts,
          ...fields,
        },
        'desk',
      );
      expect(JSON.stringify(e), JSON.stringify(fields)).toContain(message);
    }
    expect([count('complaint_tickets'), count('complaint_events'), count('audit_log')]).toEqual([
      tickets,
      events,
      audit,
    ]);
  });
});

describe('grading', () => {
  it('suggests A for a safety fault, 12315, refund or replacement, media, a VIP; B for a loss; C otherwise', async () => {
    const suggest = (input: Record<string, unknown>) =>
      app.ok(
        'complaints.suggest',
        { customerId: people.plain, channel: 'phone', category: 'staff_attitude', facts: noFacts, ...input },
        t('desk'),
      );
    expect((await suggest({})).grade).toBe('C');
    expect((await suggest({ facts: { ...noFacts, concrete_loss: true } })).grade).toBe('B');
    for (const fact of ['safety_fault', 'media_exposure', 'refund_or_replacement', 'regulator'] as const) {
      const s = await suggest({ facts: { ...noFacts, [fact]: true } });
      expect(s.grade, fact).toBe('A');
      expect(s.reasons[0]).toMatchObject({ fact, grade: 'A' });
    }
    expect((await suggest({ channel: 'regulator' })).reasons.map((r) => r.fact)).toEqual(['regulator']);
    expect((await suggest({ customerId: people.vip })).reasons.map((r) => r.fact)).toEqual(['vip']);
    // A high-value (优质) customer is not A by itself but gets a named manager.
    const premium = await suggest({ customerId: people.premium });
    expect(premium).toMatchObject({ grade: 'C', customer: { highValue: true }, manager: { id: fx.ids.mgr } });
    expect(premium.deadlines[0]).toEqual({ timer: 'first_response', dueAt: at('2026-10-16T17:30') });
  });

  it('follows the rules in Settings', async () => {
    const settings = await app.ok('complaints.settings', {}, t('desk'));
    await app.ok(
      'complaints.updateSettings',
      { gradeRules: { ...settings.gradeRules, vip: 'off', concrete_loss: 'A' } },
      t('mgr'),
    );
    const s = await app.ok(
      'complaints.suggest',
      {
        customerId: people.vip,
        channel: 'phone',
        category: 'other',
        facts: { ...noFacts, concrete_loss: true },
      },
      t('desk'),
    );
    expect(s.reasons.map((r) => [r.fact, r.grade])).toEqual([['concrete_loss', 'A']]);
    await app.ok('complaints.updateSettings', { gradeRules: settings.gradeRules }, t('mgr'));
    const audit = fx
      .sql()
      .prepare(
        `select count(*) from audit_log where action = 'settings.updated' and entity_id = 'complaints'`,
      )
      .pluck()
      .get() as number;
    expect(audit).toBeGreaterThanOrEqual(2);
  });

  it('takes a chosen grade with its reason, on the timeline', async () => {
    const d = await create('desk', {
      customerId: people.plain,
      category: 'waiting_time',
      facts: { ...noFacts, safety_fault: true },
      grade: 'B',
      gradeReason: '经技术确认非安全故障',
    });
    expect(d).toMatchObject({ grade: 'B', suggestedGrade: 'A', gradeReason: '经技术确认非安全故障' });
    expect(d.events.find((e) => e.kind === 'grade')).toMatchObject({ data: { from: 'A', to: 'B' } });
  });
});

describe('repeat detection', () => {
  it('links the same customer within the window and the same VIN with the same category', async () => {
    const first = await create('desk', {
      customerId: people.plain,
      vehicleId: cars.shared,
      category: 'product_quality',
    });
    expect(first.isRepeat).toBe(true); // 丁 already complained above (waiting time), within 90 days
    // The car's new owner complains about the same problem: a repeat by VIN and category.
    const byVin = await create('desk', {
      customerId: people.second,
      vehicleId: cars.shared,
      category: 'product_quality',
    });
    expect(byVin).toMatchObject({ isRepeat: true, repeatOf: { id: first.id }, grade: 'A' });
    expect(byVin.facts.repeat).toBe(true);
    // Another category about that car, from a customer with no earlier ticket: not a repeat.
    const other = await app.ok(
      'complaints.suggest',
      {
        customerId: people.second,
        vehicleId: cars.shared,
        channel: 'phone',
        category: 'staff_attitude',
        facts: noFacts,
      },
      t('desk'),
    );
    expect(other.repeatOf?.id).toBe(byVin.id); // same customer now: 戊 has one
    const fresh = fx.customer('新客己');
    const none = await app.ok(
      'complaints.suggest',
      { customerId: fresh, channel: 'phone', category: 'staff_attitude', facts: noFacts },
      t('desk'),
    );
    expect(none.repeatOf).toBeNull();
  });

  it('uses the window from Settings', async () => {
    const c = fx.customer('窗口庚');
    await create('desk', { customerId: c, receivedAt: at('2026-09-01T10:00') });
    const suggest = () =>
      app.ok(
        'complaints.suggest',
        { customerId: c, channel: 'phone', category: 'other', facts: noFacts },
        t('desk'),
      );
    expect((await suggest()).repeatOf).not.toBeNull();
    await app.ok('complaints.updateSettings', { repeatWindowDays: 30 }, t('mgr'));
    expect((await suggest()).repeatOf).toBeNull();
    await app.ok('complaints.updateSettings', { repeatWindowDays: 90 }, t('mgr'));
  });
});

describe('routing and the department inbox', () => {
  it('lets the department handle, refuses others, notifies a new owner', async () => {
    const d = await create('desk');
    const e = await errorOf('complaints.respond', { id: d.id, version: d.version, note: '已致电' }, 'sal1');
    expect(e).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('售后部') });
    const routed = await act(
      'complaints.route',
      { id: d.id, version: d.version, departmentId: dept.service, ownerUserId: fx.ids.svc2 },
      'svc1',
    );
    expect(routed.owner).toEqual({ id: fx.ids.svc2, name: '员工svc2' });
    const n = (await unread('svc2')).filter((x) => x.refId === d.id).map((x) => x.kind);
    expect(n).toEqual(['complaint_routed', 'complaint_routed']);
    const inbox = await app.ok(
      'complaints.list',
      { filters: { scope: 'department', open: true } },
      t('svc1'),
    );
    expect(inbox.rows.map((r) => r.id)).toContain(d.id);
    const salesInbox = await app.ok('complaints.list', { filters: { scope: 'department' } }, t('sal1'));
    expect(salesInbox.rows.map((r) => r.id)).not.toContain(d.id);
    const mine = await app.ok('complaints.list', { filters: { scope: 'mine' } }, t('svc2'));
    expect(mine.rows.map((r) => r.id)).toEqual([d.id]);
    // A stale page is refused.
    const stale = await errorOf(
      'complaints.respond',
      { id: d.id, version: d.version, note: '已致电' },
      'svc2',
    );
    expect(stale.kind).toBe('conflict');
  });

  it("names a manager on a high-value customer's ticket", async () => {
    const d = await create('desk', { customerId: people.premium, category: 'sales_process' });
    expect(d).toMatchObject({ manager: { id: fx.ids.mgr }, department: { code: 'sales' } });
    expect((await unread('mgr')).some((n) => n.refId === d.id && n.kind === 'complaint_routed')).toBe(true);
  });
});

describe('SLA timers on the store calendar', () => {
  it("B received Wed 30 Sep 16:30 is due Thu 8 Oct 11:30; warns at 75%, breaches, tells the owner's manager", async () => {
    clock.set('2026-09-30T16:40:00+08:00');
    await fx.loginAll();
    const d = await create('desk', {
      customerId: fx.customer('国庆辛'),
      facts: { ...noFacts, concrete_loss: true },
      receivedAt: at('2026-09-30T16:30'),
      ownerUserId: fx.ids.svc1,
    });
    expect(timer(d, 'first_response')).toMatchObject({ dueAt: at('2026-10-08T11:30'), budgetMinutes: 240 });
    clock.set('2026-10-08T10:30:00+08:00');
    await fx.loginAll();
    let got = await app.ok('complaints.get', { id: d.id }, t('svc1'));
    expect(timer(got, 'first_response')).toMatchObject({ state: 'warning', minutesLeft: 60 });
    const pass1 = await app.ok('complaints.escalate', {}, t('mgr'));
    expect(pass1.warnings).toBeGreaterThanOrEqual(1);
    expect((await unread('svc1')).some((n) => n.refId === d.id && n.kind === 'complaint_warning')).toBe(true);
    clock.set('2026-10-08T11:45:00+08:00');
    got = await app.ok('complaints.get', { id: d.id }, t('svc1'));
    expect(timer(got, 'first_response')).toMatchObject({ state: 'breached', minutesLeft: -15 });
    const mgrBefore = (await unread('mgr')).length;
    await app.ok('complaints.escalate', {}, t('mgr'));
    const breach = (await unread('mgr')).filter((n) => n.refId === d.id && n.kind === 'complaint_breach');
    expect(breach).toHaveLength(1);
    expect((await unread('mgr')).length).toBeGreaterThan(mgrBefore);
    // Told once: a second pass sends nothing new.
    const again = await app.ok('complaints.escalate', {}, t('mgr'));
    expect(
      (await unread('mgr')).filter((n) => n.refId === d.id && n.kind === 'complaint_breach'),
    ).toHaveLength(1);
    expect(again.breaches).toBe(0);
    const breached = await app.ok('complaints.list', { filters: { breached: true } }, t('mgr'));
    expect(breached.rows.find((r) => r.id === d.id)?.sla).toMatchObject({ state: 'breached' });
    // Answering late stops the timer breached, 20 working minutes over.
    clock.set('2026-10-08T11:50:00+08:00');
    const current = await app.ok('complaints.get', { id: d.id }, t('svc1'));
    got = await act(
      'complaints.respond',
      { id: d.id, version: current.version, note: '电话联系客户' },
      'svc1',
    );
    expect(timer(got, 'first_response')).toMatchObject({
      state: 'breached',
      minutesLeft: -20,
      stoppedAt: at('2026-10-08T11:50'),
    });
    expect(got.state).toBe('handling');
  });

  it('sends an A-grade breach to every manager and administrator (no general-manager role)', async () => {
    const d = await create('desk', {
      customerId: fx.customer('安全壬'),
      facts: { ...noFacts, safety_fault: true },
    });
    expect(timer(d, 'first_response').dueAt).toBe(at('2026-10-15T11:00'));
    clock.set('2026-10-15T11:05:00+08:00');
    await app.ok('complaints.escalate', {}, t('mgr'));
    const adminId = fx.sql().prepare(`select id from users where username = 'admin'`).pluck().get() as number;
    const rows = fx
      .sql()
      .prepare(`select user_id from notifications where ref_id = ? and kind = 'complaint_breach'`)
      .pluck()
      .all(d.id) as number[];
    expect(rows).toEqual(expect.arrayContaining([fx.ids.mgr, adminId, fx.ids.svc1, fx.ids.svc2]));
  });

  it('pauses the solution and closing timers, never the first response; paused time survives a regrade', async () => {
    const d = await create('desk', { customerId: fx.customer('暂停癸'), ownerUserId: fx.ids.svc1 });
    let got = await act(
      'complaints.respond',
      { id: d.id, version: d.version, how: 'call', note: '已联系' },
      'svc1',
    );
    expect(timer(got, 'solution').dueAt).toBe(at('2026-10-20T17:30'));
    clock.set('2026-10-15T10:00:00+08:00');
    got = await act(
      'complaints.pause',
      { id: d.id, version: got.version, reason: 'manufacturer_parts' },
      'svc1',
    );
    expect(got).toMatchObject({ state: 'paused', resumeState: 'handling' });
    expect(timer(got, 'solution')).toMatchObject({ state: 'paused', dueAt: null });
    expect(timer(got, 'first_response').state).toBe('met');
    // The list chip of a paused ticket shows the time left, frozen, of the timer that stopped.
    const listed = await app.ok(
      'complaints.list',
      { filters: { scope: 'all', states: ['paused'] }, limit: 200 },
      t('mgr'),
    );
    expect(listed.rows.find((r) => r.id === d.id)?.sla).toMatchObject({
      state: 'paused',
      nextTimer: 'solution',
      nextDueAt: null,
      minutesLeft: timer(got, 'solution').minutesLeft,
    });
    expect(timer(got, 'solution').minutesLeft).toBeGreaterThan(0);
    // Paused from Thu 10:00 to Mon 19 10:00: 450 + 540 + 90 = 1080 working minutes.
    clock.set('2026-10-19T10:00:00+08:00');
    await fx.loginAll();
    got = await act(
      'complaints.regrade',
      { id: d.id, version: got.version, grade: 'B', reason: '客户有实际损失' },
      'svc1',
    );
    expect(got.state).toBe('paused');
    got = await act('complaints.resume', { id: d.id, version: got.version }, 'svc1');
    expect(got.state).toBe('handling');
    // B solution: 2 working days end Mon 19 17:30, plus the 1080 paused working minutes: Wed 21 17:30.
    expect(timer(got, 'solution')).toMatchObject({ dueAt: at('2026-10-21T17:30'), pausedMinutes: 1080 });
    expect(timer(got, 'first_response').pausedMinutes).toBe(0);
    const e = await errorOf('complaints.resume', { id: d.id, version: got.version }, 'svc1');
    expect(e).toMatchObject({ kind: 'conflict', message: expect.stringContaining('未暂停') });
  });
});

describe('solutions, approval, closing, the closure call', () => {
  it('waits for a manager above the amount, then the customer, then closes with a closure call', async () => {
    const customer = fx.customer('方案子');
    const v = fx.vehicle(customer, '2026-01-10');
    let d = await create('desk', {
      customerId: customer,
      vehicleId: v,
      ownerUserId: fx.ids.svc1,
      facts: { ...noFacts, concrete_loss: true },
    });
    d = await act('complaints.respond', { id: d.id, version: d.version, note: '已致电' }, 'svc1');
    d = await act(
      'complaints.proposeSolution',
      {
        id: d.id,
        version: d.version,
        proposal: '免费更换水泵并赠送一次保养',
        compensation: {
          goodwillFen: 150_000,
          labourDiscountFen: 20_000,
          gift: '保养券',
          giftValueFen: 30_000,
        },
      },
      'svc1',
    );
    expect(d.state).toBe('handling');
    const s = d.solutions[0]!;
    expect(s).toMatchObject({ state: 'awaiting_approval', needsApproval: true, totalFen: 200_000 });
    expect((await unread('mgr')).some((n) => n.kind === 'complaint_approval' && n.refId === d.id)).toBe(true);
    expect(
      await errorOf('complaints.recordAnswer', { solutionId: s.id, answer: 'agreed' }, 'svc1'),
    ).toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('审批'),
    });
    expect(
      (await errorOf('complaints.approveSolution', { solutionId: s.id, approve: true }, 'svc1')).kind,
    ).toBe('forbidden');
    expect(
      await errorOf(
        'complaints.close',
        {
          id: d.id,
          version: d.version,
          resolutionSummary: 'x',
          rootCause: 'diagnosis',
          resolvedAtFirstContact: false,
        },
        'svc1',
      ),
    ).toMatchObject({ kind: 'conflict' });
    d = await act('complaints.approveSolution', { solutionId: s.id, approve: true, note: '同意' }, 'mgr');
    expect(d.state).toBe('proposed');
    clock.set('2026-10-15T15:00:00+08:00');
    d = await act(
      'complaints.recordAnswer',
      { solutionId: s.id, answer: 'agreed', note: '客户接受' },
      'svc1',
    );
    expect(d).toMatchObject({ state: 'agreed', solutionAgreedAt: at('2026-10-15T15:00') });
    expect(timer(d, 'solution').state).toBe('met');

    // Closing needs summary, root cause and FCR; a missing one changes nothing.
    const v0 = d.version;
    const bad = await errorOf(
      'complaints.close',
      { id: d.id, version: v0, resolutionSummary: '已更换', rootCause: 'diagnosis' },
      'svc1',
    );
    expect(bad.kind).toBe('validation');
    expect((await app.ok('complaints.get', { id: d.id }, t('svc1'))).version).toBe(v0);
    d = await act(
      'complaints.close',
      {
        id: d.id,
        version: v0,
        resolutionSummary: '更换水泵，异响消除',
        rootCause: 'repair_workmanship',
        resolvedAtFirstContact: false,
      },
      'svc1',
    );
    expect(d).toMatchObject({
      state: 'closed',
      rootCause: 'repair_workmanship',
      resolvedAtFirstContact: false,
      reviewRequired: true,
    });
    expect(timer(d, 'close').state).toBe('met');
    // The closure call: due the next working day (Fri 16 Oct), in the call-back queue under its own rule.
    expect(d.closureCall).toMatchObject({ dueDate: '2026-10-16', status: 'open', answer: null });
    const task = fx
      .sql()
      .prepare('select rule_code, customer_id, vehicle_id, notes from callback_tasks where id = ?')
      .get(d.closureCall!.taskId);
    expect(task).toMatchObject({
      rule_code: 'complaint_closure',
      customer_id: customer,
      vehicle_id: v,
      notes: expect.stringContaining(d.ticketNo),
    });
    expect(
      fx
        .sql()
        .prepare(
          `select action from audit_log where entity = 'complaint_ticket' and entity_id = ? order by id desc limit 1`,
        )
        .pluck()
        .get(String(d.id)),
    ).toBe('complaint.closed');

    // The operator works it the next day: the call panel shows the ticket; "dissatisfied" reopens it.
    clock.set('2026-10-16T10:00:00+08:00');
    await fx.loginAll();
    const panel = (await app.ok('callbacks.next', { customerId: customer }, t('op')))!;
    const reason = panel.reasons.find((r) => r.ruleCode === 'complaint_closure')!;
    expect(reason.complaint).toMatchObject({
      id: d.id,
      ticketNo: d.ticketNo,
      resolutionSummary: '更换水泵，异响消除',
    });
    const rec = await app.ok(
      'callbacks.record',
      {
        taskIds: [reason.taskId],
        outcome: 'reached',
        closure: { answer: 'dissatisfied', notes: '异响又出现了' },
      },
      t('op'),
    );
    expect(rec.closure).toEqual({ ticketId: d.id, reopened: true });
    const reopened = await app.ok('complaints.get', { id: d.id }, t('svc1'));
    expect(reopened).toMatchObject({
      state: 'handling',
      reopenCount: 1,
      closedAt: null,
      closureCall: { answer: 'dissatisfied' },
    });
    expect(reopened.events.map((e) => e.kind).slice(0, 2)).toEqual(['reopened', 'closure_call']);
    expect((await unread('mgr')).some((n) => n.kind === 'complaint_reopened' && n.refId === d.id)).toBe(true);
    // Such a call is not undone from the queue.
    const undo = await errorOf('callbacks.undoOutcome', { attemptId: rec.attemptId, reason: '点错了' }, 'op');
    expect(undo).toMatchObject({ kind: 'conflict', message: expect.stringContaining('结案回访') });

    // Closed again and this time the customer is satisfied: it stays closed.
    let again = await act(
      'complaints.close',
      {
        id: d.id,
        version: reopened.version,
        resolutionSummary: '再次检修，更换皮带',
        rootCause: 'diagnosis',
        resolvedAtFirstContact: false,
      },
      'svc1',
    );
    expect(again.closureCall?.taskId).not.toBe(d.closureCall!.taskId);
    clock.set('2026-10-19T10:00:00+08:00');
    await fx.loginAll();
    const panel2 = (await app.ok('callbacks.next', { customerId: customer }, t('op')))!;
    const r2 = panel2.reasons.find((r) => r.ruleCode === 'complaint_closure')!;
    await app.ok(
      'callbacks.record',
      { taskIds: [r2.taskId], outcome: 'reached', closure: { answer: 'satisfied' } },
      t('op'),
    );
    again = await app.ok('complaints.get', { id: d.id }, t('svc1'));
    expect(again).toMatchObject({ state: 'closed', closureCall: { answer: 'satisfied' }, reopenCount: 1 });

    // Review (复盘) for a B ticket.
    again = await act(
      'complaints.saveReview',
      {
        id: d.id,
        rootCause: 'diagnosis',
        correctiveAction: '异响类故障增加路试复检',
        ownerUserId: fx.ids.svc1,
        dueDate: '2026-11-15',
        preventable: true,
      },
      'svc1',
    );
    expect(again.review).toMatchObject({
      rootCause: 'diagnosis',
      preventable: true,
      owner: { id: fx.ids.svc1 },
      doneAt: null,
    });
  });

  it('refuses a closure answer on a call without a closure task, and changes nothing', async () => {
    const c = fx.customer('回访丑');
    fx.vehicle(c, '2026-10-12');
    clock.set('2026-10-15T10:00:00+08:00');
    await app.ok('callbacks.generate', {}, t('mgr'));
    const panel = (await app.ok('callbacks.next', { customerId: c }, t('op')))!;
    const attempts = count('callback_attempts');
    const e = await errorOf(
      'callbacks.record',
      { taskIds: panel.reasons.map((r) => r.taskId), outcome: 'reached', closure: { answer: 'satisfied' } },
      'op',
    );
    expect(e).toMatchObject({ kind: 'validation', message: expect.stringContaining('结案回访') });
    expect(count('callback_attempts')).toBe(attempts);
    await app.ok('callbacks.release', { taskIds: panel.reasons.map((r) => r.taskId) }, t('op'));
  });
});

describe('intake from call-backs and the manufacturer', () => {
  it('prefills from a call whose outcome was 提出投诉 and links it once', async () => {
    const c = fx.customer('回访寅');
    const v = fx.vehicle(c, '2026-10-12');
    // Written behind the services' back: regenerate the queue so the delivery call exists.
    await app.ok('callbacks.generate', {}, t('mgr'));
    const panel = (await app.ok('callbacks.next', { customerId: c }, t('op')))!;
    const rec = await app.ok(
      'callbacks.record',
      {
        taskIds: panel.reasons.map((r) => r.taskId),
        outcome: 'complaint',
        notes: '客户说交车时承诺的脚垫没给',
      },
      t('op'),
    );
    const draft = await app.ok('complaints.prefill', { from: 'attempt', attemptId: rec.attemptId }, t('op'));
    expect(draft).toMatchObject({
      customerId: c,
      vehicleId: v,
      channel: 'callback',
      category: 'sales_process',
      description: '客户说交车时承诺的脚垫没给',
      existingTicket: null,
    });
    const d = await create('op', {
      ...draft,
      facts: noFacts,
      sourceAttemptId: rec.attemptId,
      customerName: undefined,
      existingTicket: undefined,
      sourceTaskId: undefined,
    });
    expect(d).toMatchObject({
      channel: 'callback',
      source: { attemptId: rec.attemptId },
      department: { code: 'sales' },
    });
    const again = await errorOf(
      'complaints.create',
      {
        ...draft,
        facts: noFacts,
        customerName: undefined,
        existingTicket: undefined,
        sourceTaskId: undefined,
      },
      'op',
    );
    expect(again).toMatchObject({ kind: 'conflict', message: expect.stringContaining(d.ticketNo) });
    expect(
      (await app.ok('complaints.prefill', { from: 'attempt', attemptId: rec.attemptId }, t('op')))
        .existingTicket,
    ).toEqual({
      id: d.id,
      ticketNo: d.ticketNo,
    });
    // The next call to the customer (the 7-day one) shows the open complaint to the operator.
    clock.set('2026-10-19T10:00:00+08:00');
    await fx.loginAll();
    const panel2 = (await app.ok('callbacks.next', { customerId: c }, t('op')))!;
    expect(panel2.openComplaints).toEqual([{ id: d.id, summary: expect.stringContaining(d.ticketNo) }]);
    expect(panel2.complaintsNote).toBeNull();
    await app.ok('callbacks.release', { taskIds: panel2.reasons.map((r) => r.taskId) }, t('op'));
  });

  it('turns a dissatisfied follow-up into a ticket in one call and finishes the task', async () => {
    const c = fx.customer('跟进卯');
    const taskId = Number(
      fx
        .sql()
        .prepare(
          `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, status, assigned_user_id,
             notes, created_at, updated_at)
           values (?, 'dissatisfied_followup', '2026-10-15', '2026-10-15', '2026-10-22', 1, 'open', ?, '销售满意度：不满意。客户意见：交车等了两个小时', ?, ?)`,
        )
        .run(c, fx.ids.mgr, at('2026-10-15T08:00'), at('2026-10-15T08:00')).lastInsertRowid,
    );
    const d = await act('complaints.fromFollowUp', { taskId }, 'mgr');
    expect(d).toMatchObject({
      channel: 'csi_followup',
      category: 'sales_process',
      receivedAt: at('2026-10-15T08:00'),
      description: expect.stringContaining('交车等了两个小时'),
      source: { taskId },
    });
    expect(fx.sql().prepare('select status from callback_tasks where id = ?').pluck().get(taskId)).toBe(
      'done',
    );
    expect((await errorOf('complaints.fromFollowUp', { taskId }, 'mgr')).kind).toBe('conflict');
  });

  it("keeps a manufacturer-forwarded case's number and own deadline", async () => {
    const d = await create('desk', {
      customerId: fx.customer('厂家辰'),
      channel: 'manufacturer',
      manufacturerCaseNo: 'FAW-2026-0815',
      manufacturerDueAt: at('2026-10-17T12:00'),
    });
    expect(d.manufacturerCaseNo).toBe('FAW-2026-0815');
    expect(timer(d, 'manufacturer')).toMatchObject({ dueAt: at('2026-10-17T12:00'), state: 'running' });
    const found = await app.ok('complaints.list', { filters: { text: 'FAW-2026-0815' } }, t('desk'));
    expect(found.rows.map((r) => r.id)).toEqual([d.id]);
  });
});

describe('attachments', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const files = () => {
    const dir = path.join(app.dataDir, 'complaint-files');
    return fs.existsSync(dir)
      ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.'))
      : [];
  };

  it('stores a photo with its hash and size, refuses too large and wrong types, leaves no orphan file', async () => {
    const d = await create('desk', { customerId: fx.customer('证据巳') });
    const before = files().length;
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await errorOf(
      'complaints.addAttachment',
      { ticketId: d.id, fileName: '大.png', dataBase64: big.toString('base64') },
      'desk',
    );
    expect(tooBig).toMatchObject({ kind: 'validation', message: expect.stringContaining('不能超过 10 MB') });
    const text = await errorOf(
      'complaints.addAttachment',
      {
        ticketId: d.id,
        fileName: '说明.png',
        dataBase64: Buffer.from('not an image at all').toString('base64'),
      },
      'desk',
    );
    expect(text).toMatchObject({ kind: 'validation', message: expect.stringContaining('不支持的文件类型') });
    const broken = await errorOf(
      'complaints.addAttachment',
      { ticketId: d.id, fileName: 'x.png', dataBase64: '@@@' },
      'desk',
    );
    expect(broken.message).toContain('无法读取');
    const missing = await errorOf(
      'complaints.addAttachment',
      { ticketId: 999_999, fileName: 'x.png', dataBase64: png.toString('base64') },
      'desk',
    );
    expect(missing.kind).toBe('not_found');
    expect(files().length).toBe(before);

    const a = await app.ok(
      'complaints.addAttachment',
      {
        ticketId: d.id,
        fileName: '仪表盘.png',
        dataBase64: png.toString('base64'),
        thumbnailBase64: png.toString('base64'),
      },
      t('desk'),
    );
    expect(a).toMatchObject({
      kind: 'image',
      mimeType: 'image/png',
      sizeBytes: png.length,
      hasThumbnail: true,
    });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(files().length).toBe(before + 2);
    const back = await app.ok('complaints.attachment', { id: a.id }, t('svc1'));
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true);
    const got = await app.ok('complaints.get', { id: d.id }, t('desk'));
    expect(got.attachments.map((x) => x.fileName)).toEqual(['仪表盘.png']);
    expect(got.events[0]).toMatchObject({ kind: 'attachment' });
    // The file gone from the data folder: a clear error, not a crash.
    const stored = fx
      .sql()
      .prepare('select stored_path from complaint_attachments where id = ?')
      .pluck()
      .get(a.id) as string;
    fs.rmSync(path.join(app.dataDir, stored));
    const gone = await errorOf('complaints.attachment', { id: a.id }, 'svc1');
    expect(gone).toMatchObject({ kind: 'not_found', message: expect.stringContaining('仪表盘.png') });
  });
});

describe('notifications', () => {
  it('counts unread, marks read only my own', async () => {
    const mine = await app.ok('notifications.unreadCount', {}, t('svc1'));
    expect(mine.unread).toBeGreaterThan(0);
    const list = await app.ok('notifications.list', { limit: 5 }, t('svc1'));
    const others = fx
      .sql()
      .prepare('select id from notifications where user_id != ? limit 3')
      .pluck()
      .all(fx.ids.svc1) as number[];
    const after = await app.ok('notifications.markRead', { ids: [list.rows[0]!.id, ...others] }, t('svc1'));
    expect(after.unread).toBe(mine.unread - (list.rows[0]!.readAt ? 0 : 1));
    const stillUnread = fx
      .sql()
      .prepare(
        'select count(*) from notifications where id in (select value from json_each(?)) and read_at is null',
      )
      .pluck()
      .get(JSON.stringify(others)) as number;
    expect(stillUnread).toBe(others.length);
    expect((await app.ok('notifications.markRead', { all: true }, t('svc1'))).unread).toBe(0);
  });

  it('tells the handlers when the customer replies', async () => {
    const d = await create('desk', { customerId: fx.customer('回复午'), ownerUserId: fx.ids.svc2 });
    await act(
      'complaints.addEvent',
      { id: d.id, kind: 'customer_reply', note: '客户来电说周六可以到店' },
      'desk',
    );
    const n = (await unread('svc2')).find((x) => x.kind === 'complaint_customer_replied' && x.refId === d.id);
    expect(n?.body).toBe('客户来电说周六可以到店');
  });
});

describe('KPIs', () => {
  it('computes FCR, satisfaction, A answered within 24 h, breaches, time to close, repeat rate', async () => {
    const k = await app.ok('complaints.kpis', { from: '2026-09-01', to: '2026-10-31' }, t('mgr'));
    const n = (sql: string) => fx.sql().prepare(sql).pluck().get() as number;
    expect(k.received).toBe(
      n(`select count(*) from complaint_tickets where received_at >= '2026-08-31T16:00:00.000Z'`),
    );
    expect(k.closed).toBe(n(`select count(*) from complaint_tickets where closed_at is not null`));
    // Two closure calls on one ticket: dissatisfied (it reopened), then satisfied.
    expect(k.satisfaction).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, target: 0.9 });
    expect(k.fcr.target).toBe(0.75);
    expect(k.repeatRate.numerator).toBe(n(`select count(*) from complaint_tickets where is_repeat = 1`));
    expect(k.breaches.find((b) => b.timer === 'first_response')!.count).toBeGreaterThanOrEqual(2);
    expect(k.byCategory.reduce((s, g) => s + g.tickets, 0)).toBe(k.received);
    expect(k.byDepartment.find((g) => g.label === '售后部')!.tickets).toBeGreaterThan(0);
    expect(k.openByTimeLeft.reduce((s, b) => s + b.count, 0)).toBe(
      n(`select count(*) from complaint_tickets where state != 'closed'`),
    );
    expect(k.reopened).toBe(1);
    const a = k.aAnsweredIn24h;
    expect(a.denominator).toBeGreaterThanOrEqual(a.numerator);
  });
});

describe('settings, corrections, reopening by hand', () => {
  it('validates the settings and counts the store closing days', async () => {
    const before = await app.ok('complaints.settings', {}, t('desk'));
    expect(before.workingHours).toEqual({ start: '08:30', end: '17:30' });
    const bad = await errorOf(
      'complaints.updateSettings',
      { workingHours: { start: '18:00', end: '09:00' } },
      'mgr',
    );
    expect(bad).toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('下班时间应晚于上班时间'),
    });
    const dept = await errorOf(
      'complaints.updateSettings',
      { categoryDepartments: { ...before.categoryDepartments, other: 'nowhere' } },
      'mgr',
    );
    expect(dept.message).toContain('nowhere');
    expect(await app.ok('complaints.settings', {}, t('desk'))).toEqual(before);
    // Friday 16 October closed: a B ticket received Thursday evening is first answered on Monday.
    await app.ok('complaints.updateSettings', { closingDays: ['2026-10-16'] }, t('mgr'));
    clock.set('2026-10-15T20:00:00+08:00');
    const d = await create('desk', {
      customerId: fx.customer('休息日子'),
      facts: { ...noFacts, concrete_loss: true },
    });
    expect(timer(d, 'first_response').dueAt).toBe(at('2026-10-19T12:30'));
    // A ticket keeps the targets it was given: a later change of the targets moves none of its deadlines.
    await app.ok(
      'complaints.updateSettings',
      {
        closingDays: [],
        targets: {
          ...before.targets,
          B: { ...before.targets.B, close: { amount: 9, unit: 'working_days' } },
        },
      },
      t('mgr'),
    );
    const again = await app.ok('complaints.get', { id: d.id }, t('mgr'));
    expect(timer(again, 'close').target).toEqual({ amount: 5, unit: 'working_days' });
    await app.ok('complaints.updateSettings', { targets: before.targets }, t('mgr'));
  });

  it('corrects the facts (the suggestion follows) and refuses a vehicle of someone else', async () => {
    const d = await create('desk', { customerId: fx.customer('更正丑') });
    expect(d.suggestedGrade).toBe('C');
    const after = await act(
      'complaints.update',
      {
        id: d.id,
        version: d.version,
        fields: { facts: { refund_or_replacement: true }, demand: '要求换车' },
      },
      'svc1',
    );
    expect(after).toMatchObject({ suggestedGrade: 'A', grade: 'C', demand: '要求换车' });
    expect(after.facts.refund_or_replacement).toBe(true);
    const e = await errorOf(
      'complaints.update',
      { id: d.id, version: after.version, fields: { vehicleId: cars.shared } },
      'svc1',
    );
    expect(e).toMatchObject({ kind: 'validation', message: '所选车辆不属于该客户' });
    const regraded = await act(
      'complaints.regrade',
      { id: d.id, version: after.version, grade: 'A', reason: '客户要求换车' },
      'svc1',
    );
    expect(timer(regraded, 'first_response').target).toEqual({ amount: 2, unit: 'clock_hours' });
  });

  it('lets a manager reopen a closed ticket with a reason, nobody else', async () => {
    let d = await create('desk', { customerId: fx.customer('重开寅'), ownerUserId: fx.ids.svc1 });
    d = await act('complaints.respond', { id: d.id, version: d.version, note: '当场解释' }, 'svc1');
    d = await act(
      'complaints.close',
      {
        id: d.id,
        version: d.version,
        resolutionSummary: '当场解释清楚',
        rootCause: 'communication',
        resolvedAtFirstContact: true,
      },
      'svc1',
    );
    expect(d).toMatchObject({ state: 'closed', resolvedAtFirstContact: true, solutionAgreedAt: d.closedAt });
    expect(
      (await errorOf('complaints.reopen', { id: d.id, version: d.version, reason: '客户再次来电' }, 'svc1'))
        .kind,
    ).toBe('forbidden');
    const reopened = await act(
      'complaints.reopen',
      { id: d.id, version: d.version, reason: '客户再次来电' },
      'mgr',
    );
    expect(reopened).toMatchObject({ state: 'handling', reopenCount: 1 });
    expect(
      fx.sql().prepare('select status from callback_tasks where id = ?').pluck().get(d.closureCall!.taskId),
    ).toBe('cancelled');
    // C tickets need no review.
    expect(
      (
        await errorOf(
          'complaints.saveReview',
          {
            id: d.id,
            rootCause: 'communication',
            correctiveAction: 'x',
            ownerUserId: fx.ids.svc1,
            dueDate: '2026-11-01',
            preventable: false,
          },
          'svc1',
        )
      ).message,
    ).toContain('C 级投诉无需复盘');
  });
});

describe('who may do what', () => {
  const calls: Record<string, (token: string) => Promise<unknown>> = {
    'complaints.list': (tk) => app.call('complaints.list', {}, tk),
    'complaints.create': (tk) =>
      app.call(
        'complaints.create',
        {
          customerId: people.owner,
          channel: 'phone',
          category: 'other',
          description: '权限测试',
          receivedAt: clock.now().toISOString(),
          facts: noFacts,
        },
        tk,
      ),
    'complaints.updateSettings': (tk) => app.call('complaints.updateSettings', { repeatWindowDays: 90 }, tk),
    'complaints.kpis': (tk) => app.call('complaints.kpis', { from: '2026-10-01', to: '2026-10-31' }, tk),
  };

  it.each(Object.keys(calls))('%s follows the role grants', async (channel) => {
    const access = (await import('../../electron/contract')).contract[channel as 'complaints.list'].access;
    for (const role of roles) {
      const token = role === 'admin' ? app.adminToken : await app.userWithRole(role as Role);
      const r = (await calls[channel]!(token)) as ChannelOutput<'complaints.list'> & {
        ok: boolean;
        error?: { kind: string };
      };
      if (roleCan(role, access)) expect(r.ok, `${channel} as ${role}`).toBe(true);
      else expect(r.error?.kind, `${channel} as ${role}`).toBe('forbidden');
    }
  });

  it('lets the call-back operator raise a ticket but not work the list', () => {
    expect(roleCan('callback_operator', 'complaints.raise')).toBe(true);
    expect(roleCan('callback_operator', 'complaints.work')).toBe(false);
    expect(roleCan('complaint_handler', 'complaints.manage')).toBe(false);
    expect(roleCan('manager', 'complaints.manage')).toBe(true);
  });
});
