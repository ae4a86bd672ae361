import path from 'node:path';
import type Database from 'better-sqlite3';
import { plateReversedSql } from '../../db/schema/vehicles';
import type { BenchServer } from './api-server';
import { startBenchServer } from './api-server';
import type { Row } from './stats';
import { firstCalls, percentiles, timeAsync, timeSync } from './stats';

/**
 * The same classification as the target list's (electron/domain/events/segment-query.ts) for the whole
 * base, as plain SQL: the first reason that applies, or none. Consent follows the default rule (a record
 * saying no excludes).
 */
const classifySql = `select c.id as id, case
    when c.merged_into_id is not null or c.id in (select customer_id from customer_erasures) then 'merged_or_erased'
    when c.do_not_contact = 1 then 'do_not_contact'
    when c.id in (select customer_id from consents where purpose = 'events' and granted = 0) then 'no_events_consent'
    when c.mobile is null or c.mobile = '' then 'no_mobile'
    when c.id in (select customer_id from event_invitees where created_at >= ? and event_id <> ?) then 'recently_invited'
    when c.id in (select customer_id from event_invitees where event_id = ?) then 'already_listed'
  end as reason from customers c`;

/** Classify into a temp table, count, sample and insert the eligible — then roll it all back. */
function rawBuild(raw: Database.Database, eventId: number, since: string, insert: boolean): void {
  raw.exec('begin');
  try {
    raw.exec('create temp table if not exists bench_targets (id integer primary key, reason text)');
    raw.exec('delete from temp.bench_targets');
    raw.prepare(`insert into temp.bench_targets (id, reason) ${classifySql}`).run(since, eventId, eventId);
    raw.prepare('select reason, count(*) from temp.bench_targets group by reason').all();
    raw
      .prepare(
        `select c.id, c.name, c.mobile from (select id from temp.bench_targets where reason is null order by id limit 20) t
         join customers c on c.id = t.id`,
      )
      .all();
    if (insert) {
      raw
        .prepare(
          `insert into event_invitees (event_id, customer_id, origin, status, created_at, updated_at)
           select ?, id, 'target', 'pending', ?, ? from temp.bench_targets where reason is null order by id`,
        )
        .run(eventId, since, since);
    }
  } finally {
    raw.exec('rollback');
  }
}

const inviteeJoin = 'cross join event_invitees i on i.event_id = ? and i.customer_id';
const recordsSql = `select i.*, c.name, c.mobile from event_invitees i join customers c on c.id = i.customer_id
  where i.id in (select value from json_each(?))`;
const reversed = plateReversedSql('v.plate');

/** What the door's lookup reads for one typed text, as plain SQL (the same probes and the same indexes). */
function rawLookup(raw: Database.Database, eventId: number, q: Query): void {
  let ids: number[] = [];
  if (q.kind === 'plate') {
    const tail = [...q.text].reverse().join('');
    ids = raw
      .prepare(
        `select i.id from vehicles v indexed by vehicles_plate_reversed_owner_idx ${inviteeJoin} = v.owner_id
         where ${reversed} >= ? and ${reversed} < ? limit 21`,
      )
      .pluck()
      .all(eventId, tail, `${tail}\u{10ffff}`) as number[];
  } else if (q.kind === 'phone') {
    ids = raw
      .prepare(
        `select i.id from customers c indexed by customers_mobile_tail_idx ${inviteeJoin} = c.id
         where c.mobile_tail = ? limit 21`,
      )
      .pluck()
      .all(eventId, q.text) as number[];
  } else if (q.kind === 'name') {
    ids = raw
      .prepare(
        `select i.id from event_invitees i indexed by event_invitees_status_idx cross join customers c on c.id = i.customer_id
         where i.event_id = ? and instr(lower(c.name), ?) > 0 limit 21`,
      )
      .pluck()
      .all(eventId, q.text) as number[];
  } else {
    ids = raw
      .prepare('select id from event_invitees where event_id = ? and signup_no = ?')
      .pluck()
      .all(eventId, Number(q.text)) as number[];
  }
  const rows = raw.prepare(recordsSql).all(JSON.stringify(ids)) as { customer_id: number }[];
  raw
    .prepare('select owner_id, plate from vehicles where owner_id in (select value from json_each(?))')
    .all(JSON.stringify(rows.map((r) => r.customer_id)));
  raw
    .prepare(
      `select count(*), sum(checked_in_cars), sum(checked_in_people) from event_invitees
       where event_id = ? and status = 'checked_in'`,
    )
    .get(eventId);
}

