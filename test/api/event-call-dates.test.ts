import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackFixture } from '../helpers/callback-fixture';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';

/**
 * The dates an event's calls keep to, on real SQLite with a moving clock: a new start moves the invitation
 * and second-confirmation calls still to make (in the edit's transaction, the answer says how many), calls
 * too late for the new dates are cancelled with the reason on them, a refused edit moves nothing; and from the
 * day before the start invitations stop — open invitation calls end with a reason, the never-reached are
 * 联系不上, second confirmations go on.
 */

// Tuesday 10 Nov 2026, 10:00 in the store.
const clock = testClock('2026-11-10T10:00:00+08:00');
const nowIso = () => clock.now().toISOString();

let app: TestApp;
const fx = callbackFixture(() => app, '7');
const t = (who: string) => fx.tokens[who]!;

function event(fields: Record<string, unknown>): number {
  const row = {
    event_no: `HD2026-D${Math.random().toString(36).slice(2, 8)}`,
    title: '冬季车主自驾游',
    type: 'self_drive',
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

function member(name: string): number {
  const id = fx.customer(name, { district: '改期区' });
  fx.sql()
    .prepare(
      `insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, 'events', 1, ?, 'paper')`,
    )
    .run(id, nowIso());
  return id;
}

type Task = {
  attempts: number;
  id: number;
  rule_code: string;
  status: string;
  anchor_date: string;
  due_date: string;
  expires_on: string;
  skip_reason: string | null;
};
const task = (id: unknown) => fx.sql().prepare('select * from callback_tasks where id = ?').get(id) as Task;
const invitee = (id: number) =>
  fx.sql().prepare('select * from event_invitees where id = ?').get(id) as {
    status: string;
    invitation_task_id: number | null;
    confirmation_task_id: number | null;
  };
const eventRow = (id: number) =>
  fx.sql().prepare('select starts_on, ends_on, version from events where id = ?').get(id) as {
    starts_on: string;
    ends_on: string;
    version: number;
  };

async function listed(eventId: number, names: string[]): Promise<[number, number, number]> {
  const ids: number[] = [];
  for (const n of names) {
    const r = await app.ok('events.addInvitee', { eventId, customerId: member(n) }, t('mgr'));
    ids.push(r.invitee.inviteeId);
  }
  return ids as [number, number, number];
}

beforeAll(async () => {
  app = await createTestApp({ clock: clock.clock });
  await fx.staff('mgr', 'manager');
  await fx.staff('op', 'callback_operator');
});
afterAll(() => app.close());

describe('a new start moves the calls still to make', () => {
  let eventId = 0;
  let a = 0;
  let b = 0;
  let c = 0;

  it('sets up: two invitations open from 12 Nov, one sign-up with its second confirmation', async () => {
    eventId = event({ starts_on: '2026-11-28', ends_on: '2026-11-29', capacity_cars: 10 });
    [a, b, c] = await listed(eventId, ['改期甲', '改期乙', '改期丙']);
    const started = await app.ok('events.startInvitations', { eventId, dueDate: '2026-11-12' }, t('mgr'));
    // Invitations stop the day before the start: their last day is two days before.
    expect(started).toMatchObject({ created: 3, dueDate: '2026-11-12', expiresOn: '2026-11-26' });
    await app.ok('events.recordAnswer', { inviteeId: a, answer: 'accepted', cars: 1, adults: 2 }, t('mgr'));
    expect(task(invitee(a).invitation_task_id).status).toBe('cancelled');
    expect(task(invitee(a).confirmation_task_id)).toMatchObject({
      status: 'open',
      due_date: '2026-11-25',
      expires_on: '2026-11-27',
    });
  });

  it('a refused edit (end before the start) moves no call', async () => {
    const before = task(invitee(b).invitation_task_id);
    const r = await app.call(
      'events.update',
      { id: eventId, version: eventRow(eventId).version, startsOn: '2026-12-05', endsOn: '2026-12-01' },
      t('mgr'),
    );
    expect(r.ok).toBe(false);
    expect(task(invitee(b).invitation_task_id)).toEqual(before);
    expect(eventRow(eventId).starts_on).toBe('2026-11-28');
  });

  it('a week later: invitations keep their distance, the confirmation is N days before, and it says so', async () => {
    const r = await app.ok(
      'events.update',
      { id: eventId, version: eventRow(eventId).version, startsOn: '2026-12-05', endsOn: '2026-12-06' },
      t('mgr'),
    );
    expect(r.calls).toEqual({ moved: 3, cancelled: 0 });
    for (const id of [b, c]) {
      expect(task(invitee(id).invitation_task_id)).toMatchObject({
        status: 'open',
        anchor_date: '2026-12-05',
        due_date: '2026-11-19',
        expires_on: '2026-12-03',
      });
    }
    expect(task(invitee(a).confirmation_task_id)).toMatchObject({
      status: 'open',
      anchor_date: '2026-12-05',
      due_date: '2026-12-02',
      expires_on: '2026-12-04',
    });
    // The invitation the sign-up made unnecessary stays as it was.
    expect(task(invitee(a).invitation_task_id)).toMatchObject({
      status: 'cancelled',
      anchor_date: '2026-11-28',
    });
    const audit = fx
      .sql()
      .prepare(
        "select detail from audit_log where action = 'event.updated' and entity_id = ? order by id desc limit 1",
      )
      .pluck()
      .get(String(eventId)) as string;
    expect(JSON.parse(audit)).toMatchObject({ calls: { moved: 3, cancelled: 0 } });
  });

  it('a title edit moves nothing and says nothing about calls', async () => {
    const r = await app.ok(
      'events.update',
      { id: eventId, version: eventRow(eventId).version, title: '冬季车主自驾游（改）' },
      t('mgr'),
    );
    expect(r.calls).toBeUndefined();
    expect(task(invitee(b).invitation_task_id).due_date).toBe('2026-11-19');
  });

  it('moved to tomorrow: invitations are too late and cancelled with the reason, the confirmation is due today', async () => {
    const r = await app.ok(
      'events.update',
      { id: eventId, version: eventRow(eventId).version, startsOn: '2026-11-11', endsOn: '2026-11-11' },
      t('mgr'),
    );
    expect(r.calls).toEqual({ moved: 1, cancelled: 2 });
    for (const id of [b, c]) {
      const x = task(invitee(id).invitation_task_id);
      expect(x.status).toBe('cancelled');
      expect(x.skip_reason).toContain('活动改期至 2026-11-11');
      expect(x.skip_reason).toContain('邀约已截止');
    }
    expect(task(invitee(a).confirmation_task_id)).toMatchObject({
      status: 'open',
      due_date: '2026-11-10',
      expires_on: '2026-11-10',
    });
  });
});

describe('invitations stop the day before the start', () => {
  let eventId = 0;
  let reached = 0;
  let never = 0;
  let signed = 0;

  it('refuses an invitation date on the day before', async () => {
    eventId = event({ starts_on: '2026-11-20', ends_on: '2026-11-20' });
    [reached, never, signed] = await listed(eventId, ['截止甲', '截止乙', '截止丙']);
    const r = await app.call('events.startInvitations', { eventId, dueDate: '2026-11-19' }, t('mgr'));
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(invitee(never).invitation_task_id).toBeNull();
    const ok = await app.ok('events.startInvitations', { eventId }, t('mgr'));
    expect(ok).toMatchObject({ created: 3, expiresOn: '2026-11-18' });
    await app.ok('events.recordAnswer', { inviteeId: reached, answer: 'undecided' }, t('mgr'));
    await app.ok('events.recordAnswer', { inviteeId: signed, answer: 'accepted', adults: 1 }, t('mgr'));
  });

  it('two days before, the calls are still open', async () => {
    clock.set('2026-11-18T09:00:00+08:00');
    await fx.loginAll();
    await app.ok('callbacks.queue', { scope: 'team', limit: 50 }, t('op'));
    expect(task(invitee(never).invitation_task_id).status).toBe('open');
    expect(task(invitee(reached).invitation_task_id).status).toBe('open');
  });

  it('the day before: open invitations end with the reason, the never-reached are 联系不上, confirmations stay', async () => {
    clock.set('2026-11-19T08:30:00+08:00');
    await fx.loginAll();
    const queue = await app.ok('callbacks.queue', { scope: 'team', limit: 50 }, t('op'));
    for (const id of [never, reached]) {
      const x = task(invitee(id).invitation_task_id);
      expect(x.status).toBe('cancelled');
      expect(x.skip_reason).toBe('邀约已截止：活动 2026-11-20 开始，前一天起只做二次确认');
    }
    expect(invitee(never).status).toBe('unreachable');
    // Reached and undecided stays what they said.
    expect(invitee(reached).status).toBe('undecided');
    expect(task(invitee(signed).confirmation_task_id).status).toBe('open');
    const rules = queue.rows.flatMap((row) => row.tasks.map((x) => x.ruleCode));
    expect(rules).not.toContain('event_invitation');
    const again = await app.call('events.startInvitations', { eventId }, t('mgr'));
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringContaining('邀约已截止') } });
  });
});

