import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import { complaintSettingsSchema } from '../../electron/contract/complaint-settings';
import { calendarOf } from '../../electron/domain/complaints/complaint-settings';
import { timersAt } from '../../electron/domain/complaints/sla-timers';
import type { PauseSpan, StoredTicket } from '../../electron/domain/complaints/ticket-store';
import {
  pausesOf,
  ticketColumns,
  ticketJoins,
  timingOf,
} from '../../electron/domain/complaints/ticket-store';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

/** The demo's complaint tickets at scale S: a realistic mix, consistent with the engine, the same for a seed. */

const now = new Date('2026-11-23T11:00:00+08:00');
const seed = 20261122;

function demo(): AppDb {
  const db = openDatabase(':memory:');
  migrateDatabase(db, { dbFile: null });
  generateDemo(db, { scale: 'S', seed, now });
  return db;
}

const rows = <T>(db: AppDb, sql: string) => db.$client.prepare(sql).all() as T[];
const one = <T>(db: AppDb, sql: string) => db.$client.prepare(sql).get() as T;

describe('demo complaint tickets, scale S', () => {
  let db: AppDb;
  beforeAll(() => {
    db = demo();
  });

  it('has about one ticket per four customers, every grade, open and closed, some breached and repeat', () => {
    const s = one<Record<string, number>>(
      db,
      `select count(*) as n, sum(grade = 'A') as a, sum(grade = 'B') as b, sum(grade = 'C') as c,
         sum(state != 'closed') as open, sum(is_repeat) as repeats, sum(reopen_count > 0) as reopened,
         sum(first_response_breached or solution_breached or close_breached) as breached,
         sum(state != 'closed' and next_due_at < '${now.toISOString()}') as overdueNow,
         sum(grade_reason is not null) as regraded, sum(manufacturer_case_no is not null) as manufacturer
       from complaint_tickets`,
    );
    expect(s.n).toBeGreaterThan(450);
    expect(s.n).toBeLessThan(650);
    for (const k of ['a', 'b', 'c']) expect(s[k]! / s.n!, k).toBeGreaterThan(0.1);
    expect(s.open).toBeGreaterThanOrEqual(10);
    expect(s.overdueNow).toBeGreaterThan(0);
    expect(s.overdueNow).toBeLessThan(s.open!);
    expect(s.repeats).toBeGreaterThan(5);
    expect(s.reopened).toBeGreaterThan(5);
    expect(s.breached! / s.n!).toBeGreaterThan(0.02);
    expect(s.breached! / s.n!).toBeLessThan(0.3);
    expect(s.regraded).toBeGreaterThan(0);
    expect(s.manufacturer).toBeGreaterThan(0);
    const states = rows<{ state: string }>(db, `select distinct state from complaint_tickets`).map(
      (r) => r.state,
    );
    expect(states).toEqual(expect.arrayContaining(['closed', 'handling', 'agreed']));
  });

  it('stores the due times and breach flags the engine computes, and dates nothing after now', () => {
    const settings = complaintSettingsSchema.parse({});
    const cal = calendarOf(settings);
    const tickets = rows<StoredTicket & { frDue: string | null; frB: number; closeB: number }>(
      db,
      `select ${ticketColumns}, t.first_response_due_at as frDue, t.first_response_breached as frB,
         t.close_breached as closeB from complaint_tickets t ${ticketJoins}`,
    );
    const pauses = pausesOf(
      db.$client,
      tickets.map((t) => t.id),
    );
    for (const t of tickets) {
      const timers = timersAt(
        timingOf(t, pauses.get(t.id) ?? ([] as PauseSpan[]), settings),
        cal,
        now.getTime(),
      );
      expect(timers[0]!.dueAt, t.ticketNo).toBe(t.frDue);
      expect(timers[0]!.state === 'breached' ? 1 : 0, t.ticketNo).toBe(t.frB);
      expect(timers[2]!.state === 'breached' ? 1 : 0, t.ticketNo).toBe(t.closeB);
    }
    const late = one<{ n: number }>(
      db,
      `select (select count(*) from complaint_tickets where received_at > @now or closed_at > @now or created_at > @now)
         + (select count(*) from complaint_events where at > @now) as n`.replaceAll(
        '@now',
        `'${now.toISOString()}'`,
      ),
    );
    expect(late.n).toBe(0);
  });

  it('links every ticket to a customer and its vehicle to that customer, and puts it on the card', () => {
    const bad = one<{ n: number }>(
      db,
      `select count(*) as n from complaint_tickets t where t.vehicle_id is not null and not exists
         (select 1 from vehicle_ownerships o where o.vehicle_id = t.vehicle_id and o.customer_id = t.customer_id)`,
    );
    expect(bad.n).toBe(0);
    const onCard = one<{ n: number; t: number }>(
      db,
      `select (select count(*) from interactions where kind = 'complaint' and ref_type = 'complaint_ticket') as n,
         (select count(*) from complaint_tickets) as t`,
    );
    expect(onCard.n).toBe(onCard.t);
  });

  it('has closure-call answers, mostly satisfied, and recent closure calls in the queue', () => {
    const answers = rows<{ a: string; n: number }>(
      db,
      `select json_extract(data, '$.answer') as a, count(*) as n from complaint_events where kind = 'closure_call' group by 1`,
    );
    const total = answers.reduce((s, r) => s + r.n, 0);
    const satisfied = answers.filter((r) => r.a !== 'dissatisfied').reduce((s, r) => s + r.n, 0);
    expect(satisfied / total).toBeGreaterThan(0.85);
    expect(answers.find((r) => r.a === 'dissatisfied')?.n).toBeGreaterThan(0);
    const tasks = one<{ n: number }>(
      db,
      `select count(*) as n from callback_tasks c join complaint_tickets t on t.closure_task_id = c.id
       where c.rule_code = 'complaint_closure'`,
    );
    expect(tasks.n).toBeGreaterThan(0);
  });

  it('is the same for the same seed', () => {
    const hash = (d: AppDb) => {
      const h = createHash('sha256');
      for (const t of ['complaint_tickets', 'complaint_events', 'complaint_solutions', 'complaint_pauses']) {
        for (const r of rows(d, `select * from ${t} order by id`)) h.update(JSON.stringify(r));
      }
      return h.digest('hex');
    };
    expect(hash(demo())).toBe(hash(db));
  });
});
