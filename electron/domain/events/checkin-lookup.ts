import type Database from 'better-sqlite3';
import { plateReversedSql } from '../../../db/schema/vehicles';
import type { CheckinMatch, CheckinRow } from '../../contract/event-day';
import { checkinMatches } from '../../contract/event-day';
import type { InviteeOrigin, InviteeStatus } from '../../contract/event-terms';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { classifyQuery } from '../search/classify-query';
import { prefixEnd } from '../search/recency-top';
import { arrivalCounts, loadDayEvent, platesOf } from './day-event';

const limit = 20;

/** One way the typed text can find invitees: SQL returning invitee ids, the event id its first parameter. */
interface Probe {
  match: CheckinMatch;
  sql: string;
  params: unknown[];
}

// Each probe starts from the index of what was typed (a sign-up number, a plate, a phone tail) and joins the
// event's row by (event_id, customer_id); names are matched on the event's own people, never the whole base.
const invitee = 'cross join event_invitees i on i.event_id = ? and i.customer_id';
const byVehicle = (index: string, where: string) =>
  `select i.id from vehicles v indexed by ${index} ${invitee} = v.owner_id where ${where} limit ${limit + 1}`;
const reversed = plateReversedSql('v.plate');

function probesFor(q: string): Probe[] {
  const plan = classifyQuery(q);
  const probes: Probe[] = [];
  const digits = /^\d{1,4}$/.test(q) ? Number(q) : null;
  if (digits !== null && digits > 0) {
    probes.push({
      match: 'signup_no',
      sql: 'select id from event_invitees where event_id = ? and signup_no = ?',
      params: [digits],
    });
  }
  if (plan.mobile) {
    probes.push({
      match: 'mobile',
      sql: `select i.id from customers c ${invitee} = c.id where c.mobile = ? or c.mobile2 = ? limit ${limit + 1}`,
      params: [plan.mobile, plan.mobile],
    });
  }
  const plates = [plan.plate, ...(plan.plateAnyProvince ?? [])].filter((p): p is string => !!p);
  if (plates.length) {
    probes.push({
      match: 'plate',
      sql: byVehicle('vehicles_plate_idx', 'v.plate in (select value from json_each(?))'),
      params: [JSON.stringify(plates)],
    });
  }
  if (plan.platePrefix) {
    probes.push({
      match: 'plate',
      sql: byVehicle('vehicles_plate_idx', 'v.plate > ? and v.plate < ?'),
      params: [plan.platePrefix, prefixEnd(plan.platePrefix)],
    });
  }
  if (plan.plateTailReversed) {
    probes.push({
      match: 'plate',
      sql: byVehicle('vehicles_plate_reversed_owner_idx', `${reversed} >= ? and ${reversed} < ?`),
      params: [plan.plateTailReversed, prefixEnd(plan.plateTailReversed)],
    });
  }
  if (plan.mobileTail) {
    probes.push({
      match: 'mobile_tail',
      sql: `select i.id from customers c indexed by customers_mobile_tail_idx ${invitee} = c.id
            where c.mobile_tail = ? limit ${limit + 1}`,
      params: [plan.mobileTail],
    });
  }
  // Digits alone are a number, a tail or a plate, not a name worth reading every invitee's for.
  if (plan.name && !/^\d+$/.test(plan.name.lower)) {
    probes.push({
      match: 'name',
      sql: `select i.id from event_invitees i indexed by event_invitees_status_idx
            cross join customers c on c.id = i.customer_id
            where i.event_id = ? and instr(lower(c.name), ?) > 0
            order by (lower(c.name) = ?) desc limit ${limit + 1}`,
      params: [plan.name.lower, plan.name.lower],
    });
  }
  if (plan.pinyin) {
    probes.push({
      match: 'pinyin',
      sql: `select i.id from event_invitees i indexed by event_invitees_status_idx
            cross join customers c on c.id = i.customer_id
            where i.event_id = ? and ((c.name_pinyin >= ? and c.name_pinyin < ?) or
              (c.name_initials >= ? and c.name_initials < ?)) limit ${limit + 1}`,
      params: [plan.pinyin, prefixEnd(plan.pinyin), plan.pinyin, prefixEnd(plan.pinyin)],
    });
  }
  return probes;
}

interface InviteeRecord {
  inviteeId: number;
  signupNo: number | null;
  customerId: number;
  name: string;
  mobile: string | null;
  status: InviteeStatus;
  origin: InviteeOrigin;
  cars: number;
  adults: number;
  children: number;
  checkedInAt: string | null;
  checkedInCars: number | null;
  checkedInPeople: number | null;
  version: number;
}

const recordsSql = `select i.id as inviteeId, i.signup_no as signupNo, i.customer_id as customerId, c.name,
    c.mobile, i.status, i.origin, i.cars, i.adults, i.children, i.checked_in_at as checkedInAt,
    i.checked_in_cars as checkedInCars, i.checked_in_people as checkedInPeople, i.version
  from event_invitees i join customers c on c.id = i.customer_id
  where i.id in (select value from json_each(?))`;

/** The event's people the door's search box finds, best match first, at most 20. */
export function checkinLookup(ctx: AuthedContext, input: { eventId: number; q: string }) {
  const sqlite = ctx.db.$client;
  const event = loadDayEvent(sqlite, input.eventId);
  const found = new Map<number, CheckinMatch>();
  for (const probe of probesFor(input.q)) {
    const ids = prepared(sqlite, probe.sql)
      .pluck()
      .all(event.id, ...probe.params) as number[];
    for (const id of ids) if (!found.has(id)) found.set(id, probe.match);
  }
  const rank = (m: CheckinMatch) => checkinMatches.indexOf(m);
  const records = lookupRecords(sqlite, [...found.keys()]);
  records.sort(
    (a, b) =>
      rank(found.get(a.inviteeId)!) - rank(found.get(b.inviteeId)!) ||
      (a.signupNo ?? Infinity) - (b.signupNo ?? Infinity) ||
      a.inviteeId - b.inviteeId,
  );
  const top = records.slice(0, limit);
  const plates = platesOf(
    sqlite,
    top.map((r) => r.customerId),
  );
  const rows: CheckinRow[] = top.map((r) => ({
    inviteeId: r.inviteeId,
    signupNo: r.signupNo,
    customer: { id: r.customerId, name: r.name, mobile: r.mobile },
    plates: plates.get(r.customerId) ?? [],
    status: r.status,
    origin: r.origin,
    cars: r.cars,
    adults: r.adults,
    children: r.children,
    match: found.get(r.inviteeId)!,
    checkedIn: r.status === 'checked_in',
    checkedInAt: r.checkedInAt,
    checkedInCars: r.checkedInCars,
    checkedInPeople: r.checkedInPeople,
    version: r.version,
  }));
  return { rows, counts: arrivalCounts(sqlite, event) };
}

function lookupRecords(sqlite: Database.Database, ids: number[]): InviteeRecord[] {
  if (!ids.length) return [];
  return prepared(sqlite, recordsSql).all(JSON.stringify(ids)) as InviteeRecord[];
}
