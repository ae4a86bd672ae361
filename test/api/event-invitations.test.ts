import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/contract';
import { callbackFixture } from '../helpers/callback-fixture';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';

/**
 * Who an event invites and the invitation funnel through the call-back queue, on real SQLite with an injected
 * clock: segments and their exclusions (each counted once), building the list twice, the invitation calls in
 * the operators' queue combined with the customer's other calls, answers recorded on the call (and undone),
 * the second confirmation, capacity and the waiting list, lead cards for people who are not customers, the
 * funnel, bad input that changes nothing, and who may do what.
 */

// Tuesday 10 Nov 2026, 10:00 in the store. The trip is Sat 28 – Sun 29 Nov.
const clock = testClock('2026-11-10T10:00:00+08:00');
const nowIso = () => clock.now().toISOString();
const daysAgo = (n: number) => new Date(clock.now().getTime() - n * 86_400_000).toISOString();

let app: TestApp;
const fx = callbackFixture(() => app, '6');
type Person =
  | 'ok1'
  | 'ok2'
  | 'ok3'
  | 'ok5'
  | 'old'
  | 'dnc'
  | 'dncNoConsent'
  | 'noConsent'
  | 'refused'
  | 'noMobile'
  | 'merged'
  | 'erased'
  | 'recent'
  | 'outsider'
  | 'lead';
const people = {} as Record<Person, number>;
const events = {} as Record<'earlier' | 'trip', number>;
const t = (who: string) => fx.tokens[who]!;
const count = (table: string, where = '1') =>
  fx.sql().prepare(`select count(*) from ${table} where ${where}`).pluck().get() as number;

const errorOf = async (channel: string, input: unknown, who: string) => {
  const r = await app.call(channel, input, who === 'admin' ? app.adminToken : t(who));
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
};