describe('a call-back after an event call’s last day', () => {
  it('is refused with the day it must come by; one before it is booked', async () => {
    clock.set('2026-11-19T10:00:00+08:00');
    await fx.loginAll();
    const eventId = event({ starts_on: '2026-11-25', ends_on: '2026-11-25' });
    const [inviteeId] = await listed(eventId, ['回电甲', '回电乙', '回电丙']);
    await app.ok('events.startInvitations', { eventId }, t('mgr'));
    const customerId = (
      fx.sql().prepare('select customer_id from event_invitees where id = ?').get(inviteeId) as {
        customer_id: number;
      }
    ).customer_id;
    const taskId = invitee(inviteeId).invitation_task_id!;
    const panel = (await app.ok('callbacks.next', { customerId }, t('op')))!;
    const taskIds = panel.reasons.map((r) => r.taskId);
    expect(taskIds).toContain(taskId);
    const late = await app.call(
      'callbacks.record',
      {
        taskIds,
        outcome: 'call_back_at',
        callBackAt: '2026-11-24T10:00:00+08:00',
        event: { answer: 'undecided' },
      },
      t('op'),
    );
    expect(late).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('最晚 2026-11-23 打完') },
    });
    expect(task(taskId)).toMatchObject({ status: 'open', attempts: 0 });
    expect(invitee(inviteeId).status).toBe('pending');
    const ok = await app.ok(
      'callbacks.record',
      {
        taskIds,
        outcome: 'call_back_at',
        callBackAt: '2026-11-23T10:00:00+08:00',
        event: { answer: 'undecided' },
      },
      t('op'),
    );
    expect(ok.tasks.find((x) => x.id === taskId)).toMatchObject({ status: 'open' });
    expect(invitee(inviteeId).status).toBe('undecided');
  });
});
