import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { EventCapacity, InviteeRow } from '../../contract/event-invitations';
import type { InviteeOrigin, InviteeStatus } from '../../contract/event-terms';
import { inviteeStatuses, seatHoldingStatuses } from '../../contract/event-terms';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import type { Sql } from '../search/index-walk';
import type { InvitationEvent } from './invitation-event';
import { loadEvent } from './invitation-event';

const holding = seatHoldingStatuses.map((s) => `'${s}'`).join(', ');
/** SQL of the seats a row holds: people are adults and children. */
export const heldSql = `i.status in (${holding})`;

interface RawInvitee {
  inviteeId: number;
  eventId: number;
  customerId: number;
  customerName: string;
  mobile: string | null;
  origin: InviteeOrigin;
  status: InviteeStatus;
  signupNo: number | null;
  cars: number;
  adults: number;
  children: number;
  declineReason: string | null;
  waitlistAt: string | null;
  waitlistPosition: number | null;
  referredById: number | null;
  referredByName: string | null;
  invitationTask: string | null;
  confirmationTask: string | null;
  reachedAt: string | null;
  acceptedAt: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const taskJson = (col: string) =>
  `(select json_object('id', t.id, 'status', t.status, 'dueDate', t.due_date, 'attempts', t.attempts)
     from callback_tasks t where t.id = i.${col})`;

const inviteeSelect = `select i.id as inviteeId, i.event_id as eventId, c.id as customerId, c.name as customerName,
    c.mobile, i.origin, i.status, i.signup_no as signupNo, i.cars, i.adults, i.children,
    i.decline_reason as declineReason, i.waitlist_at as waitlistAt,
    case when i.status = 'waitlisted' then (select count(*) from event_invitees w
      where w.event_id = i.event_id and w.status = 'waitlisted' and (w.waitlist_at, w.id) <= (i.waitlist_at, i.id))
    end as waitlistPosition,
    r.id as referredById, r.name as referredByName,
    ${taskJson('invitation_task_id')} as invitationTask, ${taskJson('confirmation_task_id')} as confirmationTask,
    i.reached_at as reachedAt, i.accepted_at as acceptedAt, i.confirmed_at as confirmedAt,
    i.cancelled_at as cancelledAt, i.checked_in_at as checkedInAt, i.created_at as createdAt,
    i.updated_at as updatedAt, i.version
  from event_invitees i join customers c on c.id = i.customer_id left join customers r on r.id = i.referred_by_id`;

function toRow(r: RawInvitee): InviteeRow {
  return {
    inviteeId: r.inviteeId,
    eventId: r.eventId,
    customer: { id: r.customerId, name: r.customerName, mobile: r.mobile },
    origin: r.origin,
    status: r.status,
    signupNo: r.signupNo,
    cars: r.cars,
    adults: r.adults,
    children: r.children,
    declineReason: r.declineReason,
    waitlistPosition: r.waitlistPosition,
    waitlistAt: r.waitlistAt,
    referredBy: r.referredById !== null ? { id: r.referredById, name: r.referredByName ?? '' } : null,
    invitationTask: r.invitationTask ? (JSON.parse(r.invitationTask) as InviteeRow['invitationTask']) : null,
    confirmationTask: r.confirmationTask
      ? (JSON.parse(r.confirmationTask) as InviteeRow['confirmationTask'])
      : null,
    reachedAt: r.reachedAt,
    acceptedAt: r.acceptedAt,
    confirmedAt: r.confirmedAt,
    cancelledAt: r.cancelledAt,
    checkedInAt: r.checkedInAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export function inviteesWhere(sqlite: Database.Database, where: Sql, tail = ''): InviteeRow[] {
  return (
    prepared(sqlite, `${inviteeSelect} where ${where.sql} ${tail}`).all(...where.params) as RawInvitee[]
  ).map(toRow);
}

export function inviteeRowOf(sqlite: Database.Database, id: number): InviteeRow {
  const row = inviteesWhere(sqlite, { sql: 'i.id = ?', params: [id] })[0];
  if (!row) throw new AppError('not_found', '名单中没有这位受邀人（可能已被删除）');
  return row;
}

/** Seats the event has, holds and has left; null capacity means that kind is not limited. */
export function capacityOf(sqlite: Database.Database, e: InvitationEvent): EventCapacity {
  const held = prepared(
    sqlite,
    `select coalesce(sum(case when ${heldSql} then i.cars end), 0) as cars,
       coalesce(sum(case when ${heldSql} then i.adults + i.children end), 0) as people,
       count(case when i.status = 'waitlisted' then 1 end) as waitlisted
     from event_invitees i where i.event_id = ?`,
  ).get(e.id) as { cars: number; people: number; waitlisted: number };
  return {
    capacityCars: e.capacityCars,
    capacityPeople: e.capacityPeople,
    heldCars: held.cars,
    heldPeople: held.people,
    carsLeft: e.capacityCars === null ? null : e.capacityCars - held.cars,
    peopleLeft: e.capacityPeople === null ? null : e.capacityPeople - held.people,
    waitlisted: held.waitlisted,
  };
}

function statusCounts(sqlite: Database.Database, eventId: number): Record<InviteeStatus, number> {
  const rows = prepared(
    sqlite,
    'select status, count(*) as n from event_invitees where event_id = ? group by status',
  ).all(eventId) as { status: InviteeStatus; n: number }[];
  const counts = Object.fromEntries(inviteeStatuses.map((s) => [s, 0])) as Record<InviteeStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** The text box: name, pinyin, mobile (or its tail) or the sign-up number. */
function textCondition(text: string): Sql {
  const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const signup = /^\d{1,4}$/.test(text) ? Number(text) : -1;
  return {
    sql: `(c.name like ? escape '\\' or c.name_pinyin like ? escape '\\' or c.mobile like ? escape '\\'
      or i.signup_no = ?)`,
    params: [like, like.toLowerCase(), like, signup],
  };
}

export function listInvitees(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.invitees'>,
): ChannelOutput<'events.invitees'> {
  const sqlite = ctx.db.$client;
  const event = loadEvent(sqlite, input.eventId);
  const parts: Sql[] = [{ sql: 'i.event_id = ?', params: [event.id] }];
  if (input.status?.length) {
    parts.push({ sql: `i.status in (${input.status.map(() => '?').join(',')})`, params: input.status });
  }
  if (input.text) parts.push(textCondition(input.text));
  if (input.cursor) {
    const after = Number(input.cursor);
    if (!Number.isInteger(after)) throw new AppError('validation', '分页位置无效，请刷新名单');
    parts.push({ sql: 'i.id > ?', params: [after] });
  }
  const where = { sql: parts.map((p) => `(${p.sql})`).join(' and '), params: parts.flatMap((p) => p.params) };
  const rows = inviteesWhere(sqlite, where, `order by i.id limit ${input.limit + 1}`);
  const page = rows.slice(0, input.limit);
  const counts = statusCounts(sqlite, event.id);
  return {
    rows: page,
    nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.inviteeId) : null,
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    capacity: capacityOf(sqlite, event),
  };
}
