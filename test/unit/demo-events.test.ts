import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import { seatHoldingStatuses } from '../../electron/contract/event-terms';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

/** The demo's owner events at scale S: several a year, worked through the funnel, consistent, the same for a seed. */

const now = new Date('2026-11-23T11:00:00+08:00');
const today = '2026-11-23';
const seed = 20261122;

function demo(): AppDb {
  const db = openDatabase(':memory:');
  migrateDatabase(db, { dbFile: null });
  generateDemo(db, { scale: 'S', seed, now });
  return db;
}

const rows = <T>(db: AppDb, sql: string) => db.$client.prepare(sql).all() as T[];
const one = <T>(db: AppDb, sql: string) => db.$client.prepare(sql).get() as T;

describe('demo events, scale S', () => {
  let db: AppDb;
  beforeAll(() => {
    db = demo();
  });

  it('has several events a year, one done with its summary overdue, one cancelled, one inviting, one draft', () => {
    const perYear = rows<{ y: string; n: number }>(
      db,
      `select substr(starts_on, 1, 4) as y, count(*) as n from events where starts_on <= '${today}' group by y`,
    );
    for (const y of ['2024', '2025', '2026']) {
      expect(perYear.find((r) => r.y === y)?.n, y).toBeGreaterThanOrEqual(3);
    }
    const byStatus = Object.fromEntries(
      rows<{ status: string; n: number }>(db, 'select status, count(*) as n from events group by status').map(
        (r) => [r.status, r.n],
      ),
    );
    expect(byStatus).toMatchObject({ done: 1, cancelled: 1, inviting: 1, draft: 1 });
    expect(byStatus.summarised).toBeGreaterThanOrEqual(8);
    const done = one<{ due: string; submitted: string | null; ends: string }>(
      db,
      "select summary_due_on as due, summary_submitted_at as submitted, ends_on as ends from events where status = 'done'",
    );
    expect(done.submitted).toBeNull();
    expect(done.due < today).toBe(true);
    expect(
      one<{ n: number }>(
        db,
        "select count(*) as n from events where status = 'cancelled' and cancel_reason is null",
      ).n,
    ).toBe(0);
    const upcoming = one<{ starts: string }>(
      db,
      "select starts_on as starts from events where status = 'inviting'",
    );
    expect(upcoming.starts > today).toBe(true);
    const numbers = rows<{ event_no: string }>(db, 'select event_no from events order by id').map(
      (r) => r.event_no,
    );
    expect(numbers.every((n) => /^HD\d{4}-\d{3}$/.test(n))).toBe(true);
  });

  it('gives every event its agenda, preparations and budget; held events their actuals and summaries', () => {
    const missing = one<Record<string, number>>(
      db,
      `select
         sum(not exists (select 1 from event_agenda_items a where a.event_id = e.id)) as agenda,
         sum(not exists (select 1 from event_checklist_items c where c.event_id = e.id)) as checklist,
         sum(not exists (select 1 from event_budget_lines b where b.event_id = e.id)) as budget,
         sum(e.status in ('done', 'summarised') and exists (select 1 from event_budget_lines b
           where b.event_id = e.id and (b.actual_fen is null or b.actual_at is null))) as actuals,
         sum(e.status not in ('done', 'summarised') and exists (select 1 from event_budget_lines b
           where b.event_id = e.id and b.actual_fen is not null)) as earlyActuals,
         sum(e.status = 'summarised' and (e.summary_submitted_at is null or e.summary_strengths is null)) as summaries,
         sum(e.subsidy_received_fen > e.subsidy_approved_fen or e.subsidy_approved_fen > e.subsidy_requested_fen) as subsidy
       from events e`,
    );
    expect(missing).toEqual({
      agenda: 0,
      checklist: 0,
      budget: 0,
      actuals: 0,
      earlyActuals: 0,
      summaries: 0,
      subsidy: 0,
    });
    const fen = rows<{ p: number; a: number | null }>(
      db,
      'select planned_fen as p, actual_fen as a from event_budget_lines',
    );
    expect(
      fen.every((l) => Number.isInteger(l.p) && l.p > 0 && (l.a === null || Number.isInteger(l.a))),
    ).toBe(true);
  });

  it('spreads the invitees along the funnel, with check-ins, no-shows and a waiting list', () => {
    const statuses = rows<{ status: string }>(db, 'select distinct status from event_invitees').map(
      (r) => r.status,
    );
    expect(statuses).toEqual(
      expect.arrayContaining([
        'pending',
        'undecided',
        'unreachable',
        'declined',
        'accepted',
        'waitlisted',
        'cancelled',
        'checked_in',
        'no_show',
      ]),
    );
    const s = one<Record<string, number>>(
      db,
      `select count(*) as n, sum(status = 'checked_in') as checkedIn, sum(origin = 'walk_in') as walkIns,
         sum(confirmed_at is not null) as confirmed,
         sum(status = 'checked_in' and (checked_in_at is null or checked_in_people < 1 or checked_in_cars is null)) as bad,
         sum(status = 'checked_in' and origin = 'target' and status_before_check_in is null) as noBefore,
         sum(signup_no is null and (status in ('accepted', 'confirmed', 'waitlisted', 'no_show', 'cancelled')
           or status_before_check_in in ('accepted', 'confirmed', 'waitlisted', 'cancelled')
           or origin = 'walk_in')) as noNumber
       from event_invitees`,
    );
    expect(s.checkedIn! / s.n!).toBeGreaterThan(0.1);
    expect(s.confirmed).toBeGreaterThan(0);
    expect(s.walkIns).toBeGreaterThan(0);
    expect(s).toMatchObject({ bad: 0, noBefore: 0, noNumber: 0 });
    // Only held events have arrivals, on their own days.
    expect(
      one<{ n: number }>(
        db,
        `select count(*) as n from event_invitees i join events e on e.id = i.event_id
         where i.status in ('checked_in', 'no_show') and (e.status not in ('done', 'summarised')
           or substr(i.checked_in_at, 1, 10) > e.ends_on)`,
      ).n,
    ).toBe(0);
  });

  it('never holds more seats than the capacity', () => {
    // Seats held before the day: who came although waitlisted or cancelled came on top, as at the door.
    const over = rows<{ id: number }>(
      db,
      `select e.id from events e join event_invitees i on i.event_id = e.id and i.origin = 'target'
         and (i.status in (${seatHoldingStatuses.map((x) => `'${x}'`).join(', ')}, 'no_show'))
         and coalesce(i.status_before_check_in, 'accepted') in ('accepted', 'confirmed')
       group by e.id having sum(i.cars) > max(e.capacity_cars) or sum(i.adults + i.children) > max(e.capacity_people)`,
    );
    expect(over).toEqual([]);
  });

  it('has the calls behind the funnel in fitting states, open only for the event being invited', () => {
    const calls = rows<{ rule: string; event: string; invitee: string; task: string; n: number }>(
      db,
      `select t.rule_code as rule, e.status as event, i.status as invitee, t.status as task, count(*) as n
       from event_invitees i join events e on e.id = i.event_id
       join callback_tasks t on t.id in (i.invitation_task_id, i.confirmation_task_id)
       group by 1, 2, 3, 4`,
    );
    expect(calls.length).toBeGreaterThan(5);
    for (const c of calls) {
      if (c.task === 'open') expect(c.event, JSON.stringify(c)).toBe('inviting');
      if (c.rule === 'event_invitation' && c.invitee === 'unreachable') expect(c.task).toBe('expired');
    }
    expect(calls.some((c) => c.event === 'inviting' && c.invitee === 'pending' && c.task === 'open')).toBe(
      true,
    );
    expect(calls.some((c) => c.rule === 'event_confirmation' && c.task === 'open')).toBe(true);
    const notes = one<{ n: number }>(
      db,
      "select count(*) as n from callback_tasks where rule_code like 'event_%' and notes not like '活动%HD%'",
    );
    expect(notes.n).toBe(0);
    const future = one<{ n: number }>(
      db,
      `select count(*) as n from event_invitees where max(coalesce(reached_at, ''), coalesce(checked_in_at, ''),
         created_at, updated_at) > '${now.toISOString()}'`,
    );
    expect(future.n).toBe(0);
  });

  it('is the same for the same seed', () => {
    const hash = (d: AppDb) => {
      const h = createHash('sha256');
      for (const t of [
        'events',
        'event_agenda_items',
        'event_checklist_items',
        'event_budget_lines',
        'event_invitees',
      ]) {
        for (const r of rows(d, `select * from ${t} order by id`)) h.update(JSON.stringify(r));
      }
      for (const r of rows(d, "select * from callback_tasks where rule_code like 'event_%' order by id"))
        h.update(JSON.stringify(r));
      return h.digest('hex');
    };
    expect(hash(demo())).toBe(hash(db));
  });
});