/** The event page's reads as plain SQL: the event, agenda, checklist, budget, counts, funnel, photos. */
function rawEventPage(raw: Database.Database, id: number): void {
  raw
    .prepare(
      'select e.*, u.display_name from events e left join users u on u.id = e.owner_user_id where e.id = ?',
    )
    .get(id);
  raw.prepare('select * from event_agenda_items where event_id = ? order by day, sort').all(id);
  raw.prepare('select * from event_checklist_items where event_id = ? order by sort, id').all(id);
  raw.prepare('select * from event_budget_lines where event_id = ? order by sort, id').all(id);
  raw
    .prepare(
      `select status, count(*), sum(cars), sum(adults + children), sum(checked_in_cars), sum(checked_in_people),
         count(reached_at), count(accepted_at), count(confirmed_at), count(invitation_task_id)
       from event_invitees where event_id = ? group by status`,
    )
    .all(id);
  raw.prepare("select count(*) from event_invitees where event_id = ? and origin = 'new_lead'").get(id);
  raw.prepare('select * from event_attachments where event_id = ?').all(id);
}

interface Query {
  kind: 'plate' | 'phone' | 'name' | 'signup';
  text: string;
}

/** What people at the door type, drawn from the event's own list: plate tails, phone tails, surnames, numbers. */
function doorQueries(raw: Database.Database, eventId: number): Query[] {
  const people = raw
    .prepare(
      `select c.name, c.mobile_tail as tail, i.signup_no as no,
         (select plate from vehicles v where v.owner_id = c.id and plate is not null limit 1) as plate
       from event_invitees i join customers c on c.id = i.customer_id where i.event_id = ? order by i.id limit 200`,
    )
    .all(eventId) as { name: string; tail: string | null; no: number | null; plate: string | null }[];
  const out: Query[] = [];
  for (const p of people) {
    if (p.plate) out.push({ kind: 'plate', text: p.plate.slice(-4) });
    if (p.tail) out.push({ kind: 'phone', text: p.tail });
    out.push({ kind: 'name', text: p.name.slice(0, 2) });
    if (p.no) out.push({ kind: 'signup', text: String(p.no) });
  }
  return out;
}

/**
 * Owner events: the target list for the whole base (preview, and build into a fresh event — removed again
 * afterwards, so the bench database stays as generated), the door's check-in lookup on the largest held
 * event, and the event page — each through HTTP beside the same reads as raw SQL; lookup and page also as the
 * first calls of a fresh server (cold).
 */
