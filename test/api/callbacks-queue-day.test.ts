import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/contract';
import { contract } from '../../electron/contract';
import { roleCan, roles } from '../../electron/contract/permissions';
import type { SectionKey } from '../../electron/contract/sections';
import { homeSection, roleSections, sectionKeys } from '../../electron/contract/sections';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { callbackFixture } from '../helpers/callback-fixture';

type Panel = NonNullable<ChannelOutput<'callbacks.next'>>;

// Sunday 22 Nov 2026, 10:00 in the store (Beijing time), whatever the host's zone.
const start = new Date('2026-11-22T10:00:00+08:00');
const today = '2026-11-22';
let current = start;

describe('the operator’s day: pool, tabs, completion report', () => {
  let app: TestApp;
  const { tokens, ids, sql, staff, loginAll, customer, vehicle } = callbackFixture(() => app, '7');

  /** A customer with one car delivered on `delivery`: the rules give it a sales CSI and the delivery calls. */
  function owner(name: string, delivery: string): number {
    const id = customer(name);
    vehicle(id, delivery, '朗逸');
    return id;
  }
  const openTasks = (customerId: number) =>
    sql()
      .prepare("select id, due_date as due from callback_tasks where customer_id = ? and status = 'open'")
      .all(customerId) as { id: number; due: string }[];
  const next = (who: string, input: object = {}) => app.ok('callbacks.next', input, tokens[who]!);
  const record = (who: string, input: object) => app.ok('callbacks.record', input, tokens[who]!);
  const queue = (who: string, input: object) => app.ok('callbacks.queue', input, tokens[who]!);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => current });
    await staff('boss', 'manager');
    await staff('op1', 'callback_operator');
    await staff('op2', 'callback_operator');
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    current = start;
    await loginAll();
    sql().exec(`delete from csi_surveys; delete from callback_attempts; delete from callback_tasks;
      delete from vehicle_ownerships; delete from vehicles; delete from interactions; delete from consents;
      delete from customers;`);
  });

  /**
   * Six customers around op1's pool: unassigned (A), someone else's (B), op1's own (C), on op2's live call (D),
   * resting after op1's no-answer (E), and one due only today and later (F).
   */
  async function day() {
    const c = {
      a: owner('甲', '2026-11-19'),
      b: owner('乙', '2026-11-19'),
      c: owner('丙', '2026-11-19'),
      d: owner('丁', '2026-11-19'),
      e: owner('戊', '2026-11-19'),
      f: owner('己', '2026-11-21'),
    };
    await app.ok('callbacks.generate', {}, tokens.boss!);
    const assign = (customerId: number, userId: number) =>
      app.ok('callbacks.assign', { taskIds: openTasks(customerId).map((t) => t.id), userId }, tokens.boss!);
    await assign(c.b, ids.op2!);
    await assign(c.c, ids.op1!);
    const rested = (await next('op1', { customerId: c.e })) as Panel;
    await record('op1', { taskIds: rested.reasons.map((r) => r.taskId), outcome: 'no_answer' });
    const onCall = (await next('op2', { customerId: c.d })) as Panel;
    return { c, rested, onCall };
  }

  it('shows the pool "next call" draws from, and next call hands out exactly that', async () => {
    const { c, rested, onCall } = await day();
    const pool = await app.ok('callbacks.pool', {}, tokens.op1!);
    expect(pool.resting.tasks).toBe(rested.reasons.length);
    expect(pool.resting.nextAt).not.toBeNull();
    expect(pool.onCallElsewhere).toBe(onCall.reasons.length);
    expect(pool.assignedToMe).toBe(openTasks(c.c).length);

    // Take every call the pool offers, and count what was handed out.
    const handed = { tasks: 0, customers: new Set<number>(), overdue: 0, dueToday: 0 };
    for (let i = 0; i < 20; i++) {
      const panel = await next('op1');
      if (!panel) break;
      handed.customers.add(panel.customer.id);
      for (const r of panel.reasons) {
        handed.tasks++;
        if (r.dueDate < today) handed.overdue++;
        if (r.dueDate === today) handed.dueToday++;
      }
      await record('op1', { taskIds: panel.reasons.map((r) => r.taskId), outcome: 'reached' });
    }
    expect(pool.claimable).toEqual({
      tasks: handed.tasks,
      overdue: handed.overdue,
      dueToday: handed.dueToday,
    });
    // Before: "我的队列" showed only op1's assigned customer, while the pool held three callable customers.
    expect([...handed.customers].sort()).toEqual([c.a, c.c, c.f].sort());
    const after = await app.ok('callbacks.pool', {}, tokens.op1!);
    expect(after.claimable).toEqual({ tasks: 0, overdue: 0, dueToday: 0 });

    // The same pool for another operator is another pool: op2 holds B, not C.
    const pool2 = await app.ok('callbacks.pool', {}, tokens.op2!);
    expect(pool2.assignedToMe).toBe(openTasks(c.b).length);
    // Op1 took every unassigned call; op2's own call (D) is on the line, so only B is left for op2.
    expect(pool2.claimable.tasks).toBe(openTasks(c.b).filter((t) => t.due <= today).length);
    expect(pool2.claimable.tasks).toBeGreaterThan(0);
  });

  it('puts a resting retry under 稍后重拨 in the tabs, the rows and the footer alike', async () => {
    const { c, rested } = await day();
    const restingIds = rested.reasons.map((r) => r.taskId).sort();
    // The resting call has an overdue reason: it is under 稍后重拨, not 已逾期 and not 即将到期.
    expect(rested.reasons.some((r) => r.dueDate < today)).toBe(true);
    for (const scope of ['team', 'mine'] as const) {
      const all = await queue('op1', { scope, bucket: 'all' });
      for (const bucket of ['overdue', 'due_today', 'upcoming', 'resting'] as const) {
        const page = await queue('op1', { scope, bucket });
        const shown = page.rows.flatMap((r) => r.tasks.map((t) => t.taskId));
        // Footer: the customers (rows) and the tab's tasks count the same things the rows hold.
        expect(page.total).toBe(page.rows.length);
        const key = { overdue: 'overdue', due_today: 'dueToday', upcoming: 'upcoming', resting: 'resting' }[
          bucket
        ] as keyof NonNullable<typeof page.counts>;
        expect({ scope, bucket, tasks: shown.length }).toEqual({ scope, bucket, tasks: page.counts![key] });
        const hasResting = restingIds.every((id) => shown.includes(id));
        expect({ scope, bucket, hasResting }).toEqual({
          scope,
          bucket,
          hasResting: scope === 'team' && bucket === 'resting',
        });
        for (const r of page.rows) expect(r.restingUntil !== null).toBe(bucket === 'resting');
      }
      const row = all.rows.find((r) => r.customerId === c.e);
      if (scope === 'team') {
        // Under 全部 too: its other tasks are not due yet, so the call rests, overdue as it is.
        expect(row).toMatchObject({ overdue: true });
        const until = sql()
          .prepare('select min(next_attempt_at) from callback_tasks where customer_id = ?')
          .pluck()
          .get(c.e);
        expect(row!.restingUntil).toBe(until);
      } else {
        expect(row).toBeUndefined();
      }
    }
    // op1's own queue is not empty by default: 全部 holds the assigned customer whatever its due date.
    const mine = await queue('op1', { scope: 'mine' });
    expect(mine.rows.map((r) => r.customerId)).toEqual([c.c]);
  });

  it('reports work done in the period beside work due in it, per type and per operator', async () => {
    await day();
    // The next day op1 works through the pool: tasks due on the 20th and the 22nd, done on the 23rd.
    current = new Date('2026-11-23T10:00:00+08:00');
    for (const who of ['boss', 'op1']) tokens[who] = await app.login(who, 'Staff-Pass-1');
    let done = 0;
    const doneByRule = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const panel = await next('op1');
      if (!panel) break;
      for (const r of panel.reasons) doneByRule.set(r.ruleCode, (doneByRule.get(r.ruleCode) ?? 0) + 1);
      done += panel.reasons.length;
      await record('op1', { taskIds: panel.reasons.map((r) => r.taskId), outcome: 'reached' });
    }
    expect(done).toBeGreaterThan(0);
    const range = { from: '2026-11-23', to: '2026-11-23' };
    const report = await app.ok('callbacks.completion', range, tokens.boss!);
    const dueOn23 = sql()
      .prepare(
        "select rule_code as rule, count(*) as n, sum(status = 'done') as done from callback_tasks where due_date = '2026-11-23' group by rule_code",
      )
      .all() as { rule: string; n: number; done: number }[];
    for (const row of report.rows) {
      const due = dueOn23.find((d) => d.rule === row.ruleCode);
      expect({
        rule: row.ruleCode,
        completed: row.completedInPeriod,
        due: row.due,
        dueDone: row.dueDone,
      }).toEqual({
        rule: row.ruleCode,
        completed: doneByRule.get(row.ruleCode) ?? 0,
        due: due?.n ?? 0,
        dueDone: due?.done ?? 0,
      });
    }
    // The sales CSI calls were due on the 20th: done today, due earlier — the old report showed 0 for them.
    const csi = report.rows.find((r) => r.ruleCode === 'sales_csi')!;
    expect(csi.completedInPeriod).toBeGreaterThan(0);
    expect(csi.due).toBe(0);

    const load = await app.ok('callbacks.workload', range, tokens.boss!);
    const op1 = load.rows.find((r) => r.userId === ids.op1)!;
    const assignedDueOn23 = sql()
      .prepare(
        "select count(*) as n, coalesce(sum(status = 'done'), 0) as done from callback_tasks where assigned_user_id = ? and due_date = '2026-11-23'",
      )
      .get(ids.op1) as { n: number; done: number };
    expect(op1).toMatchObject({
      done,
      assignedDue: assignedDueOn23.n,
      assignedDueDone: assignedDueOn23.done,
    });
    expect(op1.done).toBeGreaterThan(op1.assignedDueDone);
  });
});

