import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../electron/contract';
import type { EventDetail } from '../../electron/contract/event-plan';
import type { Role } from '../../electron/contract/permissions';
import { roleCan, roles } from '../../electron/contract/permissions';
import { eventSummaryReminders } from '../../electron/domain/events/event-notify';
import { callbackFixture } from '../helpers/callback-fixture';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';

/**
 * 客户活动, the plan side, through the API on real SQLite with an injected clock: the event and its number,
 * edits merged field by field, the status machine, agenda, checklist, budget in fen (plan fixed at approval,
 * actuals after it and audited), manufacturer support, the summary and its lock, photos, settings, the
 * overdue-summary reminder, the year's CRM budget, and who may do what. Bad input changes nothing.
 */

const clock = testClock('2026-10-15T09:00:00+08:00');

let app: TestApp;
const fx = callbackFixture(() => app, '8');
const t = (who: string) => fx.tokens[who]!;
const sql = () => fx.sql();
const count = (table: string) => sql().prepare(`select count(*) from ${table}`).pluck().get() as number;

const errorOf = async (channel: string, input: unknown, who = 'mgr') => {
  const r = await app.call(channel, input, t(who));
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error as { kind: string; message: string; details?: { fields?: Record<string, string> } };
};

/** A validation refusal's message for one field (the router's zod issues or a service's field error). */
const fieldMessage = (e: Awaited<ReturnType<typeof errorOf>>, field: string) =>
  e.details?.fields?.[field] ?? (JSON.stringify(e.details).includes(field) ? e.message : undefined);

const get = (id: number, who = 'mgr') => app.ok('events.get', { id }, t(who));

const trip = {
  title: '鼎湖山两日自驾游',
  type: 'self_drive',
  theme: '秋日山野',
  startsOn: '2026-11-07',
  endsOn: '2026-11-08',
  places: '肇庆鼎湖山；集合：店内展厅',
  capacityCars: 40,
  capacityPeople: 100,
  plannedCars: 40,
  plannedPeople: 100,
};

async function createEvent(fields: Record<string, unknown> = {}, who = 'mgr') {
  return app.ok('events.create', { ...trip, ownerUserId: fx.ids.mgr, ...fields }, t(who));
}

async function move(id: number, action: string, reason?: string) {
  const e = await get(id);
  return app.ok('events.transition', { id, version: e.version, action, reason }, t('mgr'));
}

/** Sign-ups as the invitation helper writes them (that part is another's): straight into event_invitees. */
/** The funnel's step counts by step name. */
function stepCounts(f: { steps: { step: string; count: number }[] }): Record<string, number> {
  return Object.fromEntries(f.steps.map((x) => [x.step, x.count]));
}

