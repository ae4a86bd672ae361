import type Database from 'better-sqlite3';
import type { EventStatus, InviteeStatus } from '../../contract/event-terms';
import { summaryTaskTitle } from '../events/event-summary-due';
import { isoDay, timestamp, yearOf } from './calendar';
import { seriesList } from './catalog';
import type { EventTemplate } from './event-texts';
import {
  cancelReasons,
  declineReasons,
  eventTemplates,
  seasons,
  summaryImprovements,
  summaryPublicity,
  summaryShortcomings,
  summaryStrengths,
} from './event-texts';
import type { Rng } from './rng';
import { weightedTable } from './rng';

/**
 * Three years of owner events and the next ones: several a year (4 at scale S, 6 at M, 8 at L), each with its
 * agenda, preparation list, budget lines (planned; actual for the events held), manufacturer support, a
 * target list drawn from the base worked through the funnel — invitation calls done or expired, sign-ups
 * (waitlisted once full), second confirmations, check-ins and no-shows, a few walk-ins — and the summary.
 * The latest past event is done with its summary overdue, one was cancelled, one upcoming event is inviting
 * (calls open in the queue) and one is a draft. Written after the customers, from its own random stream, in
 * the generator's transaction, with prepared statements.
 */

interface Scale {
  perYear: number;
  list: readonly [number, number];
  capacity: number;
}

function scaleOf(customers: number): Scale {
  if (customers >= 200_000) return { perYear: 8, list: [500, 1500], capacity: 1.5 };
  if (customers >= 20_000) return { perYear: 6, list: [200, 500], capacity: 1 };
  return { perYear: 4, list: [60, 150], capacity: 0.5 };
}

const years = 3;
/** 1970-01-01 was a Thursday: (day + 4) % 7 is the weekday, 0 Sunday. */
const nextSaturday = (day: number) => day + ((6 - ((day + 4) % 7) + 7) % 7);