export async function benchEvents(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
  coldPort: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const events = raw.prepare('select count(*) from events').pluck().get() as number;
  const invitees = raw.prepare('select count(*) from event_invitees').pluck().get() as number;
  const customers = raw.prepare('select count(*) from customers').pluck().get() as number;
  log(`  活动 ${events} 场，名单 ${invitees} 人，客户 ${customers} 位`);
  const held = raw
    .prepare(
      `select e.id from events e join event_invitees i on i.event_id = e.id
       where e.status in ('done', 'summarised') group by e.id order by count(*) desc limit 1`,
    )
    .pluck()
    .get() as number | undefined;
  if (!held) return rows;

  // Target list for the whole base, into events made for the bench and taken out again.
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const at = new Date().toISOString();
  const made: number[] = [];
  const benchEvent = () => {
    const id = Number(
      raw
        .prepare(
          `insert into events (event_no, title, type, starts_on, ends_on, status, created_at, updated_at)
           values (?, '基准测试活动', 'owners_meeting', '2027-03-06', '2027-03-06', 'approved', ?, ?)`,
        )
        .run(`HDBENCH-${made.length + 1}-${process.pid}`, at, at).lastInsertRowid,
    );
    made.push(id);
    return id;
  };
  try {
    const previewEvent = benchEvent();
    const buildReps = Math.max(3, Math.min(10, Math.floor(reps / 40)));
    rows.push({
      scale,
      operation: `events.previewTargets (whole base, ${customers} customers)`,
      api: await timeAsync(buildReps, () =>
        server.call('events.previewTargets', { eventId: previewEvent, filters: {} }),
      ),
      raw: timeSync(buildReps, () => rawBuild(raw, previewEvent, since, false)),
      target: '< 1 s',
    });
    const builds: number[] = [];
    let added = 0;
    for (let i = 0; i < buildReps; i++) {
      const id = benchEvent();
      const t0 = performance.now();
      const r = (await server.call('events.buildTargets', { eventId: id, filters: {} })) as { added: number };
      builds.push(performance.now() - t0);
      added = r.added;
      raw.prepare('delete from event_invitees where event_id = ?').run(id);
    }
    rows.push({
      scale,
      operation: `events.buildTargets (whole base, ${added} added)`,
      api: percentiles(builds),
      raw: timeSync(buildReps, () => rawBuild(raw, previewEvent, since, true)),
      target: '< 1 s',
    });
  } finally {
    for (const id of made) {
      raw.prepare('delete from event_invitees where event_id = ?').run(id);
      raw.prepare('delete from events where id = ?').run(id);
    }
  }

  // The door: what staff type, drawn from the largest held event's list.
  const queries = doorQueries(raw, held);
  const size = raw
    .prepare('select count(*) from event_invitees where event_id = ?')
    .pluck()
    .get(held) as number;
  const lookup = (i: number) =>
    server.call('events.checkinLookup', { eventId: held, q: queries[i % queries.length]!.text });
  rows.push({
    scale,
    operation: `events.checkinLookup (plate/phone tail, name, sign-up no.; list of ${size})`,
    api: await timeAsync(reps, lookup),
    raw: timeSync(reps, (i) => rawLookup(raw, held, queries[i % queries.length]!)),
    target: 'p95 < 10 ms',
  });
  const ids = raw
    .prepare("select id from events where status <> 'draft' order by id")
    .pluck()
    .all() as number[];
  const page = (i: number) => server.call('events.get', { id: ids[i % ids.length] });
  rows.push({
    scale,
    operation: 'events.get (event page: plan, budget, funnel)',
    api: await timeAsync(reps, page),
    raw: timeSync(reps, (i) => rawEventPage(raw, ids[i % ids.length]!)),
    target: 'p95 < 10 ms',
  });

  const heldIds = raw
    .prepare("select id from events where status in ('done', 'summarised') order by id")
    .pluck()
    .all() as number[];
  rows.push({
    scale,
    operation: 'events.results (attendees, referred and the absent over the window; ROI)',
    api: await timeAsync(Math.max(20, Math.floor(reps / 4)), (i) =>
      server.call('events.results', { eventId: heldIds[i % heldIds.length] }),
    ),
    raw: null,
  });

  // Cold: the first calls of a server just started (the laptop at the venue opening the app).
  const fresh = await startBenchServer(path.dirname(raw.name), coldPort);
  try {
    const coldLookup = await firstCalls(20, (i) =>
      fresh.call('events.checkinLookup', { eventId: held, q: queries[(i * 7) % queries.length]!.text }),
    );
    const coldPage = await firstCalls(20, (i) => fresh.call('events.get', { id: ids[(i * 5) % ids.length] }));
    rows.push({
      scale,
      operation: 'events.checkinLookup — first 20 calls after start (cold)',
      api: coldLookup,
      raw: null,
    });
    rows.push({
      scale,
      operation: 'events.get — first 20 calls after start (cold)',
      api: coldPage,
      raw: null,
    });
  } finally {
    await fresh.stop();
  }
  return rows;
}