let eventSerial = 0;
function event(fields: Record<string, unknown> = {}): number {
  const row = {
    event_no: `HD2026-T${String(++eventSerial).padStart(2, '0')}`,
    title: '秋季车主自驾游',
    type: 'self_drive',
    starts_on: '2026-11-28',
    ends_on: '2026-11-29',
    places: '肇庆鼎湖山',
    status: 'approved',
    created_at: nowIso(),
    updated_at: nowIso(),
    ...fields,
  };
  const cols = Object.keys(row);
  return Number(
    fx
      .sql()
      .prepare(`insert into events (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
      .run(row).lastInsertRowid,
  );
}

const consent = (customerId: number, granted: 0 | 1) =>
  fx
    .sql()
    .prepare(
      `insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, 'events', ?, ?, 'paper')`,
    )
    .run(customerId, granted, nowIso());

/** A customer of the test district, with the events consent unless told otherwise. */
function member(name: string, fields: Record<string, unknown> = {}, granted: 0 | 1 | null = 1): number {
  const id = fx.customer(name, { district: '测试区', ...fields });
  if (granted !== null) consent(id, granted);
  return id;
}

const invitee = (eventId: number, customerId: number) =>
  fx
    .sql()
    .prepare('select * from event_invitees where event_id = ? and customer_id = ?')
    .get(eventId, customerId) as Record<string, unknown> & { id: number; status: string };

const task = (id: unknown) =>
  fx.sql().prepare('select * from callback_tasks where id = ?').get(id) as Record<string, unknown>;

const segment = { district: '测试区' };
type Preview = ChannelOutput<'events.previewTargets'>;
const exclusionCounts = (p: Preview) => Object.fromEntries(p.exclusions.map((x) => [x.reason, x.count]));

beforeAll(async () => {
  app = await createTestApp({ clock: clock.clock });
  await fx.staff('op', 'callback_operator');
  await fx.staff('mgr', 'manager');
  await fx.staff('sales1', 'sales');
  events.earlier = event({
    title: '上月车主联谊会',
    status: 'done',
    starts_on: '2026-10-10',
    ends_on: '2026-10-10',
  });
  events.trip = event({ capacity_cars: 5, capacity_people: 10 });
  const agenda = fx
    .sql()
    .prepare(
      'insert into event_agenda_items (event_id, day, time, place, item, sort) values (?, ?, ?, ?, ?, ?)',
    );
  agenda.run(events.trip, '2026-11-29', '16:00', null, '返程', 0);
  agenda.run(events.trip, '2026-11-28', '08:00', '展厅', '店内集合出发', 0);

  people.ok1 = member('邀约甲');
  people.ok2 = member('邀约乙');
  people.ok3 = member('邀约丙');
  people.ok5 = member('邀约戊');
  people.old = member('邀约丁');
  people.dnc = member('勿扰甲', { do_not_contact: 1 });
  // Do-not-contact and no consent at once: counted once, under do-not-contact (the first reason).
  people.dncNoConsent = member('勿扰乙', { do_not_contact: 1 }, null);
  people.noConsent = member('未授权甲', {}, null);
  people.refused = member('拒绝授权乙', {}, 0);
  people.noMobile = member('无手机甲', { mobile: null, wechat: 'wx_nomobile' });
  people.merged = member('已合并甲', { merged_into_id: people.ok1 });
  people.erased = member('已匿名甲', { name: '已删除', mobile: null });
  people.recent = member('近期受邀甲');
  people.outsider = fx.customer('外区客户', { district: '别的区' });
  consent(people.outsider, 1);

  const request = fx
    .sql()
    .prepare(
      `insert into subject_requests (customer_id, kind, channel, identity_check, received_on, deadline, state,
         created_at, updated_at) values (?, 'delete', 'in_person', 'id_document', '2026-11-01', '2026-11-16', 'done', ?, ?)`,
    )
    .run(people.erased, nowIso(), nowIso()).lastInsertRowid;
  fx.sql()
    .prepare('insert into customer_erasures (customer_id, request_id, erased_at) values (?, ?, ?)')
    .run(people.erased, request, nowIso());
  // Invited to the earlier event 10 days ago (inside the 30-day cool-down) and 40 days ago (outside it).
  const listed = fx.sql().prepare(
    `insert into event_invitees (event_id, customer_id, origin, status, created_at, updated_at)
       values (?, ?, 'target', 'declined', ?, ?)`,
  );
  listed.run(events.earlier, people.recent, daysAgo(10), daysAgo(10));
  listed.run(events.earlier, people.old, daysAgo(40), daysAgo(40));

  // 甲 also took delivery of a car three days ago: the delivery call falls due today as well.
  const car = fx.vehicle(people.ok1, '2026-11-07', '途观L');
  fx.sql().prepare(`update vehicles set model = '380TSI 旗舰版' where id = ?`).run(car);
  fx.sql().prepare('update customers set loyalty_score = 8 where id = ?').run(people.ok1);
});
afterAll(() => app.close());

describe('segments and the target list', () => {
  it('counts who the segment gives and who is left off, each once and why', async () => {
    const p = await app.ok('events.previewTargets', { eventId: events.trip, filters: segment }, t('mgr'));
    expect(exclusionCounts(p)).toEqual({
      merged_or_erased: 2,
      do_not_contact: 2,
      no_events_consent: 2,
      no_mobile: 1,
      recently_invited: 1,
      already_listed: 0,
    });
    expect(p.eligible).toBe(5);
    expect(p.matched).toBe(13);
    expect(p.cooldownDays).toBe(30);
    expect(p.sample.map((s) => s.id).sort((a, b) => a - b)).toEqual(
      [people.ok1, people.ok2, people.ok3, people.ok5, people.old].sort((a, b) => a - b),
    );
    expect(p.sample.find((s) => s.id === people.ok1)).toMatchObject({
      name: '邀约甲',
      district: '测试区',
      series: '途观L',
      stage: 'owner',
      mobile: expect.stringMatching(/^13/),
    });
  });

  it('filters on what only segments have: model, delivery dates, loyalty', async () => {
    const only = async (filters: Record<string, unknown>) =>
      (
        await app.ok(
          'events.previewTargets',
          { eventId: events.trip, filters: { ...segment, ...filters } },
          t('mgr'),
        )
      ).matched;
    expect(await only({ model: '380TSI 旗舰版' })).toBe(1);
    expect(await only({ deliveryFrom: '2026-11-01', deliveryTo: '2026-11-07' })).toBe(1);
    expect(await only({ deliveryFrom: '2026-11-08' })).toBe(0);
    expect(await only({ loyaltyMin: 7 })).toBe(1);
    expect(await only({ series: '途观L', loyaltyMax: 5 })).toBe(0);
    const bad = await errorOf(
      'events.previewTargets',
      { eventId: events.trip, filters: { loyaltyMin: 8, loyaltyMax: 3 } },
      'mgr',
    );
    expect(bad).toMatchObject({ kind: 'validation' });
  });

  it('saves, renames, lists and deletes segments; a name is used once', async () => {
    const s = await app.ok('events.saveSegment', { name: '测试区车主', filters: segment }, t('mgr'));
    expect(s).toMatchObject({ name: '测试区车主', filters: segment, createdBy: { id: fx.ids.mgr } });
    const dup = await errorOf('events.saveSegment', { name: '测试区车主', filters: {} }, 'mgr');
    expect(dup).toMatchObject({ kind: 'validation', message: expect.stringContaining('测试区车主') });
    const renamed = await app.ok(
      'events.saveSegment',
      { id: s.id, name: '测试区高忠诚', filters: { ...segment, loyaltyMin: 6 } },
      t('mgr'),
    );
    expect(renamed).toMatchObject({ id: s.id, name: '测试区高忠诚', filters: { loyaltyMin: 6 } });
    expect((await app.ok('events.segments', {}, t('mgr'))).map((x) => x.name)).toContain('测试区高忠诚');
    const other = await app.ok('events.saveSegment', { name: '临时', filters: {} }, t('mgr'));
    await app.ok('events.deleteSegment', { id: other.id }, t('mgr'));
    expect((await app.ok('events.segments', {}, t('mgr'))).map((x) => x.id)).not.toContain(other.id);
    expect(await errorOf('events.deleteSegment', { id: other.id }, 'mgr')).toMatchObject({
      kind: 'not_found',
    });
  });

  it('builds the list once: building again adds nobody and says they are listed', async () => {
    const [seg] = await app.ok('events.segments', {}, t('mgr'));
    const built = await app.ok(
      'events.buildTargets',
      { eventId: events.trip, filters: segment, segmentId: seg!.id },
      t('mgr'),
    );
    expect(built).toMatchObject({ added: 5, eligible: 5 });
    expect(count('event_invitees', `event_id = ${events.trip}`)).toBe(5);
    expect(invitee(events.trip, people.ok1)).toMatchObject({ origin: 'target', status: 'pending' });
    const again = await app.ok('events.buildTargets', { eventId: events.trip, filters: segment }, t('mgr'));
    expect(again.added).toBe(0);
    expect(exclusionCounts(again).already_listed).toBe(5);
    expect(count('event_invitees', `event_id = ${events.trip}`)).toBe(5);
  });

  it('refuses a list for an event that is over, and an unknown event, changing nothing', async () => {
    const before = count('event_invitees');
    expect(
      await errorOf('events.buildTargets', { eventId: events.earlier, filters: segment }, 'mgr'),
    ).toMatchObject({ kind: 'validation', message: expect.stringContaining('已结束') });
    expect(await errorOf('events.buildTargets', { eventId: 999_999, filters: segment }, 'mgr')).toMatchObject(
      {
        kind: 'not_found',
      },
    );
    expect(count('event_invitees')).toBe(before);
  });
});

describe('the invitation calls in the queue', () => {
  it('starts invitations: one call per pending invitee who may be called, the event is 邀约中', async () => {
    // Two more on the list by hand: one without the events consent, one who asked not to be called.
    await app.ok('events.addInvitee', { eventId: events.trip, customerId: people.noConsent }, t('mgr'));
    await app.ok('events.addInvitee', { eventId: events.trip, customerId: people.dnc }, t('mgr'));
    const started = await app.ok('events.startInvitations', { eventId: events.trip }, t('mgr'));
    expect(started).toMatchObject({
      created: 5,
      skipped: { doNotContact: 1, noConsent: 1, alreadyHasTask: 0 },
      dueDate: '2026-11-10',
      expiresOn: '2026-11-26',
      eventStatus: 'inviting',
    });
    expect(fx.sql().prepare('select status from events where id = ?').pluck().get(events.trip)).toBe(
      'inviting',
    );
    const inv = invitee(events.trip, people.ok1);
    expect(task(inv.invitation_task_id)).toMatchObject({
      rule_code: 'event_invitation',
      status: 'open',
      due_date: '2026-11-10',
      expires_on: '2026-11-26',
      priority: 2,
      customer_id: people.ok1,
    });
    expect(invitee(events.trip, people.noConsent).invitation_task_id).toBeNull();
    // Again: nobody gets a second call.
    const again = await app.ok('events.startInvitations', { eventId: events.trip }, t('mgr'));
    expect(again).toMatchObject({ created: 0, skipped: { alreadyHasTask: 5 } });
  });

  it('puts the invitation with the customer’s other call of the day: one call, both reasons', async () => {
    await app.ok('callbacks.generate', {}, t('mgr'));
    const queue = await app.ok('callbacks.queue', { scope: 'team', limit: 200 }, t('op'));
    const row = queue.rows.find((r) => r.customerId === people.ok1)!;
    expect(row.tasks.map((x) => x.ruleCode)).toEqual(
      expect.arrayContaining(['delivery_3d', 'event_invitation']),
    );
    expect(queue.rows.filter((r) => r.customerId === people.ok1)).toHaveLength(1);

    const panel = (await app.ok('callbacks.next', { customerId: people.ok1 }, t('op')))!;
    // Everything due today in one call: the delivery call and the invitation.
    expect(panel.reasons.map((r) => r.ruleCode)).toEqual(
      expect.arrayContaining(['delivery_3d', 'event_invitation']),
    );
    const reason = panel.reasons.find((r) => r.ruleCode === 'event_invitation')!;
    expect(reason.event).toMatchObject({
      kind: 'invitation',
      eventId: events.trip,
      title: '秋季车主自驾游',
      dates: '11月28日至11月29日',
      places: '肇庆鼎湖山',
      agenda: '11月28日 08:00 店内集合出发（展厅）；11月29日 16:00 返程',
      carsLeft: 5,
      peopleLeft: 10,
      status: 'pending',
    });
    expect(reason.script).toContain('11月28日至11月29日在肇庆鼎湖山举办「秋季车主自驾游」');
    expect(reason.script).toContain('活动安排：11月28日 08:00 店内集合出发');
    expect(reason.script).not.toMatch(/\{(event|dates|place|agenda)\}/);
    await app.ok('callbacks.release', { taskIds: panel.reasons.map((r) => r.taskId) }, t('op'));
  });

  it('records an accept on the call: seats, a sign-up number, the second confirmation; undo puts it back', async () => {
    const panel = (await app.ok('callbacks.next', { customerId: people.ok1 }, t('op')))!;
    const taskIds = panel.reasons.map((r) => r.taskId);
    const rec = await app.ok(
      'callbacks.record',
      { taskIds, outcome: 'reached', event: { answer: 'accepted', cars: 2, adults: 3, children: 1 } },
      t('op'),
    );
    expect(rec.event).toMatchObject({ status: 'accepted', waitlisted: false, signupNo: 1, offer: null });
    expect(rec.event!.message).toContain('报名号 001');
    let inv = invitee(events.trip, people.ok1);
    expect(inv).toMatchObject({ status: 'accepted', cars: 2, adults: 3, children: 1, signup_no: 1 });
    expect(inv.reached_at).not.toBeNull();
    expect(task(inv.confirmation_task_id)).toMatchObject({
      rule_code: 'event_confirmation',
      status: 'open',
      due_date: '2026-11-25',
      expires_on: '2026-11-27',
    });
    expect(rec.event!.confirmationTaskId).toBe(inv.confirmation_task_id);
    const confirmationId = inv.confirmation_task_id;

    const undo = await app.ok(
      'callbacks.undoOutcome',
      { attemptId: rec.attemptId, reason: '点错了' },
      t('op'),
    );
    expect(undo.callResumed).toBe(true);
    inv = invitee(events.trip, people.ok1);
    expect(inv).toMatchObject({
      status: 'pending',
      cars: 0,
      adults: 0,
      signup_no: null,
      confirmation_task_id: null,
      reached_at: null,
    });
    expect(task(confirmationId)).toBeUndefined();

    // The call is back on the operator's screen: the right answer this time.
    const again = await app.ok(
      'callbacks.record',
      { taskIds, outcome: 'reached', event: { answer: 'accepted', cars: 2, adults: 3, children: 1 } },
      t('op'),
    );
    expect(again.event).toMatchObject({ status: 'accepted', signupNo: 1 });
  });

  it('records a decline with its reason, and an undecided answer as a call back', async () => {
    let panel = (await app.ok('callbacks.next', { customerId: people.ok2 }, t('op')))!;
    await app.ok(
      'callbacks.record',
      {
        taskIds: panel.reasons.map((r) => r.taskId),
        outcome: 'reached',
        event: { answer: 'declined', reason: '那两天出差' },
      },
      t('op'),
    );
    expect(invitee(events.trip, people.ok2)).toMatchObject({
      status: 'declined',
      decline_reason: '那两天出差',
    });

    panel = (await app.ok('callbacks.next', { customerId: people.ok3 }, t('op')))!;
    const taskIds = panel.reasons.map((r) => r.taskId);
    // Undecided goes with a call back, not with 已接通.
    const wrong = await errorOf(
      'callbacks.record',
      { taskIds, outcome: 'reached', event: { answer: 'undecided' } },
      'op',
    );
    expect(wrong).toMatchObject({ kind: 'validation', message: expect.stringContaining('约定回电') });
    await app.ok(
      'callbacks.record',
      {
        taskIds,
        outcome: 'call_back_at',
        callBackAt: '2026-11-11T10:00:00+08:00',
        event: { answer: 'undecided' },
      },
      t('op'),
    );
    const inv = invitee(events.trip, people.ok3);
    expect(inv.status).toBe('undecided');
    expect(task(inv.invitation_task_id)).toMatchObject({ status: 'open', assigned_user_id: fx.ids.op });
  });

  it('refuses bad answers on a call and changes nothing', async () => {
    const panel = (await app.ok('callbacks.next', { customerId: people.old }, t('op')))!;
    const taskIds = panel.reasons.map((r) => r.taskId);
    const attempts = count('callback_attempts');
    const before = invitee(events.trip, people.old);
    const cases: [unknown, string][] = [
      [{ answer: 'accepted', cars: -1, adults: 2 }, '不能为负数'],
      [{ answer: 'accepted', cars: 1, adults: 0, children: 0 }, '至少 1 人'],
      [{ answer: 'confirmed' }, '尚未报名'],
      // Another customer's event call is not this call's.
      [
        { answer: 'accepted', adults: 1, taskId: invitee(events.trip, people.ok5).invitation_task_id },
        '不在本次通话',
      ],
    ];
    for (const [answer, message] of cases) {
      const e = await errorOf('callbacks.record', { taskIds, outcome: 'reached', event: answer }, 'op');
      expect(e, message).toMatchObject({ kind: 'validation', message: expect.stringContaining(message) });
    }
    expect(count('callback_attempts')).toBe(attempts);
    expect(invitee(events.trip, people.old)).toEqual(before);
    await app.ok('callbacks.release', { taskIds }, t('op'));
  });

  it('refuses an event answer on a call without an event task', async () => {
    const c = fx.customer('普通回访客户');
    fx.vehicle(c, '2026-11-07');
    await app.ok('callbacks.generate', {}, t('mgr'));
    const panel = (await app.ok('callbacks.next', { customerId: c }, t('op')))!;
    const taskIds = panel.reasons.map((r) => r.taskId);
    const e = await errorOf(
      'callbacks.record',
      { taskIds, outcome: 'reached', event: { answer: 'accepted', adults: 1 } },
      'op',
    );
    expect(e).toMatchObject({ kind: 'validation', message: expect.stringContaining('没有活动') });
    await app.ok('callbacks.release', { taskIds }, t('op'));
  });
});

describe('capacity, the waiting list and sign-ups by hand', () => {
  it('puts an accept over capacity on the waiting list and says so', async () => {
    // 甲 holds 2 cars / 4 people of 5 / 10. 丁 takes the rest exactly.
    const old = invitee(events.trip, people.old);
    const filled = await app.ok(
      'events.recordAnswer',
      { inviteeId: old.id, answer: 'accepted', cars: 3, adults: 4, children: 2 },
      t('mgr'),
    );
    expect(filled).toMatchObject({
      waitlisted: false,
      invitee: { status: 'accepted', signupNo: 2 },
      capacity: { carsLeft: 0, peopleLeft: 0 },
    });
    // The invitation call is no longer needed once the manager has the answer.
    expect(task(old.invitation_task_id)).toMatchObject({ status: 'cancelled' });

    const ok3 = invitee(events.trip, people.ok3);
    const waiting = await app.ok(
      'events.recordAnswer',
      { inviteeId: ok3.id, answer: 'accepted', cars: 1, adults: 1 },
      t('mgr'),
    );
    expect(waiting).toMatchObject({
      waitlisted: true,
      invitee: { status: 'waitlisted', waitlistPosition: 1, signupNo: null },
      confirmationTaskId: null,
    });
    expect(waiting.message).toContain('候补第 1 位');
  });

  it('signs up someone new as a lead card with the referral, on the waiting list when full', async () => {
    const customersBefore = count('customers');
    const added = await app.ok(
      'events.addInvitee',
      {
        eventId: events.trip,
        newLead: { name: '论坛网友小王', mobile: '13766660001', referredById: people.ok1 },
        status: 'accepted',
        cars: 0,
        adults: 2,
      },
      t('mgr'),
    );
    expect(count('customers')).toBe(customersBefore + 1);
    expect(added).toMatchObject({
      waitlisted: true,
      invitee: {
        origin: 'new_lead',
        status: 'waitlisted',
        waitlistPosition: 2,
        referredBy: { id: people.ok1, name: '邀约甲' },
        customer: { name: '论坛网友小王', mobile: '13766660001' },
      },
    });
    const lead = fx
      .sql()
      .prepare('select stage, source_channel, referrer_id, name_pinyin from customers where id = ?')
      .get(added.createdCustomerId) as Record<string, unknown>;
    expect(lead).toMatchObject({ stage: 'lead', source_channel: 'event', referrer_id: people.ok1 });
    expect(lead.name_pinyin).not.toBe('');
    people.lead = added.createdCustomerId!;

    // The same mobile again is that customer, not a new card; a listed customer is not listed twice.
    const dupMobile = await errorOf(
      'events.addInvitee',
      { eventId: events.trip, newLead: { name: '小王', mobile: '13766660001' } },
      'mgr',
    );
    expect(dupMobile).toMatchObject({ kind: 'validation', message: expect.stringContaining('论坛网友小王') });
    const dupListed = await errorOf(
      'events.addInvitee',
      { eventId: events.trip, customerId: people.ok2 },
      'mgr',
    );
    expect(dupListed).toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('已在本活动名单'),
    });
    expect(count('customers')).toBe(customersBefore + 1);
  });

  it('refuses a promotion while still full; a cancellation offers the seat to the first who fits', async () => {
    const ok3 = invitee(events.trip, people.ok3);
    const full = await errorOf('events.promoteWaitlisted', { inviteeId: ok3.id }, 'mgr');
    expect(full).toMatchObject({ kind: 'validation', message: expect.stringContaining('名额仍不足') });
    expect(invitee(events.trip, people.ok3)).toEqual(ok3);

    const old = invitee(events.trip, people.old);
    const cancelled = await app.ok(
      'events.cancelSignup',
      { inviteeId: old.id, reason: '家里有事' },
      t('mgr'),
    );
    expect(cancelled.invitee).toMatchObject({ status: 'cancelled', declineReason: '家里有事', signupNo: 2 });
    expect(cancelled.offer).toMatchObject({ inviteeId: ok3.id, waitlistPosition: 1 });
    expect(cancelled.capacity).toMatchObject({ heldCars: 2, heldPeople: 4, waitlisted: 2 });
    expect(task(old.confirmation_task_id)).toMatchObject({ status: 'cancelled' });

    const promoted = await app.ok('events.promoteWaitlisted', { inviteeId: ok3.id }, t('mgr'));
    expect(promoted).toMatchObject({ waitlisted: false, invitee: { status: 'accepted', signupNo: 3 } });
    expect(promoted.confirmationTaskId).not.toBeNull();
    const lead = invitee(events.trip, people.lead);
    const second = await app.ok('events.promoteWaitlisted', { inviteeId: lead.id }, t('mgr'));
    expect(second.invitee).toMatchObject({ status: 'accepted', signupNo: 4, waitlistPosition: null });
    expect(second.capacity).toMatchObject({ heldCars: 3, heldPeople: 7, waitlisted: 0 });
  });

  it('refuses bad sign-ups with clear errors and changes nothing', async () => {
    const ok5 = invitee(events.trip, people.ok5);
    const tasks = count('callback_tasks');
    const cases: [unknown, string, string][] = [
      [{ inviteeId: ok5.id, answer: 'accepted', adults: 0, children: 0 }, 'validation', '至少 1 人'],
      [{ inviteeId: ok5.id, answer: 'accepted', cars: -2, adults: 1 }, 'validation', '不能为负数'],
      [{ inviteeId: ok5.id, answer: 'cancelled' }, 'validation', '没有可取消'],
      [{ inviteeId: 987_654, answer: 'declined' }, 'not_found', '受邀人'],
    ];
    for (const [input, kind, message] of cases) {
      expect(await errorOf('events.recordAnswer', input, 'mgr'), message).toMatchObject({
        kind,
        message: expect.stringContaining(message),
      });
    }
    // 甲 wants 6 more people: more than the seats left, refused rather than losing the sign-up.
    const ok1 = invitee(events.trip, people.ok1);
    const more = await errorOf(
      'events.recordAnswer',
      { inviteeId: ok1.id, answer: 'accepted', adults: 9 },
      'mgr',
    );
    expect(more).toMatchObject({ kind: 'validation', message: expect.stringContaining('名额不足') });
    expect(
      await errorOf(
        'events.addInvitee',
        { eventId: events.trip, customerId: people.outsider, status: 'accepted' },
        'mgr',
      ),
    ).toMatchObject({ kind: 'validation', message: expect.stringContaining('至少 1 人') });
    expect(invitee(events.trip, people.ok5)).toEqual(ok5);
    expect(invitee(events.trip, people.ok1)).toEqual(ok1);
    expect(invitee(events.trip, people.outsider)).toBeUndefined();
    expect(count('callback_tasks')).toBe(tasks);
  });
});

describe('the second confirmation and the funnel', () => {
  it('confirms and cancels on the confirmation call; expired invitations are unreachable', async () => {
    clock.set('2026-11-25T10:00:00+08:00');
    await fx.loginAll();
    let panel = (await app.ok('callbacks.next', { customerId: people.ok1 }, t('op')))!;
    const reason = panel.reasons.find((r) => r.ruleCode === 'event_confirmation')!;
    expect(reason.event).toMatchObject({ kind: 'confirmation', status: 'accepted', signupNo: 1, cars: 2 });
    expect(reason.script).toContain('「秋季车主自驾游」');
    const rec = await app.ok(
      'callbacks.record',
      {
        taskIds: panel.reasons.map((r) => r.taskId),
        outcome: 'reached',
        event: { taskId: reason.taskId, answer: 'confirmed' },
      },
      t('op'),
    );
    expect(rec.event).toMatchObject({ status: 'confirmed', signupNo: 1 });
    expect(invitee(events.trip, people.ok1).confirmed_at).not.toBeNull();

    panel = (await app.ok('callbacks.next', { customerId: people.ok3 }, t('op')))!;
    const c3 = panel.reasons.find((r) => r.ruleCode === 'event_confirmation')!;
    const cancel = await app.ok(
      'callbacks.record',
      {
        taskIds: panel.reasons.map((r) => r.taskId),
        outcome: 'reached',
        event: { taskId: c3.taskId, answer: 'cancelled', reason: '孩子生病' },
      },
      t('op'),
    );
    expect(cancel.event).toMatchObject({ status: 'cancelled', offer: null });

    // 戊 was never reached: the invitation call expires the day before the trip, and 戊 is 联系不上.
    clock.set('2026-11-28T08:00:00+08:00');
    await fx.loginAll();
    await app.ok('callbacks.generate', {}, t('mgr'));
    expect(invitee(events.trip, people.ok5).status).toBe('unreachable');
  });

  it('counts the funnel: invited → reached → accepted → confirmed → checked in', async () => {
    // The day: 甲 checks in (written as the check-in desk would).
    fx.sql()
      .prepare(
        `update event_invitees set status = 'checked_in', checked_in_at = ? where event_id = ? and customer_id = ?`,
      )
      .run(nowIso(), events.trip, people.ok1);
    const { funnel, capacity } = await app.ok('events.funnel', { eventId: events.trip }, t('mgr'));
    const steps = Object.fromEntries(funnel.steps.map((s) => [s.step, s.count]));
    // Invited: 甲 乙 丙 丁 戊 (called), the new lead (signed up by hand); 未授权甲 and 勿扰甲 were never called.
    expect(steps).toEqual({ invited: 6, reached: 5, accepted: 4, confirmed: 1, checked_in: 1 });
    expect(funnel.steps[1]).toMatchObject({ rateOfPrevious: 5 / 6, rateOfInvited: 5 / 6 });
    expect(funnel.steps[0]!.rateOfPrevious).toBeNull();
    expect(funnel).toMatchObject({
      listed: 8,
      pending: 2,
      declined: 1,
      unreachable: 1,
      cancelled: 2,
      waitlisted: 0,
      signedUpCars: 2,
      signedUpPeople: 6,
    });
    expect(capacity).toMatchObject({ heldCars: 2, heldPeople: 6 });

    const list = await app.ok(
      'events.invitees',
      { eventId: events.trip, status: ['cancelled'], limit: 1 },
      t('mgr'),
    );
    expect(list.rows).toHaveLength(1);
    expect(list.nextCursor).not.toBeNull();
    expect(list.counts).toMatchObject({ cancelled: 2, checked_in: 1, accepted: 1, pending: 2 });
    expect(list.total).toBe(8);
    const page2 = await app.ok(
      'events.invitees',
      { eventId: events.trip, status: ['cancelled'], limit: 1, cursor: list.nextCursor },
      t('mgr'),
    );
    expect(page2.rows).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const byName = await app.ok('events.invitees', { eventId: events.trip, text: '邀约甲' }, t('mgr'));
    expect(byName.rows.map((r) => r.customer.id)).toEqual([people.ok1]);
    expect(byName.rows[0]).toMatchObject({ signupNo: 1, invitationTask: { status: 'done' } });
    const bySignup = await app.ok('events.invitees', { eventId: events.trip, text: '3' }, t('mgr'));
    expect(bySignup.rows.map((r) => r.customer.id)).toContain(people.ok3);
  });
});

describe('out of tries', () => {
  it('marks the invitee unreachable when the invitation call runs out of attempts; undo puts it back', async () => {
    clock.set('2026-12-01T10:00:00+08:00');
    await fx.loginAll();
    const eventId = event({
      title: '冬季保养讲堂',
      type: 'maintenance_clinic',
      starts_on: '2026-12-20',
      ends_on: '2026-12-20',
    });
    const c = member('难联系甲');
    await app.ok('events.addInvitee', { eventId, customerId: c }, t('mgr'));
    await app.ok('events.startInvitations', { eventId }, t('mgr'));
    let last = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const panel = (await app.ok('callbacks.next', { customerId: c }, t('op')))!;
      const rec = await app.ok(
        'callbacks.record',
        { taskIds: panel.reasons.map((r) => r.taskId), outcome: 'no_answer' },
        t('op'),
      );
      expect(rec.event).toBeNull();
      last = rec.attemptId;
      expect(invitee(eventId, c).status).toBe(attempt < 3 ? 'pending' : 'unreachable');
      if (attempt < 3) {
        clock.advance(86_400_000);
        await fx.loginAll();
      }
    }
    expect(task(invitee(eventId, c).invitation_task_id)).toMatchObject({ status: 'done', attempts: 3 });
    await app.ok('callbacks.undoOutcome', { attemptId: last, reason: '其实接通了' }, t('op'));
    expect(invitee(eventId, c).status).toBe('pending');
  });
});

describe('the settings', () => {
  it('follows the event settings: second confirmation days before, invitation cool-down', async () => {
    const admin = await app.login('admin', adminPassword);
    await app.ok('events.updateSettings', { secondConfirmDaysBefore: 5, inviteCooldownDays: 0 }, admin);
    const eventId = event({
      title: '冬季车主联谊会',
      type: 'owners_meeting',
      starts_on: '2026-12-20',
      ends_on: '2026-12-20',
    });
    const c = member('设置甲');
    const added = await app.ok(
      'events.addInvitee',
      { eventId, customerId: c, status: 'accepted', adults: 2 },
      t('mgr'),
    );
    expect(task(added.confirmationTaskId)).toMatchObject({
      due_date: '2026-12-15',
      expires_on: '2026-12-19',
    });
    const p = await app.ok('events.previewTargets', { eventId, filters: segment }, t('mgr'));
    expect(p.cooldownDays).toBe(0);
    expect(exclusionCounts(p).recently_invited).toBe(0);
  });
});

describe('who may do what', () => {
  it('lets the operator work event calls but not build lists or read them', async () => {
    for (const channel of ['events.previewTargets', 'events.buildTargets'] as const) {
      expect(await errorOf(channel, { eventId: events.trip, filters: segment }, 'op')).toMatchObject({
        kind: 'forbidden',
      });
    }
    expect(await errorOf('events.invitees', { eventId: events.trip }, 'sales1')).toMatchObject({
      kind: 'forbidden',
    });
    expect(
      await errorOf(
        'events.recordAnswer',
        { inviteeId: invitee(events.trip, people.ok2).id, answer: 'accepted', adults: 1 },
        'op',
      ),
    ).toMatchObject({ kind: 'forbidden' });
    expect(await errorOf('events.segments', {}, 'sales1')).toMatchObject({ kind: 'forbidden' });
  });
});