function prepare(sqlite: Database.Database) {
  return {
    event: sqlite.prepare(
      `insert into events (event_no, title, type, theme, starts_on, ends_on, places, capacity_cars, capacity_people,
         planned_cars, planned_people, owner_user_id, status, cancel_reason, approved_by, approved_at, filing_status,
         subsidy_requested_fen, subsidy_approved_fen, subsidy_received_fen, manufacturer_gifts, summary_due_on,
         summary_strengths, summary_shortcomings, summary_improvements, summary_publicity, summary_submitted_at,
         summary_submitted_by, created_at, created_by, updated_at, version)
       values (@eventNo, @title, @type, @theme, @startsOn, @endsOn, @places, @capacityCars, @capacityPeople,
         @plannedCars, @plannedPeople, @owner, @status, @cancelReason, @approvedBy, @approvedAt, @filingStatus,
         @subsidyRequested, @subsidyApproved, @subsidyReceived, @gifts, @summaryDueOn, @strengths, @shortcomings,
         @improvements, @publicity, @summarySubmittedAt, @summarySubmittedBy, @createdAt, @owner, @updatedAt, @version)`,
    ),
    agenda: sqlite.prepare(
      `insert into event_agenda_items (event_id, day, time, place, item, person_in_charge, sort)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    checklist: sqlite.prepare(
      `insert into event_checklist_items (event_id, kind, title, owner_user_id, due_on, done_at, done_by, sort)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    budget: sqlite.prepare(
      `insert into event_budget_lines (event_id, category, description, planned_fen, actual_fen, note, receipt_no,
         actual_by, actual_at, sort) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    task: sqlite.prepare(
      `insert or ignore into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority,
         status, attempts, next_attempt_at, last_outcome, notes, completed_at, completed_by, created_at, updated_at)
       values (@customerId, @rule, @anchor, @due, @expires, 2, @status, @attempts, @nextAttemptAt, @lastOutcome,
         @notes, @completedAt, @completedBy, @createdAt, @updatedAt)`,
    ),
    invitee: sqlite.prepare(
      `insert into event_invitees (event_id, customer_id, origin, status, signup_no, cars, adults, children,
         decline_reason, waitlist_at, invitation_task_id, confirmation_task_id, reached_at, accepted_at, confirmed_at,
         cancelled_at, checked_in_at, checked_in_by, checked_in_cars, checked_in_people, status_before_check_in,
         created_at, updated_at, version)
       values (@eventId, @customerId, @origin, @status, @signupNo, @cars, @adults, @children, @declineReason,
         @waitlistAt, @invitationTaskId, @confirmationTaskId, @reachedAt, @acceptedAt, @confirmedAt, @cancelledAt,
         @checkedInAt, @checkedInBy, @checkedInCars, @checkedInPeople, @statusBefore, @createdAt, @updatedAt, 1)`,
    ),
  };
}
type Statements = ReturnType<typeof prepare>;

/** Where an event stands: held (done or summarised), cancelled, inviting now, or a draft. */
type Phase = 'summarised' | 'done' | 'cancelled' | 'inviting' | 'draft';

interface Plan {
  phase: Phase;
  template: EventTemplate;
  start: number;
  end: number;
  capacityCars: number;
  capacityPeople: number;
}

interface Invitee {
  eventId: number;
  customerId: number;
  origin: 'target' | 'walk_in';
  status: InviteeStatus;
  signupNo: number | null;
  cars: number;
  adults: number;
  children: number;
  declineReason: string | null;
  waitlistAt: string | null;
  invitationTaskId: number | null;
  confirmationTaskId: number | null;
  reachedAt: string | null;
  acceptedAt: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  checkedInBy: number | null;
  checkedInCars: number | null;
  checkedInPeople: number | null;
  statusBefore: InviteeStatus | null;
  createdAt: string;
  updatedAt: string;
}

/** `k` distinct ids drawn from the pool, not among `taken`, in id order. */
function sample(rng: Rng, pool: readonly number[], k: number, taken: ReadonlySet<number> = new Set()) {
  const want = Math.min(k, pool.length - taken.size);
  if (want * 4 > pool.length) {
    // Most of the pool: a partial shuffle beats drawing and redrawing.
    const free = pool.filter((id) => !taken.has(id));
    for (let i = 0; i < want; i++) {
      const j = rng.int(i, free.length - 1);
      [free[i], free[j]] = [free[j]!, free[i]!];
    }
    return free.slice(0, want).sort((a, b) => a - b);
  }
  const out = new Set<number>();
  while (out.size < want) {
    const id = pool[rng.int(0, pool.length - 1)]!;
    if (!taken.has(id)) out.add(id);
  }
  return [...out].sort((a, b) => a - b);
}

const fill = (text: string, place: string, season: string, series: string) =>
  text.replace('{place}', place).replace('{season}', season).replace('{series}', series);

const yuan = (amount: number) => Math.round(amount) * 100;

export function writeDemoEvents(
  sqlite: Database.Database,
  rng: Rng,
  o: { today: number; customers: number },
): { events: number; invitees: number; tasks: number } {
  const scale = scaleOf(o.customers);
  const pool = sqlite
    .prepare(
      `select c.id from customers c
       where c.stage in ('owner', 'vip', 'new_owner') and c.do_not_contact = 0 and c.merged_into_id is null
         and c.mobile is not null
         and not exists (select 1 from consents s where s.customer_id = c.id and s.purpose = 'events' and s.granted = 0)
       order by c.id`,
    )
    .pluck()
    .all() as number[];
  if (pool.length < 20) return { events: 0, invitees: 0, tasks: 0 };
  const owner =
    (sqlite
      .prepare(
        "select id from users where role in ('manager', 'admin') and disabled = 0 order by role = 'admin', id limit 1",
      )
      .pluck()
      .get() as number | undefined) ?? null;
  const st = prepare(sqlite);

  // Past events spread over three years, each on a Saturday; the latest ends five days ago.
  const plans: Plan[] = [];
  const past = scale.perYear * years;
  const span = years * 365;
  const template = () => rng.pick(eventTemplates);
  const capacity = (t: EventTemplate) => {
    const cars = Math.max(8, Math.round(rng.int(t.capacityCars[0], t.capacityCars[1]) * scale.capacity));
    return { capacityCars: cars, capacityPeople: Math.round(cars * t.peoplePerCar) };
  };
  let lastStart = -Infinity;
  for (let i = 0; i < past; i++) {
    const t = template();
    const latest = i === past - 1;
    let start = latest
      ? o.today - 4 - t.days
      : nextSaturday(o.today - span + Math.round((i * span) / (past - 1)) + rng.int(0, 10));
    // Two events never start on the same day (each call task is anchored on its start).
    if (start <= lastStart) start = lastStart + 7;
    if (!latest && start + t.days >= o.today - 12) continue;
    lastStart = start;
    const phase: Phase = latest ? 'done' : i === Math.floor(past / 2) ? 'cancelled' : 'summarised';
    plans.push({ phase, template: t, start, end: start + t.days - 1, ...capacity(t) });
  }
  const upcoming = eventTemplates[0]!;
  const upStart = nextSaturday(o.today + 10);
  plans.push({
    phase: 'inviting',
    template: upcoming,
    start: upStart,
    end: upStart + 1,
    ...capacity(upcoming),
  });
  const draftT = eventTemplates[2]!;
  const draftStart = nextSaturday(o.today + 45);
  plans.push({ phase: 'draft', template: draftT, start: draftStart, end: draftStart, ...capacity(draftT) });

  const numbers = new Map<number, number>();
  let invitees = 0;
  let tasks = 0;
  for (const p of plans) {
    const year = yearOf(p.start);
    const n = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, n);
    const r = writeEvent(st, rng, p, {
      eventNo: `HD${year}-${String(n).padStart(3, '0')}`,
      owner,
      today: o.today,
      pool,
      listSize: rng.int(scale.list[0], scale.list[1]),
    });
    invitees += r.invitees;
    tasks += r.tasks;
  }
  return { events: plans.length, invitees, tasks };
}

interface EventInput {
  eventNo: string;
  owner: number | null;
  today: number;
  pool: readonly number[];
  listSize: number;
}

function writeEvent(st: Statements, rng: Rng, p: Plan, o: EventInput): { invitees: number; tasks: number } {
  const t = p.template;
  const place = rng.pick(t.places);
  const season = seasons[Math.floor(((new Date(p.start * 86_400_000).getUTCMonth() + 10) % 12) / 3)]!;
  const series = rng.pick(seriesList).name;
  const title = fill(rng.pick(t.titles), place, season, series);
  const held = p.phase === 'summarised' || p.phase === 'done';
  const listDay = p.start - rng.int(20, 30);
  const approvedDay = listDay - rng.int(2, 10);
  const createdDay = approvedDay - rng.int(3, 15);
  const cost = t.budget.map(([category, description, lo, hi]) => ({
    category,
    description,
    planned: yuan((rng.int(lo, hi) * p.capacityCars) / 100) * 100,
  }));
  const plannedTotal = cost.reduce((s, l) => s + l.planned, 0);
  const subsidised = p.phase !== 'draft' && rng.chance(t.subsidised);
  const requested = subsidised ? Math.round((plannedTotal * rng.real(0.3, 0.5)) / 100_000) * 100_000 : 0;
  const approved = subsidised ? Math.round((requested * rng.real(0.8, 1)) / 10_000) * 10_000 : 0;
  const summarised = p.phase === 'summarised';
  const submittedDay = p.end + rng.int(1, 3);
  const status: EventStatus = p.phase;
  const updatedDay = summarised
    ? submittedDay
    : held
      ? p.end + 1
      : p.phase === 'inviting'
        ? o.today
        : createdDay;
  const eventId = Number(
    st.event.run({
      eventNo: o.eventNo,
      title,
      type: t.type,
      theme: rng.pick(t.themes),
      startsOn: isoDay(p.start),
      endsOn: isoDay(p.end),
      places: t.days > 1 ? `${place}；集合：店内展厅` : place,
      capacityCars: p.capacityCars,
      capacityPeople: p.capacityPeople,
      plannedCars: p.capacityCars,
      plannedPeople: p.capacityPeople,
      owner: o.owner,
      status,
      cancelReason: p.phase === 'cancelled' ? rng.pick(cancelReasons) : null,
      approvedBy: p.phase === 'draft' ? null : o.owner,
      approvedAt: p.phase === 'draft' ? null : timestamp(approvedDay, 10 * 60),
      filingStatus: subsidised ? (p.phase === 'inviting' ? 'filed' : 'approved') : 'not_needed',
      subsidyRequested: requested,
      subsidyApproved: p.phase === 'inviting' ? 0 : approved,
      subsidyReceived: summarised ? approved : 0,
      gifts: subsidised && rng.chance(0.5) ? '厂家提供车模、定制雨伞等礼品' : null,
      summaryDueOn: held ? isoDay(p.end + 3) : null,
      strengths: summarised ? rng.pick(summaryStrengths) : null,
      shortcomings: summarised ? rng.pick(summaryShortcomings) : null,
      improvements: summarised ? rng.pick(summaryImprovements) : null,
      publicity: summarised ? rng.pick(summaryPublicity) : null,
      summarySubmittedAt: summarised ? timestamp(submittedDay, 17 * 60) : null,
      summarySubmittedBy: summarised ? o.owner : null,
      createdAt: timestamp(createdDay, 9 * 60 + rng.int(0, 120)),
      updatedAt: timestamp(updatedDay, 18 * 60),
      version: held ? 6 : 3,
    }).lastInsertRowid,
  );

  t.agenda.forEach((a, i) => {
    if (a.day >= t.days) return;
    st.agenda.run(
      eventId,
      isoDay(p.start + a.day),
      a.time,
      a.place && fill(a.place, place, season, series),
      a.item,
      a.person,
      i,
    );
  });
  const checks = [...t.checklist];
  checks.forEach(([kind, label], i) => {
    const due = p.start - rng.int(3, 10);
    const done = held || (p.phase === 'inviting' && rng.chance(0.5)) || (p.phase === 'cancelled' && i === 0);
    st.checklist.run(
      eventId,
      kind,
      label,
      o.owner,
      isoDay(due),
      done ? timestamp(Math.min(due, o.today - 1), 15 * 60) : null,
      done ? o.owner : null,
      i,
    );
  });
  if (held) {
    st.checklist.run(
      eventId,
      'other',
      summaryTaskTitle,
      o.owner,
      isoDay(p.end + 3),
      summarised ? timestamp(submittedDay, 17 * 60) : null,
      summarised ? o.owner : null,
      checks.length,
    );
  }
  cost.forEach((l, i) => {
    const actual = held ? Math.round((l.planned * rng.real(0.85, 1.15)) / 1_000) * 1_000 : null;
    const actualDay = p.end + rng.int(1, 4);
    st.budget.run(
      eventId,
      l.category,
      l.description,
      l.planned,
      actual,
      actual === null ? null : rng.chance(0.3) ? '含税' : null,
      actual === null ? null : `FP${isoDay(actualDay).replace(/-/g, '')}${String(i + 1).padStart(2, '0')}`,
      actual === null ? null : o.owner,
      actual === null ? null : timestamp(Math.min(actualDay, o.today - 1), 16 * 60),
      i,
    );
  });
  if (p.phase === 'draft' || p.phase === 'cancelled') return { invitees: 0, tasks: 0 };
  return p.phase === 'inviting'
    ? writeInviting(st, rng, p, eventId, o, listDay)
    : writeHeld(st, rng, p, eventId, o, listDay);
}

function party(rng: Rng, t: EventTemplate) {
  const cars = t.type === 'maintenance_clinic' || !rng.chance(0.08) ? 1 : 2;
  const adults = 1 + (rng.chance(t.peoplePerCar > 1.8 ? 0.7 : 0.25) ? 1 : 0) + (rng.chance(0.08) ? 1 : 0);
  const children = t.peoplePerCar > 2 ? rng.weighted(childrenTable) : 0;
  return { cars, adults, children };
}
const childrenTable = weightedTable([
  [0, 55],
  [1, 35],
  [2, 10],
] as const);

function blank(eventId: number, customerId: number, createdAt: string): Invitee {
  return {
    eventId,
    customerId,
    origin: 'target',
    status: 'pending',
    signupNo: null,
    cars: 0,
    adults: 0,
    children: 0,
    declineReason: null,
    waitlistAt: null,
    invitationTaskId: null,
    confirmationTaskId: null,
    reachedAt: null,
    acceptedAt: null,
    confirmedAt: null,
    cancelledAt: null,
    checkedInAt: null,
    checkedInBy: null,
    checkedInCars: null,
    checkedInPeople: null,
    statusBefore: null,
    createdAt,
    updatedAt: createdAt,
  };
}

interface TaskRow {
  customerId: number;
  rule: 'event_invitation' | 'event_confirmation';
  anchor: string;
  due: string;
  expires: string;
  status: 'open' | 'done' | 'expired';
  attempts: number;
  nextAttemptAt: string | null;
  lastOutcome: string | null;
  notes: string;
  completedAt: string | null;
  completedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The call in the queue, or null when the customer already has one of that rule on that anchor. */
function task(st: Statements, row: TaskRow): number | null {
  const r = st.task.run(row);
  return r.changes > 0 ? Number(r.lastInsertRowid) : null;
}

/** An event that took place: every invitation worked, sign-ups confirmed or not, then the day itself. */
function writeHeld(
  st: Statements,
  rng: Rng,
  p: Plan,
  eventId: number,
  o: EventInput,
  listDay: number,
): { invitees: number; tasks: number } {
  const t = p.template;
  const ids = sample(rng, o.pool, o.listSize);
  const anchor = isoDay(p.start);
  const lastCallDay = p.start - 1;
  const confirmDay = p.start - 3;
  const created = timestamp(listDay, 11 * 60);
  let seatsCars = 0;
  let seatsPeople = 0;
  let signup = 0;
  let tasks = 0;
  const rows: Invitee[] = [];
  const note = (kind: string) => `${kind}：${o.eventNo}`;
  ids.forEach((customerId, i) => {
    const inv = blank(eventId, customerId, created);
    // Calls spread over the days after the list is built, in list order.
    const callDay = listDay + 1 + Math.floor((i / ids.length) * Math.max(1, confirmDay - listDay - 3));
    const callAt = timestamp(callDay, 9 * 60 + rng.int(0, 8 * 60));
    const reached = rng.chance(0.72);
    inv.invitationTaskId = task(st, {
      customerId,
      rule: 'event_invitation',
      anchor,
      due: isoDay(listDay + 1),
      expires: isoDay(lastCallDay),
      status: reached ? 'done' : 'expired',
      attempts: reached ? rng.int(1, 2) : 3,
      nextAttemptAt: null,
      lastOutcome: reached ? 'reached' : 'no_answer',
      notes: note('活动邀约'),
      completedAt: reached ? callAt : null,
      completedBy: reached ? o.owner : null,
      createdAt: created,
      updatedAt: reached ? callAt : timestamp(lastCallDay + 1, 0),
    });
    if (inv.invitationTaskId) tasks++;
    inv.updatedAt = callAt;
    if (!reached) {
      inv.status = 'unreachable';
      rows.push(inv);
      return;
    }
    inv.reachedAt = callAt;
    const answer = rng.weighted(answers);
    if (answer === 'declined') {
      inv.status = 'declined';
      inv.declineReason = rng.chance(0.7) ? rng.pick(declineReasons) : null;
      rows.push(inv);
      return;
    }
    if (answer === 'undecided') {
      inv.status = 'undecided';
      rows.push(inv);
      return;
    }
    Object.assign(inv, party(rng, t));
    inv.signupNo = ++signup;
    inv.acceptedAt = callAt;
    const people = inv.adults + inv.children;
    if (seatsCars + inv.cars > p.capacityCars || seatsPeople + people > p.capacityPeople) {
      inv.status = 'waitlisted';
      inv.waitlistAt = callAt;
      rows.push(inv);
      return;
    }
    seatsCars += inv.cars;
    seatsPeople += people;
    inv.status = 'accepted';
    // The second confirmation, N days before the start.
    const confirmAt = timestamp(confirmDay, 9 * 60 + rng.int(0, 8 * 60));
    const confirmReached = rng.chance(0.9);
    const cancelled = confirmReached && rng.chance(0.1);
    inv.confirmationTaskId = task(st, {
      customerId,
      rule: 'event_confirmation',
      anchor,
      due: isoDay(confirmDay),
      expires: isoDay(lastCallDay),
      status: confirmReached ? 'done' : 'expired',
      attempts: confirmReached ? 1 : 3,
      nextAttemptAt: null,
      lastOutcome: confirmReached ? 'reached' : 'no_answer',
      notes: note('活动二次确认'),
      completedAt: confirmReached ? confirmAt : null,
      completedBy: confirmReached ? o.owner : null,
      createdAt: callAt,
      updatedAt: confirmReached ? confirmAt : timestamp(lastCallDay + 1, 0),
    });
    if (inv.confirmationTaskId) tasks++;
    if (confirmReached) {
      inv.updatedAt = confirmAt;
      if (cancelled) {
        inv.status = 'cancelled';
        inv.cancelledAt = confirmAt;
        seatsCars -= inv.cars;
        seatsPeople -= people;
      } else {
        inv.status = 'confirmed';
        inv.confirmedAt = confirmAt;
      }
    }
    rows.push(inv);
  });

  // The day: most of the confirmed come, fewer of those never confirmed, a few who cancelled come anyway.
  const firstMinute = timeOf(t) - 20;
  const arrive = (inv: Invitee, came: boolean) => {
    if (!came) {
      if (inv.status === 'accepted' || inv.status === 'confirmed') inv.status = 'no_show';
      return;
    }
    inv.statusBefore = inv.status;
    inv.status = 'checked_in';
    inv.checkedInAt = timestamp(p.start, firstMinute + rng.int(0, 70));
    inv.checkedInBy = o.owner;
    inv.checkedInCars = inv.cars;
    inv.checkedInPeople = Math.max(1, inv.adults + inv.children + (rng.chance(0.1) ? rng.pick([-1, 1]) : 0));
    inv.updatedAt = inv.checkedInAt;
  };
  for (const inv of rows) {
    if (inv.status === 'confirmed') arrive(inv, rng.chance(0.9));
    else if (inv.status === 'accepted') arrive(inv, rng.chance(0.6));
    else if (inv.status === 'cancelled' || inv.status === 'declined') arrive(inv, rng.chance(0.03));
    else if (inv.status === 'waitlisted') arrive(inv, rng.chance(0.1));
  }
  for (const inv of rows) st.invitee.run(inv);
  // A few walk-ins: owners who heard of it and came along.
  const walkIns = sample(rng, o.pool, rng.int(0, Math.max(1, Math.round(ids.length / 60))), new Set(ids));
  for (const customerId of walkIns) {
    const inv = blank(eventId, customerId, timestamp(p.start, firstMinute + rng.int(20, 90)));
    Object.assign(inv, party(rng, t));
    inv.origin = 'walk_in';
    inv.signupNo = ++signup;
    inv.status = 'checked_in';
    inv.checkedInAt = inv.createdAt;
    inv.checkedInBy = o.owner;
    inv.checkedInCars = inv.cars;
    inv.checkedInPeople = inv.adults + inv.children;
    st.invitee.run(inv);
  }
  return { invitees: rows.length + walkIns.length, tasks };
}

/** The event being invited now: the calls of the last days made or still open in the queue. */
function writeInviting(
  st: Statements,
  rng: Rng,
  p: Plan,
  eventId: number,
  o: EventInput,
  listDay: number,
): { invitees: number; tasks: number } {
  const t = p.template;
  const built = Math.min(listDay, o.today - 6);
  const ids = sample(rng, o.pool, o.listSize);
  const anchor = isoDay(p.start);
  const created = timestamp(built, 11 * 60);
  const confirmDay = p.start - 3;
  let seatsCars = 0;
  let seatsPeople = 0;
  let signup = 0;
  let tasks = 0;
  // Invitations made so far: about half the list, in list order.
  const worked = Math.round(ids.length * rng.real(0.4, 0.55));
  // The capacity fills from this list: a few late accepts go on the waiting list.
  const cap = { cars: Math.max(4, Math.round(worked * 0.72 * 0.4 * 0.85)), people: 0 };
  cap.people = Math.round(cap.cars * t.peoplePerCar);
  ids.forEach((customerId, i) => {
    const inv = blank(eventId, customerId, created);
    const base = {
      customerId,
      rule: 'event_invitation' as const,
      anchor,
      due: isoDay(built + 1),
      expires: isoDay(p.start - 1),
      notes: `活动邀约：${o.eventNo}`,
      createdAt: created,
    };
    if (i >= worked) {
      // Not called yet, or rung once without an answer and resting until this afternoon.
      const tried = rng.chance(0.2);
      inv.invitationTaskId = task(st, {
        ...base,
        status: 'open',
        attempts: tried ? 1 : 0,
        nextAttemptAt: tried ? timestamp(o.today, 14 * 60) : null,
        lastOutcome: tried ? 'no_answer' : null,
        completedAt: null,
        completedBy: null,
        updatedAt: tried ? timestamp(o.today - 1, 10 * 60) : created,
      });
      if (inv.invitationTaskId) tasks++;
      st.invitee.run(inv);
      return;
    }
    const callDay = built + 1 + Math.floor((i / worked) * Math.max(1, o.today - built - 1));
    const callAt = timestamp(Math.min(callDay, o.today - 1), 9 * 60 + rng.int(0, 8 * 60));
    inv.reachedAt = callAt;
    inv.updatedAt = callAt;
    const answer = rng.weighted(answers);
    const open = answer === 'undecided';
    inv.invitationTaskId = task(st, {
      ...base,
      status: open ? 'open' : 'done',
      attempts: 1,
      nextAttemptAt: open ? timestamp(o.today + rng.int(0, 3), 10 * 60) : null,
      lastOutcome: open ? 'call_back_at' : 'reached',
      completedAt: open ? null : callAt,
      completedBy: open ? null : o.owner,
      updatedAt: callAt,
    });
    if (inv.invitationTaskId) tasks++;
    if (answer === 'declined') {
      inv.status = 'declined';
      inv.declineReason = rng.pick(declineReasons);
    } else if (answer === 'undecided') {
      inv.status = 'undecided';
    } else {
      Object.assign(inv, party(rng, t));
      inv.signupNo = ++signup;
      inv.acceptedAt = callAt;
      const people = inv.adults + inv.children;
      if (seatsCars + inv.cars > cap.cars || seatsPeople + people > cap.people) {
        inv.status = 'waitlisted';
        inv.waitlistAt = callAt;
      } else {
        seatsCars += inv.cars;
        seatsPeople += people;
        inv.status = 'accepted';
        inv.confirmationTaskId = task(st, {
          customerId,
          rule: 'event_confirmation',
          anchor,
          due: isoDay(confirmDay),
          expires: isoDay(p.start - 1),
          status: 'open',
          attempts: 0,
          nextAttemptAt: null,
          lastOutcome: null,
          notes: `活动二次确认：${o.eventNo}`,
          completedAt: null,
          completedBy: null,
          createdAt: callAt,
          updatedAt: callAt,
        });
        if (inv.confirmationTaskId) tasks++;
      }
    }
    st.invitee.run(inv);
  });
  st.event.database
    .prepare(
      'update events set capacity_cars = ?, capacity_people = ?, planned_cars = ?, planned_people = ? where id = ?',
    )
    .run(cap.cars, cap.people, cap.cars, cap.people, eventId);
  return { invitees: ids.length, tasks };
}

const answers = weightedTable([
  ['accepted', 40],
  ['declined', 45],
  ['undecided', 15],
] as const);

/** The first agenda time of the first day, in minutes (check-ins start a little before it). */
function timeOf(t: EventTemplate): number {
  const first = t.agenda.find((a) => a.day === 0 && a.time)?.time ?? '09:00';
  return Number(first.slice(0, 2)) * 60 + Number(first.slice(3, 5));
}
