import type Database from 'better-sqlite3';
import type { ComplaintGrade, ComplaintTimer } from '../../contract/complaint-terms';
import { complaintGradeLabels, complaintTimerLabels } from '../../contract/complaint-terms';
import type { NotificationKind } from '../../contract/notifications';
import { prepared } from '../customers/sql-cache';
import { notify } from '../notifications/notifications-service';
import { generalManagers, handlerRoles, ownersManagers } from './routing';

interface Routed {
  ticketId: number;
  ticketNo: string;
  grade: ComplaintGrade;
  departmentId: number | null;
  ownerUserId: number | null;
  managerUserId: number | null;
}

const toTicket = (ticketId: number) => ({ refType: 'complaint_ticket' as const, refId: ticketId });

/** Handlers in a department (its inbox), for a ticket routed there without an owner yet. */
function departmentHandlers(sqlite: Database.Database, departmentId: number): number[] {
  return prepared(
    sqlite,
    `select id from users where disabled = 0 and department_id = ? and role in (${handlerRoles
      .map((r) => `'${r}'`)
      .join(', ')})`,
  )
    .pluck()
    .all(departmentId) as number[];
}

/**
 * "Routed to you": the owner; with no owner yet, the department's handlers; the named manager too. The person
 * who did the routing is not told about their own action.
 */
export function notifyRouted(sqlite: Database.Database, r: Routed, by: number, now: string): void {
  const people = new Set<number>();
  if (r.ownerUserId !== null) people.add(r.ownerUserId);
  else if (r.departmentId !== null) for (const u of departmentHandlers(sqlite, r.departmentId)) people.add(u);
  if (r.managerUserId !== null) people.add(r.managerUserId);
  people.delete(by);
  notify(
    sqlite,
    people,
    {
      kind: 'complaint_routed',
      title: `新投诉 ${r.ticketNo}（${complaintGradeLabels[r.grade]}）分派给您`,
      ...toTicket(r.ticketId),
    },
    now,
  );
}

export interface TicketPeople {
  ticketId: number;
  ticketNo: string;
  grade: ComplaintGrade;
  departmentId: number | null;
  ownerUserId: number | null;
  managerUserId: number | null;
}

/** Who hears about a ticket's progress: its owner (or department) and its named manager. */
function handlersOf(sqlite: Database.Database, t: TicketPeople): number[] {
  const out = new Set<number>();
  if (t.ownerUserId !== null) out.add(t.ownerUserId);
  else if (t.departmentId !== null) for (const u of departmentHandlers(sqlite, t.departmentId)) out.add(u);
  if (t.managerUserId !== null) out.add(t.managerUserId);
  return [...out];
}

function send(
  sqlite: Database.Database,
  people: Iterable<number>,
  kind: NotificationKind,
  t: TicketPeople,
  title: string,
  body: string | null,
  now: string,
  except?: number,
): number {
  const list = [...people].filter((p) => p !== except);
  return notify(sqlite, list, { kind, title, body, ...toTicket(t.ticketId) }, now);
}

/** 75% of a timer used: the owner (or department) and the named manager. */
export function notifyWarning(
  sqlite: Database.Database,
  t: TicketPeople,
  timer: ComplaintTimer | 'manufacturer',
  dueAt: string | null,
  now: string,
): number {
  return send(
    sqlite,
    handlersOf(sqlite, t),
    'complaint_warning',
    t,
    `投诉 ${t.ticketNo} ${complaintTimerLabels[timer]}即将超时`,
    dueAt ? `截止 ${dueAt}` : null,
    now,
  );
}

/**
 * A breach: the owner's manager and the handlers; an A-grade breach also goes to the general manager — there is
 * no such role here, so every active manager and administrator (routing.generalManagers).
 */
export function notifyBreach(
  sqlite: Database.Database,
  t: TicketPeople,
  timer: ComplaintTimer | 'manufacturer',
  now: string,
): number {
  const people = new Set([...handlersOf(sqlite, t), ...ownersManagers(sqlite, t)]);
  if (t.grade === 'A') for (const m of generalManagers(sqlite)) people.add(m);
  return send(
    sqlite,
    people,
    'complaint_breach',
    t,
    `投诉 ${t.ticketNo}（${complaintGradeLabels[t.grade]}）${complaintTimerLabels[timer]}已超时`,
    null,
    now,
  );
}

/** The customer replied (logged by someone else): the owner and manager. */
export function notifyReplied(
  sqlite: Database.Database,
  t: TicketPeople,
  note: string,
  by: number,
  now: string,
): number {
  return send(
    sqlite,
    handlersOf(sqlite, t),
    'complaint_customer_replied',
    t,
    `投诉 ${t.ticketNo} 客户有回复`,
    note,
    now,
    by,
  );
}

/** Reopened: the handlers and the owner's manager. */
export function notifyReopened(
  sqlite: Database.Database,
  t: TicketPeople,
  reason: string,
  now: string,
  by?: number,
): number {
  const people = new Set([...handlersOf(sqlite, t), ...ownersManagers(sqlite, t)]);
  return send(sqlite, people, 'complaint_reopened', t, `投诉 ${t.ticketNo} 已重新打开`, reason, now, by);
}

/** A solution whose compensation needs approval: the named manager, else every manager. */
export function notifyApproval(
  sqlite: Database.Database,
  t: TicketPeople,
  totalFen: number,
  by: number,
  now: string,
): number {
  const people = t.managerUserId !== null ? [t.managerUserId] : ownersManagers(sqlite, t);
  return send(
    sqlite,
    people,
    'complaint_approval',
    t,
    `投诉 ${t.ticketNo} 的补偿方案待审批`,
    `补偿合计 ¥${(totalFen / 100).toFixed(2)}`,
    now,
    by,
  );
}
