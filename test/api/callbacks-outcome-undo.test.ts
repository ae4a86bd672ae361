import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/contract';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { callbackFixture } from '../helpers/callback-fixture';

type Panel = NonNullable<ChannelOutput<'callbacks.next'>>;

// Sunday 22 Nov 2026, 10:00 Beijing time: mid-morning of a store day whatever the host's zone.
const start = new Date('2026-11-22T10:00:00+08:00');
let current = start;
const at = (minutesLater: number) => new Date(start.getTime() + minutesLater * 60_000);

describe('undoing a call-back outcome recorded by mistake', () => {
  let app: TestApp;
  const { tokens, ids, sql, staff, customer, vehicle } = callbackFixture(() => app, '6');
  const taskRows = (customerId: number) =>
    sql().prepare('select * from callback_tasks where customer_id = ? order by id').all(customerId) as Record<
      string,
      unknown
    >[];
  const customerRow = (id: number) =>
    sql().prepare('select * from customers where id = ?').get(id) as Record<string, unknown>;
  /** Every column but the bookkeeping ones an undo legitimately moves on (it is a change, made now). */
  const withoutBookkeeping = (row: Record<string, unknown>) => {
    const { updated_at: _u, version: _v, claim_expires_at: _c, ...rest } = row;
    return rest;
  };
  const next = async (who: string) => (await app.ok('callbacks.next', {}, tokens[who]!)) as Panel;
  const record = (who: string, input: object) => app.ok('callbacks.record', input, tokens[who]!);
  const undo = (who: string, attemptId: number, reason = '按错了键') =>
    app.call('callbacks.undoOutcome', { attemptId, reason }, tokens[who]!);

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
    for (const name of Object.keys(tokens)) tokens[name] = await app.login(name, 'Staff-Pass-1');
    sql().exec(`delete from csi_surveys; delete from callback_attempts; delete from callback_tasks;
      delete from service_visits; delete from vehicle_ownerships; delete from vehicles; delete from interactions;
      delete from consents; delete from customers;`);
  });

  it('restores the tasks, the do-not-contact flag and every skipped task exactly, and puts the call back', async () => {
    const fleet = customer('惠州市宏图贸易有限公司', { is_company: 1, birthday: '1980-11-30' });
    for (let i = 0; i < 3; i++) vehicle(fleet, '2026-11-19');
    sql()
      .prepare(
        "insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, 'care', 1, ?, 'paper')",
      )
      .run(fleet, start.toISOString());
    await app.ok('callbacks.generate', {}, tokens.boss!);
    const panel = await next('op1');
    const taskIds = panel.reasons.map((r) => r.taskId);
    // The state the operator had before pressing the key: claimed tasks, and others waiting (the birthday).
    const tasksBefore = taskRows(fleet);
    const cardBefore = customerRow(fleet);
    expect(tasksBefore.some((t) => t.status === 'open' && !taskIds.includes(t.id as number))).toBe(true);

    current = at(2);
    const recorded = await record('op1', { taskIds, outcome: 'do_not_call' });
    expect(customerRow(fleet).do_not_contact).toBe(1);
    expect(taskRows(fleet).every((t) => t.status !== 'open')).toBe(true);

    current = at(3);
    const result = await undo('op1', recorded.attemptId, '客户说的是“别在上班时间打”，不是勿扰');
    expect(result).toMatchObject({
      ok: true,
      data: { attemptId: recorded.attemptId, doNotContactCleared: true, callResumed: true },
    });
    expect(taskRows(fleet).map(withoutBookkeeping)).toEqual(tasksBefore.map(withoutBookkeeping));
    expect(withoutBookkeeping(customerRow(fleet))).toEqual(withoutBookkeeping(cardBefore));
    expect(customerRow(fleet).version).toBe((cardBefore.version as number) + 2);
    // The operator holds the call again, to record what really happened.
    const resumed = await app.ok('callbacks.current', {}, tokens.op1!);
    expect(resumed?.reasons.map((r) => r.taskId).sort()).toEqual([...taskIds].sort());
    expect(resumed?.previousCalls[0]?.undone).toMatchObject({ userName: '员工op1' });

    const attempt = sql().prepare('select * from callback_attempts where id = ?').get(recorded.attemptId);
    expect(attempt).toMatchObject({
      undone_at: at(3).toISOString(),
      undone_by: ids.op1,
      undo_reason: '客户说的是“别在上班时间打”，不是勿扰',
    });
    // The timeline keeps the outcome, marked undone by whom, when and why, and logs the undo itself.
    const timeline = await app.ok('customers.timeline', { customerId: fleet }, tokens.op1!);
    const original = timeline.items.find(
      (i) => i.source === 'interaction' && i.refId === recorded.attemptId && i.refType === 'callback_attempt',
    );
    expect(original).toMatchObject({
      undone: {
        at: at(3).toISOString(),
        userName: '员工op1',
        reason: '客户说的是“别在上班时间打”，不是勿扰',
      },
    });
    const undoEntry = timeline.items.find(
      (i) => i.source === 'interaction' && i.refType === 'callback_attempt_undo',
    );
    expect(undoEntry).toMatchObject({ userName: '员工op1' });
    expect(undoEntry && 'summary' in undoEntry && undoEntry.summary).toContain('要求勿扰');
    // Once undone, it cannot be undone twice.
    expect(await undo('op1', recorded.attemptId)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('removes the survey and the manager follow-up an unhappy answer created', async () => {
    const wang = customer('王五');
    const car = vehicle(wang, '2023-02-01');
    sql()
      .prepare(
        "insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, advisor) values (?, ?, '2026-11-21', 'repair', 40000, '李工')",
      )
      .run(car, wang);
    await app.ok('callbacks.generate', {}, tokens.boss!);
    const panel = await next('op1');
    const before = taskRows(wang);
    const recorded = await record('op1', {
      taskIds: panel.reasons.map((r) => r.taskId),
      outcome: 'reached',
      csi: { kind: 'service', overall: 'dissatisfied', nps: 2, notes: '等太久' },
    });
    expect(recorded.followUpTaskId).not.toBeNull();
    expect(taskRows(wang)).toHaveLength(before.length + 1);
    expect(await undo('op1', recorded.attemptId)).toMatchObject({ ok: true });
    expect(taskRows(wang).map(withoutBookkeeping)).toEqual(before.map(withoutBookkeeping));
    expect(sql().prepare('select count(*) from csi_surveys where customer_id = ?').pluck().get(wang)).toBe(0);
  });

  it('refuses once another attempt was made on those tasks, and the next store day', async () => {
    const zhang = customer('张三');
    vehicle(zhang, '2026-11-19');
    await app.ok('callbacks.generate', {}, tokens.boss!);
    const taskIds = (await next('op1')).reasons.map((r) => r.taskId);
    const first = await record('op1', { taskIds, outcome: 'no_answer' });
    current = at(245);
    expect((await next('op2')).reasons.map((r) => r.taskId)).toEqual(taskIds);
    const second = await record('op2', { taskIds, outcome: 'busy' });
    const refused = await undo('op1', first.attemptId);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(!refused.ok && refused.error.message).toContain('员工op2');
    const worked = () => taskRows(zhang).filter((t) => taskIds.includes(t.id as number));
    expect(worked().every((t) => t.last_outcome === 'busy' && t.attempts === 2)).toBe(true);

    // The latest one can be undone; the earlier one then can too, back to before both.
    expect(await undo('op2', second.attemptId)).toMatchObject({ ok: true });
    expect(worked().every((t) => t.last_outcome === 'no_answer' && t.attempts === 1)).toBe(true);

    const li = customer('李四');
    vehicle(li, '2026-11-19');
    await app.ok('callbacks.generate', {}, tokens.boss!);
    // Undone by op2, the call is back with op2: op1's screen is free for the next customer.
    expect(await app.ok('callbacks.current', {}, tokens.op1!)).toBeNull();
    const liPanel = (await app.ok('callbacks.next', { customerId: li }, tokens.op1!)) as Panel;
    const liTasks = liPanel.reasons.map((r) => r.taskId);
    const yesterday = await record('op1', { taskIds: liTasks, outcome: 'refused' });
    const afterRecord = taskRows(li);
    current = new Date(start.getTime() + 24 * 3_600_000);
    tokens.op1 = await app.login('op1', 'Staff-Pass-1');
    const nextDay = await undo('op1', yesterday.attemptId);
    expect(nextDay).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(!nextDay.ok && nextDay.error.message).toContain('当天');
    expect(taskRows(li)).toEqual(afterRecord);
  });

  it('lets an operator undo only their own outcome; a manager may undo anyone’s', async () => {
    const zhao = customer('赵六');
    vehicle(zhao, '2026-11-19');
    await app.ok('callbacks.generate', {}, tokens.boss!);
    const taskIds = (await next('op1')).reasons.map((r) => r.taskId);
    const recorded = await record('op1', { taskIds, outcome: 'wrong_number' });
    const afterRecord = taskRows(zhao);
    expect(await undo('op2', recorded.attemptId)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await undo('desk', recorded.attemptId)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(taskRows(zhao)).toEqual(afterRecord);
    const bad = await app.call(
      'callbacks.undoOutcome',
      { attemptId: recorded.attemptId, reason: '  ' },
      tokens.op1!,
    );
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await undo('op1', 999_999)).toMatchObject({ ok: false, error: { kind: 'not_found' } });

    const byBoss = await undo('boss', recorded.attemptId, '号码是对的，专员拨错了');
    expect(byBoss).toMatchObject({ ok: true, data: { callResumed: false } });
    // Back in the queue for anyone, not on the manager's screen.
    expect(taskRows(zhao).every((t) => t.status === 'open' && t.claimed_by === null)).toBe(true);
    const log = sql()
      .prepare(
        "select summary from interactions where customer_id = ? and ref_type = 'callback_attempt_undo'",
      )
      .pluck()
      .get(zhao);
    expect(log).toContain('原记录人：员工op1');
  });
});