function invitee(
  eventId: number,
  customerId: number,
  status: string,
  cars: number,
  adults: number,
  children = 0,
  origin = 'target',
) {
  const now = clock.now().toISOString();
  return Number(
    sql()
      .prepare(
        `insert into event_invitees (event_id, customer_id, origin, status, cars, adults, children, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(eventId, customerId, origin, status, cars, adults, children, now, now).lastInsertRowid,
  );
}

let customerSerial = 0;
const newCustomer = () => fx.customer(`车主${++customerSerial}`);

beforeAll(async () => {
  app = await createTestApp({ clock: clock.clock });
  await fx.staff('mgr', 'manager');
  await fx.staff('mgr2', 'manager');
  await fx.staff('desk', 'front_desk');
  await fx.staff('sales1', 'sales');
});
afterAll(() => app.close());

describe('planning an event', () => {
  it('numbers events HD<start year>-NNN and reads the whole page back', async () => {
    const a = await createEvent();
    const b = await createEvent({
      title: '车主联谊会',
      type: 'owners_meeting',
      startsOn: '2026-12-20',
      endsOn: '2026-12-20',
    });
    const c = await createEvent({
      title: '新年试驾',
      type: 'model_launch',
      startsOn: '2027-01-09',
      endsOn: '2027-01-09',
    });
    expect(a.eventNo).toMatch(/^HD2026-\d{3}$/);
    expect(Number(b.eventNo.slice(7))).toBe(Number(a.eventNo.slice(7)) + 1);
    expect(c.eventNo).toBe('HD2027-001');
    const page = await get(a.id);
    expect(page).toMatchObject({
      eventNo: a.eventNo,
      title: '鼎湖山两日自驾游',
      status: 'draft',
      owner: { id: fx.ids.mgr, name: '员工mgr' },
      createdBy: { id: fx.ids.mgr },
      capacityCars: 40,
      plannedPeople: 100,
      filingStatus: 'not_filed',
      agenda: [],
      checklist: [],
      budget: { lines: [], planFixed: false, actualsOpen: false },
      summary: { locked: false, dueOn: null, overdue: false },
      transitions: ['approve', 'cancel'],
      version: 1,
    });
    expect(page.budget.totals).toMatchObject({
      plannedFen: 0,
      netCostFen: 0,
      costPerCheckedInPersonFen: null,
    });
    const list = await app.ok('events.list', { year: 2026 }, t('mgr'));
    expect(list.rows.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(list.rows.some((r) => r.id === c.id)).toBe(false);
    // Newest start first.
    const starts = list.rows.map((r) => r.startsOn);
    expect([...starts].sort().reverse()).toEqual(starts);
    const found = await app.ok('events.list', { text: '联谊' }, t('mgr'));
    expect(found.rows.map((r) => r.id)).toEqual([b.id]);
    const drafts = await app.ok('events.list', { status: ['approved'] }, t('mgr'));
    expect(drafts.rows.some((r) => r.id === a.id)).toBe(false);
  });

  it('refuses end before start, capacity 0 or negative and planned > 10000 with field messages, writing nothing', async () => {
    const before = count('events');
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ startsOn: '2026-11-08', endsOn: '2026-11-07' }, 'endsOn', /结束日期不能早于开始日期/],
      [{ capacityCars: 0 }, 'capacityCars', /容量至少为 1/],
      [{ capacityPeople: -5 }, 'capacityPeople', /容量至少为 1/],
      [{ plannedPeople: 10001 }, 'plannedPeople', /不能超过 10000/],
      [{ title: '  ' }, 'title', /请填写活动名称/],
      [{ startsOn: '2026-02-30' }, 'startsOn', /日期无效/],
    ];
    for (const [fields, field, message] of bad) {
      const e = await errorOf('events.create', { ...trip, ...fields });
      expect(e.kind, field).toBe('validation');
      expect(fieldMessage(e, field) ?? e.message, field).toMatch(message);
    }
    expect(count('events')).toBe(before);
  });

  it('merges a stale edit field by field and refuses a field both changed', async () => {
    const { id } = await createEvent();
    const loaded = await get(id);
    await app.ok(
      'events.update',
      { id, version: loaded.version, title: '鼎湖山自驾（改）', base: { title: loaded.title } },
      t('mgr'),
    );
    // The second manager still has version 1 open and changes only the places: merged, the title stays.
    const merged = await app.ok(
      'events.update',
      { id, version: loaded.version, places: '鼎湖山', base: { places: loaded.places } },
      t('mgr2'),
    );
    const now = await get(id);
    expect(now).toMatchObject({ title: '鼎湖山自驾（改）', places: '鼎湖山', version: merged.version });
    const clash = await errorOf(
      'events.update',
      { id, version: loaded.version, title: '另一个名字', base: { title: loaded.title } },
      'mgr2',
    );
    expect(clash.kind).toBe('conflict');
    expect((await get(id)).title).toBe('鼎湖山自驾（改）');
    // After the merge the dates still must make sense.
    const e = await errorOf('events.update', { id, version: now.version, endsOn: '2026-11-01' });
    expect(e.kind).toBe('validation');
    expect(fieldMessage(e, 'endsOn')).toMatch(/结束日期不能早于开始日期/);
    expect((await get(id)).endsOn).toBe('2026-11-08');
  });

  it('keeps the agenda within the dates and replaces it whole', async () => {
    const { id } = await createEvent();
    let e = await get(id);
    const items = [
      {
        day: '2026-11-07',
        time: '07:30',
        place: '店内展厅',
        item: '集合、发车贴和对讲机',
        personInCharge: '王经理',
      },
      { day: '2026-11-07', time: '12:00', place: '鼎湖山', item: '午餐' },
      { day: '2026-11-08', item: '返程', time: '' },
    ];
    const saved = await app.ok('events.saveAgenda', { eventId: id, version: e.version, items }, t('mgr'));
    e = await get(id);
    expect(e.version).toBe(saved.version);
    expect(e.agenda.map((a) => [a.day, a.time, a.item])).toEqual([
      ['2026-11-07', '07:30', '集合、发车贴和对讲机'],
      ['2026-11-07', '12:00', '午餐'],
      ['2026-11-08', null, '返程'],
    ]);
    const outside = await errorOf('events.saveAgenda', {
      eventId: id,
      version: e.version,
      items: [...items, { day: '2026-11-09', item: '多一天' }],
    });
    expect(outside.kind).toBe('validation');
    expect(outside.message).toMatch(/不在活动日期/);
    expect((await get(id)).agenda).toHaveLength(3);
    // Moving the dates away from the agenda is refused too.
    const moved = await errorOf('events.update', { id, version: e.version, startsOn: '2026-11-08' });
    expect(moved.message).toMatch(/活动流程中有 2026-11-07/);
    const stale = await errorOf('events.saveAgenda', { eventId: id, version: 1, items: [] });
    expect(stale.kind).toBe('conflict');
  });

  it('keeps a checklist with owners, due dates and overdue marks on the store calendar', async () => {
    const { id } = await createEvent();
    const stickers = await app.ok(
      'events.saveChecklistItem',
      {
        eventId: id,
        kind: 'materials',
        title: '车贴 50 张、对讲机 10 台',
        ownerUserId: fx.ids.desk,
        dueOn: '2026-10-14',
      },
      t('mgr'),
    );
    await app.ok(
      'events.saveChecklistItem',
      { eventId: id, kind: 'insurance', title: '购买活动保险', dueOn: '2026-11-01' },
      t('mgr'),
    );
    let e = await get(id);
    expect(e.checklist.map((c) => [c.title, c.owner?.name ?? null, c.overdue])).toEqual([
      ['车贴 50 张、对讲机 10 台', '员工desk', true],
      ['购买活动保险', null, false],
    ]);
    const done = await app.ok('events.setChecklistDone', { id: stickers.id, done: true }, t('mgr'));
    expect(done.doneAt).toBe(clock.now().toISOString());
    e = await get(id);
    expect(e.checklist[0]).toMatchObject({ overdue: false, doneBy: { id: fx.ids.mgr } });
    await app.ok('events.setChecklistDone', { id: stickers.id, done: false }, t('mgr'));
    expect((await get(id)).checklist[0]).toMatchObject({ doneAt: null, doneBy: null, overdue: true });
    await app.ok(
      'events.saveChecklistItem',
      { eventId: id, id: stickers.id, kind: 'materials', title: '车贴 60 张' },
      t('mgr'),
    );
    expect((await get(id)).checklist[0]!.title).toBe('车贴 60 张');
    const unknown = await errorOf('events.saveChecklistItem', {
      eventId: id,
      kind: 'gifts',
      title: '礼品',
      ownerUserId: 99999,
    });
    expect(fieldMessage(unknown, 'ownerUserId')).toMatch(/不存在或已停用/);
    await app.ok('events.removeChecklistItem', { id: stickers.id }, t('mgr'));
    expect((await get(id)).checklist).toHaveLength(1);
    expect((await errorOf('events.removeChecklistItem', { id: stickers.id })).kind).toBe('not_found');
  });
});

describe('the status machine', () => {
  it('refuses moves the current state does not allow and changes nothing', async () => {
    const { id } = await createEvent();
    const before = await get(id);
    for (const action of ['startInviting', 'start', 'finish']) {
      const e = await errorOf('events.transition', { id, version: before.version, action });
      expect(e.kind, action).toBe('validation');
      expect(e.message).toMatch(/活动草稿，不能/);
    }
    const noReason = await errorOf('events.transition', { id, version: before.version, action: 'cancel' });
    expect(fieldMessage(noReason, 'reason')).toMatch(/请说明取消活动的原因/);
    const stale = await errorOf('events.transition', { id, version: before.version + 5, action: 'approve' });
    expect(stale.kind).toBe('conflict');
    const after = await get(id);
    expect(after).toMatchObject({
      status: 'draft',
      version: before.version,
      approvedBy: null,
      cancelReason: null,
    });
  });

  it('approves (who and when), invites, runs and finishes; the summary falls due and the owner is told', async () => {
    const { id } = await createEvent();
    const approved = await move(id, 'approve');
    expect(approved.status).toBe('approved');
    let e = await get(id);
    expect(e).toMatchObject({
      approvedBy: { id: fx.ids.mgr, name: '员工mgr' },
      approvedAt: clock.now().toISOString(),
      transitions: ['startInviting', 'start', 'cancel'],
      budget: { planFixed: true, actualsOpen: true },
    });
    expect(
      (await errorOf('events.transition', { id, version: e.version, action: 'approve' })).message,
    ).toMatch(/活动已批准，不能批准方案/);
    await move(id, 'startInviting');
    await move(id, 'start');
    const unreadBefore = sql()
      .prepare("select count(*) from notifications where kind = 'event_summary_due' and ref_id = ?")
      .pluck()
      .get(id);
    expect(unreadBefore).toBe(0);
    await move(id, 'finish');
    e = await get(id);
    expect(e).toMatchObject({
      status: 'done',
      summary: { dueOn: '2026-11-11', overdue: false },
      transitions: [],
    });
    // …and a task on the preparation list, the owner's, due the same day.
    expect(e.checklist.find((c) => c.title === '提交活动总结')).toMatchObject({
      owner: { id: fx.ids.mgr },
      dueOn: '2026-11-11',
      doneAt: null,
    });
    const notes = await app.ok('notifications.list', { unreadOnly: true }, t('mgr'));
    expect(notes.rows.find((n) => n.kind === 'event_summary_due' && n.refId === id)).toMatchObject({
      refType: 'event',
      title: expect.stringContaining('2026-11-11'),
    });
    expect(
      (await errorOf('events.transition', { id, version: e.version, action: 'cancel', reason: '下雨' })).kind,
    ).toBe('validation');
  });

  it('cancelling needs a reason and closes the open invitation and confirmation calls of its invitees', async () => {
    const { id } = await createEvent();
    await move(id, 'approve');
    await move(id, 'startInviting');
    const now = clock.now().toISOString();
    const task = (customerId: number, rule: string, status = 'open') =>
      Number(
        sql()
          .prepare(
            `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, status,
               created_at, updated_at) values (?, ?, '2026-10-15', '2026-10-15', '2026-11-07', 2, ?, ?, ?)`,
          )
          .run(customerId, rule, status, now, now).lastInsertRowid,
      );
    const a = newCustomer();
    const b = newCustomer();
    const other = newCustomer();
    const ia = invitee(id, a, 'pending', 0, 0);
    const ib = invitee(id, b, 'accepted', 1, 2);
    const openInvite = task(a, 'event_invitation');
    const doneInvite = task(b, 'event_invitation', 'done');
    const openConfirm = task(b, 'event_confirmation');
    const unrelated = task(other, 'event_invitation');
    sql().prepare('update event_invitees set invitation_task_id = ? where id = ?').run(openInvite, ia);
    sql()
      .prepare('update event_invitees set invitation_task_id = ?, confirmation_task_id = ? where id = ?')
      .run(doneInvite, openConfirm, ib);
    const r = await move(id, 'cancel', '景区临时封闭');
    expect(r.status).toBe('cancelled');
    const statusOf = (taskId: number) =>
      sql().prepare('select status from callback_tasks where id = ?').pluck().get(taskId);
    expect([openInvite, doneInvite, openConfirm, unrelated].map(statusOf)).toEqual([
      'cancelled',
      'done',
      'cancelled',
      'open',
    ]);
    const e = await get(id);
    expect(e).toMatchObject({ status: 'cancelled', cancelReason: '景区临时封闭', transitions: [] });
    const edit = await errorOf('events.update', { id, version: e.version, title: '改名' });
    expect(edit.message).toMatch(/已取消/);
  });
});

describe('the budget', () => {
  it('adds three lines of 333.33 yuan to exactly 999.99 in fen, and refuses amounts that are not whole fen', async () => {
    const { id } = await createEvent();
    for (const category of ['venue', 'meals', 'gifts']) {
      await app.ok('events.saveBudgetLine', { eventId: id, category, plannedFen: 33333 }, t('mgr'));
    }
    const e = await get(id);
    expect(e.budget.totals).toMatchObject({
      plannedFen: 99999,
      actualFen: 0,
      netCostFen: 99999,
      netCostBasis: 'planned',
    });
    const lines = count('event_budget_lines');
    for (const plannedFen of [-100, 333.33, 100_000_001]) {
      const err = await errorOf('events.saveBudgetLine', { eventId: id, category: 'other', plannedFen });
      expect(err.kind).toBe('validation');
      expect(fieldMessage(err, 'plannedFen') ?? err.message).toMatch(/金额不能为负数|整数（分）|金额过大/);
    }
    expect(count('event_budget_lines')).toBe(lines);
    const list = await app.ok('events.list', { text: e.eventNo }, t('mgr'));
    expect(list.rows[0]).toMatchObject({ plannedFen: 99999, actualFen: 0 });
  });

  it('fixes the plan at approval; actuals only after it, each with who, when and an audit row', async () => {
    const { id } = await createEvent();
    const venue = await app.ok(
      'events.saveBudgetLine',
      { eventId: id, category: 'venue', plannedFen: 500000 },
      t('mgr'),
    );
    const meals = await app.ok(
      'events.saveBudgetLine',
      { eventId: id, category: 'meals', description: '两天午餐', plannedFen: 300000 },
      t('mgr'),
    );
    const early = await errorOf('events.recordActual', { id: venue.id, actualFen: 480000 });
    expect(early.message).toMatch(/批准后才能登记实际金额/);
    expect((await get(id)).budget.lines[0]!.actualFen).toBeNull();
    await app.ok(
      'events.saveBudgetLine',
      { eventId: id, id: meals.id, category: 'meals', description: '两天午餐', plannedFen: 320000 },
      t('mgr'),
    );
    await move(id, 'approve');
    const linesBefore = count('event_budget_lines');
    const fixed = await errorOf('events.saveBudgetLine', {
      eventId: id,
      id: meals.id,
      category: 'meals',
      plannedFen: 1,
    });
    expect(fixed.message).toMatch(/预算计划金额已固定/);
    expect(
      (await errorOf('events.saveBudgetLine', { eventId: id, category: 'other', plannedFen: 1 })).message,
    ).toMatch(/已固定/);
    expect((await errorOf('events.removeBudgetLine', { id: venue.id })).message).toMatch(/已固定/);
    expect(count('event_budget_lines')).toBe(linesBefore);
    const audits = () =>
      sql()
        .prepare("select count(*) from audit_log where action = 'event.actual_recorded'")
        .pluck()
        .get() as number;
    const auditsBefore = audits();
    expect((await errorOf('events.recordActual', { id: venue.id, actualFen: -1 })).kind).toBe('validation');
    await app.ok(
      'events.recordActual',
      { id: venue.id, actualFen: 480000, receiptNo: 'FP-2026-1107' },
      t('mgr'),
    );
    await app.ok('events.recordActual', { id: meals.id, actualFen: 335050, note: '多加一桌' }, t('mgr2'));
    expect(audits()).toBe(auditsBefore + 2);
    const row = sql()
      .prepare(
        "select detail, user_id as userId from audit_log where action = 'event.actual_recorded' order by id desc limit 1",
      )
      .get() as { detail: string; userId: number };
    expect(row.userId).toBe(fx.ids.mgr2);
    expect(JSON.parse(row.detail)).toMatchObject({
      lineId: meals.id,
      changes: { actualFen: [null, 335050] },
    });
    const e = await get(id);
    expect(e.budget.lines.map((l) => [l.plannedFen, l.actualFen, l.varianceFen, l.actualBy?.id])).toEqual([
      [500000, 480000, -20000, fx.ids.mgr],
      [320000, 335050, 15050, fx.ids.mgr2],
    ]);
    expect(e.budget.lines[0]).toMatchObject({
      receiptNo: 'FP-2026-1107',
      actualAt: clock.now().toISOString(),
    });
    expect(e.budget.totals).toMatchObject({
      plannedFen: 820000,
      actualFen: 815050,
      varianceFen: -4950,
      netCostBasis: 'actual',
      netCostFen: 815050,
    });
  });

  it('keeps manufacturer support and takes the subsidy received off the net cost', async () => {
    const { id } = await createEvent();
    await app.ok(
      'events.saveBudgetLine',
      { eventId: id, category: 'venue', plannedFen: 1_000_000 },
      t('mgr'),
    );
    const r = await app.ok(
      'events.updateSupport',
      {
        eventId: id,
        filingStatus: 'approved',
        subsidyRequestedFen: 500_000,
        subsidyApprovedFen: 300_000,
        subsidyReceivedFen: 250_000,
        manufacturerGifts: '车模 20 个',
      },
      t('mgr'),
    );
    const e = await get(id);
    expect(r.version).toBe(e.version);
    expect(e).toMatchObject({
      filingStatus: 'approved',
      subsidyApprovedFen: 300_000,
      manufacturerGifts: '车模 20 个',
    });
    expect(e.budget.totals).toMatchObject({ subsidyReceivedFen: 250_000, netCostFen: 750_000 });
    const bad = await errorOf('events.updateSupport', {
      eventId: id,
      filingStatus: 'filed',
      subsidyRequestedFen: -1,
      subsidyApprovedFen: 0,
      subsidyReceivedFen: 0,
    });
    expect(bad.kind).toBe('validation');
    expect((await get(id)).filingStatus).toBe('approved');
  });
});

describe('the seed-001 trip', () => {
  it('plans 40 cars / 100 people, takes 50 cars / 130 people once the capacity is raised, and costs per person from the lines', async () => {
    const { id } = await createEvent({ title: '车主两日自驾游（种子 001）' });
    const lines: [string, number][] = [
      ['accommodation', 1_560_000],
      ['meals', 1_040_000],
      ['gifts', 390_000],
      ['materials', 130_000],
      ['insurance', 65_000],
      ['transport', 260_000],
    ];
    const ids: number[] = [];
    for (const [category, plannedFen] of lines) {
      ids.push((await app.ok('events.saveBudgetLine', { eventId: id, category, plannedFen }, t('mgr'))).id);
    }
    await move(id, 'approve');
    await move(id, 'startInviting');
    // 50 cars / 130 people sign up (the store's calls and a forum): 30 families of 3, 20 of 2.
    for (let i = 0; i < 50; i++)
      invitee(
        id,
        newCustomer(),
        'accepted',
        1,
        i < 30 ? 2 : 2,
        i < 30 ? 1 : 0,
        i % 5 === 0 ? 'new_lead' : 'target',
      );
    let e = await get(id);
    expect(e.counts.accepted).toEqual({ invitees: 50, cars: 50, people: 130 });
    // The capacity cannot go below the seats already held; raised to 50 cars / 130 people it can.
    const low = await errorOf('events.update', { id, version: e.version, capacityCars: 45 });
    expect(fieldMessage(low, 'capacityCars')).toMatch(/不能少于已报名占用的 50 辆车/);
    const lowPeople = await errorOf('events.update', { id, version: e.version, capacityPeople: 120 });
    expect(fieldMessage(lowPeople, 'capacityPeople')).toMatch(/不能少于已报名占用的 130 人/);
    expect((await get(id)).capacityCars).toBe(40);
    await app.ok(
      'events.update',
      { id, version: e.version, capacityCars: 50, capacityPeople: 130 },
      t('mgr'),
    );
    await move(id, 'start');
    sql()
      .prepare(
        `update event_invitees set status = 'checked_in', checked_in_at = @at,
           reached_at = coalesce(reached_at, @at), accepted_at = coalesce(accepted_at, @at) where event_id = @id`,
      )
      .run({ at: clock.now().toISOString(), id });
    for (const [i, lineId] of ids.entries()) {
      await app.ok('events.recordActual', { id: lineId, actualFen: lines[i]![1] }, t('mgr'));
    }
    await app.ok(
      'events.updateSupport',
      {
        eventId: id,
        filingStatus: 'approved',
        subsidyRequestedFen: 500_000,
        subsidyApprovedFen: 400_000,
        subsidyReceivedFen: 400_000,
      },
      t('mgr'),
    );
    e = await get(id);
    const actual = lines.reduce((s, [, f]) => s + f, 0);
    expect(actual).toBe(3_445_000);
    expect(e).toMatchObject({ capacityCars: 50, capacityPeople: 130, plannedCars: 40, plannedPeople: 100 });
    expect(e.counts.checkedIn).toEqual({ invitees: 50, cars: 50, people: 130 });
    expect(e.budget.totals).toMatchObject({
      actualFen: 3_445_000,
      netCostFen: 3_045_000,
      checkedInPeople: 130,
      checkedInCars: 50,
      newLeads: 10,
      // 3,045,000 / 130 = 23,423.08 → 23,423 fen (¥234.23); per car 60,900; per new lead 304,500.
      costPerCheckedInPersonFen: 23_423,
      costPerCarFen: 60_900,
      costPerNewLeadFen: 304_500,
    });
    expect(stepCounts(e.funnel)).toEqual({
      invited: 50,
      reached: 50,
      accepted: 50,
      confirmed: 0,
      checked_in: 50,
    });
    expect(e.funnel.noShows).toBe(0);
    const row = (await app.ok('events.list', { text: e.eventNo }, t('mgr'))).rows[0]!;
    expect(row.counts).toMatchObject({
      accepted: { cars: 50, people: 130 },
      checkedIn: { cars: 50, people: 130 },
    });
    expect(row).toMatchObject({ plannedFen: 3_445_000, actualFen: 3_445_000 });
  });

  it('counts the funnel steps and rates from the invitees', async () => {
    const { id } = await createEvent({ title: '漏斗' });
    const s = (status: string, n: number, extra: Record<string, unknown> = {}) => {
      for (let i = 0; i < n; i++) {
        const rowId = invitee(id, newCustomer(), status, 1, 2);
        for (const [k, v] of Object.entries(extra))
          sql().prepare(`update event_invitees set ${k} = ? where id = ?`).run(v, rowId);
      }
    };
    // The timestamps the calls and the venue write: reached when answered, accepted at sign-up, and so on.
    const reached = { reached_at: 'x' };
    const accepted = { ...reached, accepted_at: 'x' };
    const confirmed = { ...accepted, confirmed_at: 'x' };
    s('pending', 4);
    s('unreachable', 2);
    s('declined', 2, reached);
    s('accepted', 2, accepted);
    s('confirmed', 3, confirmed);
    s('checked_in', 4, { ...confirmed, checked_in_at: 'x' });
    s('no_show', 1, confirmed);
    s('waitlisted', 1, reached);
    const f = (await get(id)).funnel;
    expect(stepCounts(f)).toEqual({ invited: 15, reached: 13, accepted: 10, confirmed: 8, checked_in: 4 });
    expect(f).toMatchObject({
      noShows: 1,
      waitlisted: 1,
      declined: 2,
      unreachable: 2,
      pending: 4,
      listed: 19,
    });
    expect(f.steps.find((x) => x.step === 'checked_in')?.rateOfPrevious).toBeCloseTo(0.5);
    expect(f.steps.find((x) => x.step === 'reached')?.rateOfInvited).toBeCloseTo(13 / 15);
    // The page's funnel and the funnel tab's channel are one computation.
    expect((await app.ok('events.funnel', { eventId: id }, t('mgr'))).funnel).toEqual(f);
  });
});

describe('the summary', () => {
  let id: number;
  beforeAll(async () => {
    id = (await createEvent({ title: '总结测试', startsOn: '2026-10-10', endsOn: '2026-10-11' })).id;
  });

  it('is refused before the event is done', async () => {
    const e = await errorOf('events.saveSummary', { eventId: id, strengths: '好', submit: false });
    expect(e.message).toMatch(/活动结束后才能填写/);
  });

  it('saves drafts, needs the three parts to submit, locks once submitted and the event is summarised', async () => {
    for (const a of ['approve', 'start', 'finish']) await move(id, a);
    expect((await get(id)).summary).toMatchObject({ dueOn: '2026-10-14', overdue: true });
    await app.ok('events.saveSummary', { eventId: id, strengths: '组织有序', submit: false }, t('mgr'));
    expect((await get(id)).summary).toMatchObject({ strengths: '组织有序', locked: false });
    const missing = await errorOf('events.saveSummary', { eventId: id, strengths: '组织有序', submit: true });
    expect(fieldMessage(missing, 'shortcomings')).toMatch(/不足之处/);
    expect((await get(id)).status).toBe('done');
    const r = await app.ok(
      'events.saveSummary',
      {
        eventId: id,
        strengths: '组织有序，车友互动好',
        shortcomings: '午餐等待时间长',
        improvements: '提前订餐、分批用餐',
        publicity: '汽车之家论坛帖子一篇，公众号推文一篇',
        submit: true,
      },
      t('mgr'),
    );
    expect(r).toMatchObject({ status: 'summarised', locked: true });
    const e = await get(id);
    expect(e.summary).toMatchObject({ locked: true, submittedBy: { id: fx.ids.mgr }, overdue: false });
    expect(e.checklist.find((c) => c.title === '提交活动总结')).toMatchObject({
      doneBy: { id: fx.ids.mgr },
      overdue: false,
    });
    expect(e.status).toBe('summarised');
    for (const submit of [false, true]) {
      const again = await errorOf('events.saveSummary', { eventId: id, strengths: '改一下', submit });
      expect(again.message).toBe('总结已提交，不能再修改');
    }
    expect((await get(id)).summary.strengths).toBe('组织有序，车友互动好');
  });
});

describe('the overdue-summary reminder', () => {
  it('tells the owner once when the summary is past due', async () => {
    const { id } = await createEvent({
      title: '提醒测试',
      startsOn: '2026-10-12',
      endsOn: '2026-10-12',
      ownerUserId: fx.ids.mgr2,
    });
    for (const a of ['approve', 'start', 'finish']) await move(id, a);
    const reminders = () =>
      sql()
        .prepare(
          "select count(*) from notifications where kind = 'event_summary_due' and ref_id = ? and user_id = ?",
        )
        .pluck()
        .get(id, fx.ids.mgr2) as number;
    expect(reminders()).toBe(1);
    // Due 2026-10-15 (the clock's today): not overdue yet.
    eventSummaryReminders(sql(), clock.clock);
    expect(reminders()).toBe(1);
    const later = () => new Date('2026-10-16T08:00:00+08:00');
    expect(eventSummaryReminders(sql(), later).reminded).toBeGreaterThanOrEqual(1);
    expect(reminders()).toBe(2);
    eventSummaryReminders(sql(), later);
    eventSummaryReminders(sql(), () => new Date('2026-10-20T08:00:00+08:00'));
    expect(reminders()).toBe(2);
  });
});

describe('photos of the summary', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('stores a photo by its hash under event-files and reads it back; other files are refused', async () => {
    const { id } = await createEvent({ title: '照片' });
    const a = await app.ok(
      'events.addAttachment',
      { eventId: id, fileName: '合影.png', dataBase64: png.toString('base64'), caption: '鼎湖山合影' },
      t('mgr'),
    );
    expect(a).toMatchObject({ mimeType: 'image/png', sizeBytes: png.length, caption: '鼎湖山合影' });
    expect(fs.existsSync(path.join(app.dataDir, 'event-files', String(id), `${a.sha256}.png`))).toBe(true);
    expect((await get(id)).attachments).toEqual([a]);
    const back = await app.ok('events.attachment', { id: a.id }, t('mgr'));
    expect(Buffer.from(back.dataBase64, 'base64')).toEqual(png);
    const rows = count('event_attachments');
    const text = await errorOf('events.addAttachment', {
      eventId: id,
      fileName: 'a.txt',
      dataBase64: Buffer.from('hello world').toString('base64'),
    });
    expect(text.message).toMatch(/不支持的文件类型/);
    expect(count('event_attachments')).toBe(rows);
    const { dataFileFolders } = await import('../../electron/domain/backups/backup-files');
    expect(dataFileFolders).toContain('event-files');
  });
});

describe('settings and staff', () => {
  it('reads defaults, changes one setting (settings.manage) and finishing uses it', async () => {
    expect(await app.ok('events.settings', {}, t('mgr'))).toEqual({
      inviteCooldownDays: 30,
      secondConfirmDaysBefore: 3,
      resultsWindowDays: 90,
      summaryDueDays: 3,
      version: expect.any(Number) as number,
    });
    const bad = await errorOf('events.updateSettings', { summaryDueDays: -1 });
    expect(bad.kind).toBe('validation');
    const after = await app.ok('events.updateSettings', { summaryDueDays: 5 }, t('mgr'));
    expect(after).toMatchObject({ summaryDueDays: 5, inviteCooldownDays: 30 });
    const { id } = await createEvent({ title: '设置', startsOn: '2026-10-13', endsOn: '2026-10-13' });
    for (const a of ['approve', 'start', 'finish']) await move(id, a);
    expect((await get(id)).summary.dueOn).toBe('2026-10-18');
    await app.ok('events.updateSettings', { summaryDueDays: 3 }, t('mgr'));
  });

  it('lists the active staff who can own an event', async () => {
    const staff = await app.ok('events.staff', {}, t('mgr'));
    expect(staff.rows).toEqual(
      expect.arrayContaining([{ id: fx.ids.desk, name: '员工desk', role: 'front_desk' }]),
    );
  });
});

describe("the year's CRM budget", () => {
  it('splits a total by the default shares in whole fen, rolls the events into events and marketing and adds spends', async () => {
    const year = 2031;
    const split = await app.ok('events.updateBudgetYear', { year, totalFen: 100_000_001 }, t('mgr'));
    expect(split.lines.map((l) => [l.line, l.plannedFen])).toEqual([
      ['systems', 20_000_000],
      // The one fen left over goes to the line with the largest remainder.
      ['staff', 35_000_001],
      ['events_marketing', 30_000_000],
      ['other', 15_000_000],
    ]);
    expect(split.totalPlannedFen).toBe(100_000_001);
    const a = await createEvent({ title: '年度一', startsOn: '2031-03-01', endsOn: '2031-03-01' });
    const b = await createEvent({ title: '年度二', startsOn: '2031-06-01', endsOn: '2031-06-02' });
    const c = await createEvent({ title: '取消的', startsOn: '2031-07-01', endsOn: '2031-07-01' });
    await createEvent({ title: '明年的', startsOn: '2032-01-01', endsOn: '2032-01-01' });
    await app.ok(
      'events.saveBudgetLine',
      { eventId: a.id, category: 'venue', plannedFen: 200_000 },
      t('mgr'),
    );
    const bl = await app.ok(
      'events.saveBudgetLine',
      { eventId: b.id, category: 'meals', plannedFen: 300_000 },
      t('mgr'),
    );
    await app.ok(
      'events.saveBudgetLine',
      { eventId: c.id, category: 'meals', plannedFen: 999_999 },
      t('mgr'),
    );
    await move(b.id, 'approve');
    await app.ok('events.recordActual', { id: bl.id, actualFen: 350_000 }, t('mgr'));
    await app.ok(
      'events.updateSupport',
      {
        eventId: b.id,
        filingStatus: 'approved',
        subsidyRequestedFen: 100_000,
        subsidyApprovedFen: 100_000,
        subsidyReceivedFen: 100_000,
      },
      t('mgr'),
    );
    await move(c.id, 'cancel', '取消');
    await app.ok(
      'events.addBudgetSpend',
      { year, line: 'systems', spentOn: '2031-02-01', amountFen: 1_200_000, note: 'CRM 系统年费' },
      t('mgr'),
    );
    await app.ok(
      'events.addBudgetSpend',
      { year, line: 'events_marketing', spentOn: '2031-04-01', amountFen: 50_000, note: '论坛推广' },
      t('mgr'),
    );
    const spends = count('crm_budget_spends');
    const bad = await errorOf('events.addBudgetSpend', {
      year,
      line: 'other',
      spentOn: '2030-12-31',
      amountFen: 1,
      note: '跨年',
    });
    expect(fieldMessage(bad, 'spentOn')).toMatch(/应在所选年度内/);
    const neg = await errorOf('events.addBudgetSpend', {
      year,
      line: 'other',
      spentOn: '2031-12-31',
      amountFen: -5,
      note: '负数',
    });
    expect(neg.kind).toBe('validation');
    expect(count('crm_budget_spends')).toBe(spends);
    const y = await app.ok('events.budgetYear', { year }, t('mgr'));
    expect(y.events.map((e) => [e.title, e.netCostFen, e.netCostBasis])).toEqual([
      ['年度一', 200_000, 'planned'],
      ['年度二', 250_000, 'actual'],
    ]);
    const line = (name: string) => y.lines.find((l) => l.line === name)!;
    expect(line('events_marketing')).toEqual({
      line: 'events_marketing',
      plannedFen: 30_000_000,
      eventsFen: 450_000,
      manualFen: 50_000,
      spentFen: 500_000,
      remainingFen: 29_500_000,
    });
    expect(line('systems')).toMatchObject({ spentFen: 1_200_000, remainingFen: 18_800_000 });
    expect(y.totalSpentFen).toBe(1_700_000);
    expect(y.spends[0]).toMatchObject({ note: 'CRM 系统年费', createdBy: { id: fx.ids.mgr } });
    const byLine = await app.ok(
      'events.updateBudgetYear',
      { year, lines: [{ line: 'staff', plannedFen: 40_000_000 }] },
      t('mgr'),
    );
    expect(byLine.lines.find((l) => l.line === 'staff')!.plannedFen).toBe(40_000_000);
    expect(byLine.lines.find((l) => l.line === 'systems')!.plannedFen).toBe(20_000_000);
    const both = await errorOf('events.updateBudgetYear', { year, totalFen: 1, lines: [] });
    expect(both.kind).toBe('validation');
  });
});

describe('who may do what', () => {
  let eventId: number;
  let lineId: number;
  let itemId: number;
  let attachmentId: number;
  const tokens: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    for (const role of roles) tokens[role] = role === 'admin' ? app.adminToken : await app.userWithRole(role);
    eventId = (await createEvent({ title: '权限' })).id;
    lineId = (
      await app.ok('events.saveBudgetLine', { eventId, category: 'venue', plannedFen: 100 }, t('mgr'))
    ).id;
    itemId = (await app.ok('events.saveChecklistItem', { eventId, kind: 'venue', title: '订场地' }, t('mgr')))
      .id;
    attachmentId = (
      await app.ok(
        'events.addAttachment',
        {
          eventId,
          fileName: 'a.pdf',
          dataBase64: Buffer.from('%PDF-1.4 test').toString('base64'),
        },
        t('mgr'),
      )
    ).id;
  });

  const inputs: Record<string, () => Promise<unknown> | unknown> = {
    'events.list': () => ({}),
    'events.get': () => ({ id: eventId }),
    'events.create': () => ({ ...trip, title: '权限新建' }),
    'events.update': async () => ({ id: eventId, version: (await get(eventId)).version, theme: '权限' }),
    'events.transition': async () => ({
      id: eventId,
      version: (await get(eventId)).version + 100,
      action: 'approve',
    }),
    'events.saveAgenda': async () => ({ eventId, version: (await get(eventId)).version, items: [] }),
    'events.saveChecklistItem': () => ({ eventId, id: itemId, kind: 'venue', title: '订场地' }),
    'events.setChecklistDone': () => ({ id: itemId, done: true }),
    'events.removeChecklistItem': () => ({ id: 999_999 }),
    'events.saveBudgetLine': () => ({ eventId, id: lineId, category: 'venue', plannedFen: 100 }),
    'events.recordActual': () => ({ id: lineId, actualFen: 100 }),
    'events.removeBudgetLine': () => ({ id: 999_999 }),
    'events.updateSupport': () => ({
      eventId,
      filingStatus: 'filed',
      subsidyRequestedFen: 0,
      subsidyApprovedFen: 0,
      subsidyReceivedFen: 0,
    }),
    'events.saveSummary': () => ({ eventId, submit: false }),
    'events.addAttachment': () => ({
      eventId,
      fileName: 'b.pdf',
      dataBase64: Buffer.from('%PDF-1.4 b').toString('base64'),
    }),
    'events.attachment': () => ({ id: attachmentId }),
    'events.settings': () => ({}),
    'events.updateSettings': () => ({ summaryDueDays: 3 }),
    'events.staff': () => ({}),
    'events.budgetYear': () => ({ year: 2026 }),
    'events.updateBudgetYear': () => ({ year: 2040, totalFen: 100 }),
    'events.addBudgetSpend': () => ({
      year: 2040,
      line: 'other',
      spentOn: '2040-01-01',
      amountFen: 1,
      note: '权限',
    }),
  };

  it('covers every plan channel', async () => {
    const { eventPlanContract } = await import('../../electron/contract/event-plan');
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(eventPlanContract).sort());
  });

  it.each(Object.keys(inputs))(
    '%s follows the role grants (refused roles change nothing)',
    async (channel) => {
      const { contract } = await import('../../electron/contract');
      const access = contract[channel as ChannelName].access;
      for (const role of roles) {
        const allowed = roleCan(role, access);
        const before = allowed ? 0 : (await get(eventId)).version;
        const r = await app.call(channel, await inputs[channel]!(), tokens[role]!);
        if (allowed) {
          // Allowed: served (a refusal here is the service's own, on purpose for the stale transition and the
          // removals of ids that do not exist), never forbidden.
          if (!r.ok) expect(r.error.kind, `${channel} as ${role}`).not.toBe('forbidden');
        } else {
          expect(r.ok ? 'ok' : r.error.kind, `${channel} as ${role}`).toBe('forbidden');
          expect((await get(eventId)).version).toBe(before);
        }
      }
    },
  );

  it('gives the events channels to managers and administrators only, the settings change to settings.manage', () => {
    expect(roles.filter((r) => roleCan(r, 'events.manage'))).toEqual(['manager', 'admin']);
  });

  it('records what each allowed write did, and the page validates against its contract', async () => {
    const e: EventDetail = await get(eventId);
    expect(e.checklist[0]!.doneAt).not.toBeNull();
    expect(e.title).toBe('权限');
  });
});