describe('each role sees the sections it can use and lands on its work screen', () => {
  // The section's first request: a role shown the section must be able to make it, and only such a role sees it.
  const firstRequest: Partial<Record<SectionKey, keyof typeof contract>> = {
    customers: 'customers.list',
    callbacks: 'callbacks.queue',
  };

  it('derives the menu from the role grants', () => {
    for (const role of roles) {
      const visible = roleSections(role);
      for (const [section, channel] of Object.entries(firstRequest)) {
        expect({ role, section, visible: visible.includes(section as SectionKey) }).toEqual({
          role,
          section,
          visible: roleCan(role, contract[channel].access),
        });
      }
      expect(visible.includes('dataCare')).toBe(
        roleCan(role, contract['imports.preview'].access) ||
          roleCan(role, contract['customers.merge'].access),
      );
      expect(visible).toContain('settings');
      expect(visible).toContain(homeSection(role));
    }
    expect(roleSections('complaint_handler')).not.toContain('callbacks');
    expect(roleSections('complaint_handler')).toContain('complaints');
    // Sections not built yet are shown only to the roles that will work there.
    expect(roleSections('callback_operator')).toEqual(['customers', 'callbacks', 'settings']);
    expect(roleSections('manager')).toEqual([...sectionKeys]);
  });

  it('lands the operator on 回访, the complaint handler on 投诉, the manager on 报表 (看板) and the others on 客户', () => {
    expect(Object.fromEntries(roles.map((r) => [r, homeSection(r)]))).toEqual({
      front_desk: 'customers',
      callback_operator: 'callbacks',
      complaint_handler: 'complaints',
      sales: 'customers',
      manager: 'reports',
      admin: 'customers',
    });
  });
});
