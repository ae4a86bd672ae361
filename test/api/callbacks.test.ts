import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/contract';
import type { Role } from '../../electron/contract/permissions';
import { skipReasons } from '../../electron/domain/callbacks/consent';
import { storeDateTimeLabel } from '../../electron/domain/clock';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

type Panel = NonNullable<ChannelOutput<'callbacks.next'>>;

// The store's clock, moved by the tests: Sunday 22 Nov 2026, 10:00 in the store's zone (Beijing time), whatever
// the host's zone: retries and pickers keep to calling hours, so the hour of day matters.
const start = new Date('2026-11-22T10:00:00+08:00');
let current = start;
const at = (minutesLater: number) => new Date(start.getTime() + minutesLater * 60_000);

describe('call-back queue through the API', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let vin = 0;
  let people = 0;

  async function staff(username: string, role: Role): Promise<void> {
    const user = await app.ok(
      'users.create',
      { username, displayName: `员工${username}`, role, password: 'Staff-Pass-1' },
      app.adminToken,
    );
    ids[username] = user.id;
    tokens[username] = await app.login(username, 'Staff-Pass-1');
  }
  async function loginAll(): Promise<void> {
    for (const name of Object.keys(tokens)) tokens[name] = await app.login(name, 'Staff-Pass-1');
  }
  const sql = () => app.core.db.$client;

  function customer(name: string, fields: Record<string, unknown> = {}): number {
    const row = {
      name,
      gender: 'male',
      mobile: `139${String(++people).padStart(8, '0')}`,
      stage: 'owner',
      ...fields,
    };
    const cols = Object.keys(row);
    return Number(
      sql()
        .prepare(`insert into customers (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid,
    );
  }
  function vehicle(ownerId: number, delivery: string, fields: Record<string, unknown> = {}): number {
    const v = `LSVCB${String(++vin).padStart(12, '0')}`;
    const row = {
      vin: v,
      vin_reversed: [...v].reverse().join(''),
      brand: '大众',
      series: '帕萨特',
      plate: `粤L·${String(vin).padStart(5, '0')}`,
      delivery_date: delivery,
      owner_id: ownerId,
      ...fields,
    };
    const cols = Object.keys(row);
    const id = Number(
      sql()
        .prepare(`insert into vehicles (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid,
    );
    sql()
      .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
      .run(id, ownerId, delivery);
    return id;
  }
  function visit(vehicleId: number, customerId: number, date: string, km: number): void {
    sql()
      .prepare(
        "insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, advisor) values (?, ?, ?, 'repair', ?, '李工')",
      )
      .run(vehicleId, customerId, date, km);
  }
  const tasksOf = (customerId: number) =>
    sql()
      .prepare(
        `select id, rule_code as rule, status, attempts, next_attempt_at as nextAttemptAt, assigned_user_id as assigned,
           skip_reason as reason, last_outcome as outcome, claimed_by as claimedBy, notes, due_date as due
         from callback_tasks where customer_id = ? order by priority, due_date, id`,
      )
      .all(customerId) as {
      id: number;
      rule: string;
      status: string;
      attempts: number;
      nextAttemptAt: string | null;
      assigned: number | null;
      reason: string | null;
      outcome: string | null;
      claimedBy: number | null;
      notes: string | null;
      due: string;
    }[];
  const generate = () => app.ok('callbacks.generate', {}, tokens.boss!);
  const next = async (who: string, input: object = {}) => app.ok('callbacks.next', input, tokens[who]!);
  const record = (who: string, input: object) => app.ok('callbacks.record', input, tokens[who]!);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => current });
    await staff('boss', 'manager');
    await staff('op1', 'callback_operator');
    await staff('op2', 'callback_operator');
    await staff('desk', 'front_desk');
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    current = start;
    sql()
      .exec(`delete from csi_surveys; delete from callback_attempts; delete from callback_tasks; delete from service_visits;
      delete from vehicle_ownerships; delete from vehicles; delete from interactions; delete from consents; delete from customers;
      update callback_outcome_settings set recycle_minutes = 60 where outcome = 'busy';`);
    await loginAll();
  });

  it('hands out one call per customer with every due reason and its script filled in, never the same call twice', async () => {
    const zhang = customer('张三');
    const car = vehicle(zhang, '2026-11-19', { plate: '粤L·A0001' });
    const li = customer('李四', { gender: 'female' });
    const liCar = vehicle(li, '2024-01-10', { plate: '粤L·D1234', series: '途观L' });
    visit(liCar, li, '2026-11-21', 23456);
    const summary = await generate();
    expect(summary.created).toBeGreaterThanOrEqual(4);

    const first = (await next('op1')) as Panel;
    expect(first.customer).toMatchObject({ id: zhang, name: '张三', title: '先生' });
    // Sales CSI (overdue since the 20th) and the 3-day call (due today): one call, two reasons.
    expect(first.reasons.map((r) => r.ruleCode)).toEqual(['sales_csi', 'delivery_3d']);
    expect(first.reasons[1]!.script).toContain('张先生您好');
    expect(first.reasons[1]!.script).toContain('帕萨特（粤L·A0001）');
    expect(first.csiKinds).toEqual(['sales']);
    expect(first.vehicles.map((v) => v.id)).toEqual([car]);
    expect(first.openComplaints).toEqual([]);
    expect(first.complaintsNote).toContain('投诉');
    expect(first.resumed).toBe(false);

    const second = (await next('op2')) as Panel;
    expect(second.customer.id).toBe(li);
    expect(second.reasons.map((r) => r.ruleCode)).toEqual(['service_csi']);
    expect(second.reasons[0]!.script).toContain('李女士您好');
    expect(second.reasons[0]!.script).toContain('2026年11月21日');
    expect(second.reasons[0]!.script).toContain('服务顾问李工');
    expect(second.lastVisits[0]).toMatchObject({
      visitDate: '2026-11-21',
      mileageKm: 23456,
      plate: '粤L·D1234',
    });

    const again = (await next('op1')) as Panel;
    expect(again.resumed).toBe(true);
    expect(again.reasons.map((r) => r.taskId)).toEqual(first.reasons.map((r) => r.taskId));
    expect((await app.ok('callbacks.current', {}, tokens.op2!))!.customer.id).toBe(li);
    // Nothing else is due: a third workstation gets nothing rather than someone else's call.
    await staff('op3', 'callback_operator');
    expect(await next('op3')).toBeNull();
  });

  it('records a reached call: tasks done, one attempt for both reasons, the CSI answers, the customer timeline', async () => {
    const zhang = customer('张三');
    vehicle(zhang, '2026-11-19');
    await generate();
    const panel = (await next('op1')) as Panel;
    current = at(3);
    const taskIds = panel.reasons.map((r) => r.taskId);
    const result = await record('op1', {
      taskIds,
      outcome: 'reached',
      notes: '车辆使用正常',
      csi: {
        kind: 'sales',
        overall: 'satisfied',
        nps: 9,
        advisorScore: 5,
        qualityScore: 5,
        timelinessScore: 4,
        priceScore: 4,
        facilityScore: 5,
      },
    });
    expect(result.followUpTaskId).toBeNull();
    expect(result.tasks.map((t) => t.status)).toEqual(['done', 'done']);
    const attempt = sql()
      .prepare('select * from callback_attempts where id = ?')
      .get(result.attemptId) as Record<string, unknown>;
    expect(JSON.parse(attempt.task_ids as string)).toEqual(taskIds);
    expect(attempt).toMatchObject({
      outcome: 'reached',
      user_id: ids.op1,
      started_at: start.toISOString(),
      ended_at: at(3).toISOString(),
    });
    expect(sql().prepare('select kind, nps, advisor_score, task_id from csi_surveys').get()).toEqual({
      kind: 'sales',
      nps: 9,
      advisor_score: 5,
      task_id: taskIds[0],
    });
    const timeline = sql()
      .prepare(
        "select summary, ref_type, ref_id from interactions where customer_id = ? and kind = 'callback'",
      )
      .all(zhang) as { summary: string; ref_id: number }[];
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.summary).toContain('销售满意度回访、交车3天回访');
    expect(timeline[0]!.summary).toContain('已接通');
    expect(timeline[0]!.summary).toContain('NPS 9');
    expect(timeline[0]!.ref_id).toBe(result.attemptId);
    // Recorded means released: nothing is held, and the call is in the history.
    expect(await app.ok('callbacks.current', {}, tokens.op1!)).toBeNull();
    const again = await app.call('callbacks.record', { taskIds, outcome: 'reached' }, tokens.op1!);
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('turns a dissatisfied or detractor answer into a follow-up for the customer-relations manager within 24 h', async () => {
    const wang = customer('王五');
    const car = vehicle(wang, '2023-02-01');
    visit(car, wang, '2026-11-21', 40000);
    await generate();
    const panel = (await next('op1')) as Panel;
    expect(panel.csiKinds).toEqual(['service']);
    const result = await record('op1', {
      taskIds: panel.reasons.map((r) => r.taskId),
      outcome: 'reached',
      notes: '客户情绪激动',
      csi: {
        kind: 'service',
        overall: 'dissatisfied',
        nps: 2,
        timelinessScore: 1,
        notes: '等了三个小时，洗车也没洗',
      },
    });
    expect(result.followUpTaskId).not.toBeNull();
    const followUp = tasksOf(wang).find((t) => t.id === result.followUpTaskId)!;
    expect(followUp).toMatchObject({
      rule: 'dissatisfied_followup',
      status: 'open',
      assigned: ids.boss,
      due: '2026-11-22',
    });
    expect(followUp.notes).toContain('等了三个小时');
    expect(followUp.notes).toContain('客户情绪激动');
    // The deadline is written on the store's clock (Beijing time), 24 h after the call.
    expect(followUp.notes).toContain(
      `请于 ${storeDateTimeLabel(new Date(current.getTime() + 86_400_000))} 前跟进`,
    );
    expect(followUp.notes).not.toContain('UTC');
    const bossQueue = await app.ok('callbacks.queue', { scope: 'mine', bucket: 'due_today' }, tokens.boss!);
    expect(bossQueue.rows.map((r) => r.customerId)).toEqual([wang]);
    // Operators do not get the manager's follow-up.
    expect(await next('op2')).toBeNull();

    // Neutral overall but a detractor score (≤ 6) also goes to the manager; a promoter does not.
    const zhao = customer('赵六');
    const zCar = vehicle(zhao, '2023-02-01');
    visit(zCar, zhao, '2026-11-21', 40000);
    await generate();
    const p2 = (await next('op1')) as Panel;
    const r2 = await record('op1', {
      taskIds: p2.reasons.map((r) => r.taskId),
      outcome: 'reached',
      csi: { kind: 'service', overall: 'neutral', nps: 6 },
    });
    expect(r2.followUpTaskId).not.toBeNull();
    const bad = await app.call(
      'callbacks.record',
      { taskIds: [result.followUpTaskId], outcome: 'reached', csi: { kind: 'sales', overall: 'satisfied' } },
      tokens.boss!,
    );
    expect(bad).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('returns an unfinished claim to the queue after the timeout; the late operator can no longer record it', async () => {
    const zhang = customer('张三');
    vehicle(zhang, '2026-11-19');
    await generate();
    const mine = (await next('op1')) as Panel;
    current = at(10);
    expect(await next('op2')).toBeNull();
    current = at(16);
    const taken = (await next('op2')) as Panel;
    expect(taken.customer.id).toBe(zhang);
    expect(taken.reasons.map((r) => r.taskId)).toEqual(mine.reasons.map((r) => r.taskId));
    const late = await app.call(
      'callbacks.record',
      { taskIds: mine.reasons.map((r) => r.taskId), outcome: 'reached' },
      tokens.op1!,
    );
    expect(late).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    // Released without an outcome: straight back to the queue, untouched.
    expect(
      await app.ok('callbacks.release', { taskIds: taken.reasons.map((r) => r.taskId) }, tokens.op2!),
    ).toEqual({ released: 2 });
    expect(tasksOf(zhang).every((t) => t.attempts === 0 && t.claimedBy === null)).toBe(true);
    expect(((await next('op1')) as Panel).customer.id).toBe(zhang);
  });

  it('rests a task after no answer or busy for the configured delay, and closes it at the maximum attempts', async () => {
    const zhang = customer('张三');
    vehicle(zhang, '2026-11-19');
    await generate();
    let panel = (await next('op1')) as Panel;
    const taskIds = panel.reasons.map((r) => r.taskId);
    const r1 = await record('op1', { taskIds, outcome: 'no_answer' });
    expect(r1.tasks).toEqual([
      {
        id: taskIds[0],
        status: 'open',
        attempts: 1,
        nextAttemptAt: at(240).toISOString(),
        lastOutcome: 'no_answer',
      },
      {
        id: taskIds[1],
        status: 'open',
        attempts: 1,
        nextAttemptAt: at(240).toISOString(),
        lastOutcome: 'no_answer',
      },
    ]);
    const due = await app.ok('callbacks.queue', { scope: 'team', bucket: 'due_today' }, tokens.op1!);
    const resting = await app.ok('callbacks.queue', { scope: 'team', bucket: 'resting' }, tokens.op1!);
    expect(due.total).toBe(0);
    expect(resting.rows.find((r) => r.customerId === zhang)!.tasks[0]!.nextAttemptAt).toBe(
      at(240).toISOString(),
    );
    current = at(239);
    expect(await next('op1')).toBeNull();
    current = at(240);
    panel = (await next('op1')) as Panel;
    expect(panel.reasons[0]!.attempts).toBe(1);

    // A manager makes "busy" rest 30 minutes instead of 60.
    await app.ok(
      'callbacks.updateOutcomeSetting',
      { outcome: 'busy', recycleMinutes: 30, countsAttempt: true, closesTask: false },
      tokens.boss!,
    );
    const r2 = await record('op1', { taskIds, outcome: 'busy' });
    expect(r2.tasks[0]).toMatchObject({ status: 'open', attempts: 2, nextAttemptAt: at(270).toISOString() });
    current = at(270);
    panel = (await next('op1')) as Panel;
    // The third failed try is the last one both rules allow (max 3): finished, not reached.
    const r3 = await record('op1', { taskIds, outcome: 'no_answer' });
    expect(r3.tasks.map((t) => [t.status, t.attempts, t.nextAttemptAt])).toEqual([
      ['done', 3, null],
      ['done', 3, null],
    ]);
    expect(await next('op1')).toBeNull();
  });

  it('keeps a call-back appointment with the operator who made it, at the agreed time', async () => {
    const zhang = customer('张三');
    vehicle(zhang, '2026-11-19');
    await generate();
    const panel = (await next('op1')) as Panel;
    const taskIds = panel.reasons.map((r) => r.taskId);
    const missing = await app.call('callbacks.record', { taskIds, outcome: 'call_back_at' }, tokens.op1!);
    expect(missing).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const r = await record('op1', { taskIds, outcome: 'call_back_at', callBackAt: at(120).toISOString() });
    expect(r.tasks[0]).toMatchObject({ status: 'open', attempts: 0, nextAttemptAt: at(120).toISOString() });
    expect(tasksOf(zhang).map((t) => [t.rule, t.assigned])).toEqual([
      ['sales_csi', ids.op1],
      ['delivery_3d', ids.op1],
      ['delivery_7d', null],
    ]);
    current = at(121);
    expect(await next('op2')).toBeNull();
    expect(((await next('op1')) as Panel).customer.id).toBe(zhang);
    const mine = await app.ok('callbacks.queue', { scope: 'mine', bucket: 'all' }, tokens.op1!);
    expect(mine.rows.map((row) => row.customerId)).toEqual([zhang]);
  });

  it('records appointments and do-not-call: the card is flagged and the customer’s other tasks are skipped with why', async () => {
    const zhang = customer('张三', { birthday: '1980-11-30' });
    vehicle(zhang, '2026-11-19');
    sql()
      .prepare(
        "insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, 'care', 1, ?, 'paper')",
      )
      .run(zhang, start.toISOString());
    await generate();
    const upcomingBirthday = tasksOf(zhang).find((t) => t.rule === 'birthday')!;
    expect(upcomingBirthday.status).toBe('open');
    const panel = (await next('op1')) as Panel;
    const taskIds = panel.reasons.map((r) => r.taskId);
    const noDate = await app.call('callbacks.record', { taskIds, outcome: 'appointment' }, tokens.op1!);
    expect(noDate).toMatchObject({
      ok: false,
      error: { kind: 'validation', details: { fields: { appointmentAt: expect.any(String) } } },
    });
    const csiWithoutAnswer = await app.call(
      'callbacks.record',
      { taskIds, outcome: 'no_answer', csi: { kind: 'sales', overall: 'satisfied' } },
      tokens.op1!,
    );
    expect(csiWithoutAnswer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const version = sql().prepare('select version from customers where id = ?').pluck().get(zhang) as number;
    await record('op1', { taskIds, outcome: 'do_not_call', notes: '客户表示不要再打来' });
    const card = sql()
      .prepare('select do_not_contact as dnc, version from customers where id = ?')
      .get(zhang);
    expect(card).toEqual({ dnc: 1, version: version + 1 });
    expect(tasksOf(zhang).find((t) => t.id === upcomingBirthday.id)).toMatchObject({
      status: 'skipped',
      reason: skipReasons.doNotCallOutcome,
    });
    expect(
      tasksOf(zhang)
        .filter((t) => taskIds.includes(t.id))
        .map((t) => t.outcome),
    ).toEqual(['do_not_call', 'do_not_call']);

    const li = customer('李四');
    vehicle(li, '2026-11-19');
    await generate();
    const p2 = (await next('op1')) as Panel;
    await record('op1', {
      taskIds: p2.reasons.map((r) => r.taskId),
      outcome: 'appointment',
      appointmentAt: at(60 * 24 * 3).toISOString(),
    });
    expect(
      sql().prepare('select appointment_at from callback_attempts where customer_id = ?').pluck().get(li),
    ).toBe(at(60 * 24 * 3).toISOString());
    expect(
      tasksOf(li)
        .filter((t) => t.outcome === 'appointment')
        .every((t) => t.status === 'done'),
    ).toBe(true);
  });

  it('closes tasks that were never reached before their expiry as expired', async () => {
    const zhang = customer('张三');
    vehicle(zhang, '2026-11-19');
    await generate();
    const salesCsi = tasksOf(zhang).find((t) => t.rule === 'sales_csi')!;
    // Sales CSI fell due on 20 Nov and expires 15 days later; on 6 Dec it is closed at the first queue read.
    current = new Date('2026-12-06T09:00:00+08:00');
    await loginAll();
    await app.ok('callbacks.queue', { scope: 'team', bucket: 'all' }, tokens.op1!);
    expect(tasksOf(zhang).find((t) => t.id === salesCsi.id)!.status).toBe('expired');
  });

  it('filters the queue by bucket, type, priority and scope, and assigns or spreads work by customer', async () => {
    const people = ['甲', '乙', '丙', '丁'].map((n) => customer(`客户${n}`));
    people.forEach((c, i) => vehicle(c, i < 2 ? '2026-11-19' : '2026-11-21'));
    await generate();
    const team = await app.ok('callbacks.queue', { scope: 'team', bucket: 'all' }, tokens.op1!);
    expect(team.total).toBe(4);
    expect(team.rows.map((r) => r.customerId)).toEqual(people);
    expect(team.counts).toEqual({ overdue: 2, dueToday: 4, upcoming: 6, resting: 0 });
    const overdue = await app.ok('callbacks.queue', { scope: 'team', bucket: 'overdue' }, tokens.op1!);
    expect(overdue.rows.map((r) => [r.customerId, r.overdue, r.tasks.map((t) => t.ruleCode)])).toEqual([
      [people[0], true, ['sales_csi']],
      [people[1], true, ['sales_csi']],
    ]);
    const filter = { scope: 'team', bucket: 'all', priorities: [2], ruleCodes: ['delivery_3d'], limit: 1 };
    const p1 = await app.ok('callbacks.queue', { ...filter, offset: 0 }, tokens.op1!);
    expect(p1.total).toBe(4);
    expect(p1.counts).toEqual({ overdue: 0, dueToday: 2, upcoming: 2, resting: 0 });
    expect(p1.rows.map((r) => [r.customerId, r.tasks.map((t) => t.ruleCode)])).toEqual([
      [people[0], ['delivery_3d']],
    ]);
    const p2 = await app.ok('callbacks.queue', { ...filter, offset: 1 }, tokens.op1!);
    expect(p2).toMatchObject({ total: null, counts: null });
    expect(p2.rows.map((r) => r.customerId)).toEqual([people[1]]);
    // The grouped path (upcoming, and "mine") orders the same way.
    const upcoming = await app.ok('callbacks.queue', { scope: 'team', bucket: 'upcoming' }, tokens.op1!);
    expect(upcoming.rows.map((r) => r.customerId)).toEqual([people[2], people[3], people[0], people[1]]);
    expect((await app.ok('callbacks.queue', { scope: 'mine', bucket: 'all' }, tokens.op1!)).total).toBe(0);

    const spread = await app.ok(
      'callbacks.spread',
      { filter: { bucket: 'all' }, userIds: [ids.op1, ids.op2] },
      tokens.boss!,
    );
    expect(spread.perUser).toEqual([
      { userId: ids.op1, customers: 2, tasks: 6 },
      { userId: ids.op2, customers: 2, tasks: 6 },
    ]);
    const mine1 = await app.ok('callbacks.queue', { scope: 'mine', bucket: 'all' }, tokens.op1!);
    expect(mine1.rows.map((r) => r.customerId)).toEqual([people[0], people[2]]);
    // Operators only take their own work or nobody's.
    expect(((await next('op2')) as Panel).customer.id).toBe(people[1]);

    const reassigned = await app.ok(
      'callbacks.assign',
      { taskIds: mine1.rows.flatMap((r) => r.tasks.map((t) => t.taskId)), userId: ids.op2 },
      tokens.boss!,
    );
    expect(reassigned.assigned).toBe(6);
    expect((await app.ok('callbacks.queue', { scope: 'mine', bucket: 'all' }, tokens.op1!)).total).toBe(0);
    const notWorker = await app.call('callbacks.assign', { taskIds: [1], userId: ids.desk }, tokens.boss!);
    expect(notWorker).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('counts tabs and customers the same way in every view, resting and assigned tasks included', async () => {
    const people = ['甲', '乙', '丙', '丁', '戊'].map((n) => customer(`客户${n}`));
    const deliveries = ['2026-11-12', '2026-11-19', '2026-11-19', '2026-11-21', '2026-11-15'];
    people.forEach((c, i) => vehicle(c, deliveries[i]!));
    await generate();
    // One call resting after no answer (its due and overdue tasks count as 稍后重拨), one customer assigned.
    const rested = (await next('op1')) as Panel;
    await record('op1', { taskIds: rested.reasons.map((r) => r.taskId), outcome: 'no_answer' });
    const assignedTo = tasksOf(people[3]!).map((t) => t.id);
    await app.ok('callbacks.assign', { taskIds: assignedTo, userId: ids.op1 }, tokens.boss!);

    const open = sql()
      .prepare(
        `select id, customer_id as customerId, due_date as due, next_attempt_at as nextAt, priority, rule_code as rule,
           assigned_user_id as assigned from callback_tasks where status = 'open' order by priority, due_date, id`,
      )
      .all() as {
      id: number;
      customerId: number;
      due: string;
      nextAt: string | null;
      priority: number;
      rule: string;
      assigned: number | null;
    }[];
    const today = '2026-11-22';
    const now = current.toISOString();
    type Task = (typeof open)[number];
    const bucketOf = (t: Task) => {
      if (t.nextAt !== null && t.nextAt > now) return 'resting';
      if (t.due < today) return 'overdue';
      if (t.due === today) return 'due_today';
      return 'upcoming';
    };
    expect(open.some((t) => t.nextAt !== null && t.due <= today)).toBe(true);
    const views = [
      { scope: 'team' },
      { scope: 'team', priorities: [2] },
      { scope: 'team', ruleCodes: ['sales_csi', 'delivery_7d'] },
      { scope: 'mine' },
    ] as const;
    for (const view of views) {
      const inView = open.filter(
        (t) =>
          (view.scope === 'team' || t.assigned === ids.op1) &&
          (!('priorities' in view) || (view.priorities as readonly number[]).includes(t.priority)) &&
          (!('ruleCodes' in view) || (view.ruleCodes as readonly string[]).includes(t.rule)),
      );
      const tasksIn = (b: string) => inView.filter((t) => b === 'all' || bucketOf(t) === b);
      for (const bucket of ['all', 'overdue', 'due_today', 'upcoming', 'resting'] as const) {
        const page = await app.ok('callbacks.queue', { ...view, bucket }, tokens.op1!);
        expect({ view, bucket, counts: page.counts, total: page.total }).toEqual({
          view,
          bucket,
          counts: {
            overdue: tasksIn('overdue').length,
            dueToday: tasksIn('due_today').length,
            upcoming: tasksIn('upcoming').length,
            resting: tasksIn('resting').length,
          },
          total: new Set(tasksIn(bucket).map((t) => t.customerId)).size,
        });
        // Customers in order of their most urgent task in the bucket (tasks are read in that order).
        expect(page.rows.map((r) => r.customerId)).toEqual([
          ...new Set(tasksIn(bucket).map((t) => t.customerId)),
        ]);
        // A row says 稍后重拨 exactly when it has resting tasks and none callable now: only under 稍后重拨 (or 全部).
        for (const r of page.rows) {
          const resting = (t: (typeof r.tasks)[number]) => t.nextAttemptAt !== null && t.nextAttemptAt > now;
          const rests = r.tasks.some(resting) && !r.tasks.some((t) => !resting(t) && t.dueDate <= today);
          expect(r.restingUntil !== null).toBe(rests);
          if (bucket !== 'all') expect(rests).toBe(bucket === 'resting');
        }
      }
    }
  });

  it('reports workload per operator and completion per call type', async () => {
    const a = customer('甲');
    const b = customer('乙');
    vehicle(a, '2026-11-19');
    vehicle(b, '2026-11-19');
    await generate();
    const p1 = (await next('op1')) as Panel;
    current = at(4);
    await record('op1', { taskIds: p1.reasons.map((r) => r.taskId), outcome: 'reached' });
    const p2 = (await next('op1')) as Panel;
    current = at(6);
    await record('op1', { taskIds: p2.reasons.map((r) => r.taskId), outcome: 'no_answer' });
    await app.ok(
      'callbacks.assign',
      { taskIds: p2.reasons.map((r) => r.taskId), userId: ids.op1 },
      tokens.boss!,
    );

    const load = await app.ok('callbacks.workload', { from: '2026-11-22', to: '2026-11-22' }, tokens.boss!);
    const op1 = load.rows.find((r) => r.userId === ids.op1)!;
    expect(op1).toMatchObject({
      attempts: 2,
      reached: 1,
      reachRate: 0.5,
      done: 2,
      assignedOpen: 2,
      overdue: 1,
    });
    // Claimed at 10:00, recorded at 10:04; claimed at 10:04, recorded at 10:06.
    expect(op1.avgHandleSeconds).toBe(180);
    expect(load.rows.find((r) => r.userId === ids.op2)).toMatchObject({ attempts: 0, reachRate: null });

    const done = await app.ok('callbacks.completion', { from: '2026-11-20', to: '2026-11-22' }, tokens.boss!);
    expect(done.rows.find((r) => r.ruleCode === 'sales_csi')).toMatchObject({
      due: 2,
      dueDone: 1,
      reached: 1,
      open: 1,
    });
    expect(done.rows.find((r) => r.ruleCode === 'delivery_3d')).toMatchObject({
      due: 2,
      dueDone: 1,
      reached: 1,
      open: 1,
    });
    const bad = await app.call('callbacks.workload', { from: '2026-11-23', to: '2026-11-22' }, tokens.boss!);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('lets a manager edit a rule on the version seen; a disabled rule generates nothing', async () => {
    const rules = await app.ok('callbacks.rules', {}, tokens.op1!);
    const rule = rules.find((r) => r.code === 'sales_csi')!;
    expect(rule).toMatchObject({ offsetDays: 1, consentPurpose: 'service', paramKeys: [] });
    const { code, version, paramKeys: _keys, updatedAt: _at, ...fields } = rule;
    const saved = await app.ok(
      'callbacks.updateRule',
      { code, version, fields: { ...fields, enabled: false } },
      tokens.boss!,
    );
    expect(saved).toMatchObject({ enabled: false, version: version + 1 });
    const stale = await app.call('callbacks.updateRule', { code, version, fields }, tokens.boss!);
    expect(stale).toMatchObject({
      ok: false,
      error: { kind: 'conflict', details: { current: { version: version + 1 } } },
    });
    const badParam = await app.call(
      'callbacks.updateRule',
      { code, version: version + 1, fields: { ...fields, params: { km: 5 } } },
      tokens.boss!,
    );
    expect(badParam).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const forbidden = await app.call(
      'callbacks.updateRule',
      { code, version: version + 1, fields },
      tokens.op1!,
    );
    expect(forbidden).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    const zhang = customer('张三');
    vehicle(zhang, '2026-11-19');
    await generate();
    expect(tasksOf(zhang).map((t) => t.rule)).not.toContain('sales_csi');
    await app.ok(
      'callbacks.updateRule',
      { code, version: version + 1, fields: { ...fields, enabled: true } },
      tokens.boss!,
    );
    const mustClose = await app.call(
      'callbacks.updateOutcomeSetting',
      { outcome: 'do_not_call', recycleMinutes: 0, countsAttempt: true, closesTask: false },
      tokens.boss!,
    );
    expect(mustClose).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const outcomes = await app.ok('callbacks.outcomeSettings', {}, tokens.op1!);
    expect(outcomes.find((o) => o.outcome === 'no_answer')).toMatchObject({
      label: '无人接听',
      shortcut: '2',
      recycleMinutes: 240,
    });
  });
});
