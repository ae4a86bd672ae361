import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../common/working-time';
import type { ComplaintSettings, GradeTargets } from '../../contract/complaint-settings';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintGrade,
  ComplaintState,
} from '../../contract/complaint-terms';
import type { TicketRow, TimerStatus } from '../../contract/complaints';
import type { Stage } from '../../contract/customers';
import { AppError } from '../../contract/errors';
import { prepared } from '../customers/sql-cache';
import type { TicketTiming } from './sla-timers';
import { summarise, timersAt } from './sla-timers';

/** A ticket as the services read it: its columns and the names of what it points at. */
export interface StoredTicket {
  id: number;
  ticketNo: string;
  customerId: number;
  customerName: string;
  customerMobile: string | null;
  customerStage: Stage;
  customerBaseGrade: string | null;
  vehicleId: number | null;
  vin: string | null;
  plate: string | null;
  brand: string | null;
  series: string | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  description: string;
  grade: ComplaintGrade;
  targets: string | null;
  state: ComplaintState;
  resumeState: ComplaintState | null;
  isRepeat: number;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
  managerUserId: number | null;
  managerName: string | null;
  receivedAt: string;
  firstResponseAt: string | null;
  solutionAgreedAt: string | null;
  closedAt: string | null;
  manufacturerCaseNo: string | null;
  manufacturerDueAt: string | null;
  updatedAt: string;
  version: number;
}

export const ticketColumns = `t.id, t.ticket_no as ticketNo, t.customer_id as customerId, c.name as customerName,
  c.mobile as customerMobile, c.stage as customerStage, c.base_grade as customerBaseGrade, t.vehicle_id as vehicleId,
  v.vin, v.plate, v.brand, v.series, t.channel, t.category, t.description, t.grade, t.targets, t.state,
  t.resume_state as resumeState, t.is_repeat as isRepeat, t.department_id as departmentId,
  d.code as departmentCode, d.name as departmentName, t.owner_user_id as ownerUserId, uo.display_name as ownerName,
  t.manager_user_id as managerUserId, um.display_name as managerName, t.received_at as receivedAt,
  t.first_response_at as firstResponseAt, t.solution_agreed_at as solutionAgreedAt, t.closed_at as closedAt,
  t.manufacturer_case_no as manufacturerCaseNo, t.manufacturer_due_at as manufacturerDueAt,
  t.updated_at as updatedAt, t.version`;

export const ticketJoins = `join customers c on c.id = t.customer_id
  left join vehicles v on v.id = t.vehicle_id
  left join departments d on d.id = t.department_id
  left join users uo on uo.id = t.owner_user_id
  left join users um on um.id = t.manager_user_id`;

export function readTicket(sqlite: Database.Database, id: number): StoredTicket {
  const row = prepared(
    sqlite,
    `select ${ticketColumns} from complaint_tickets t ${ticketJoins} where t.id = ?`,
  ).get(id) as StoredTicket | undefined;
  if (!row) throw new AppError('not_found', `投诉工单（编号 ${id}）不存在`);
  return row;
}

/** The ticket on the version the caller saw, or a conflict naming what to do. */
export function readCurrent(sqlite: Database.Database, id: number, version: number): StoredTicket {
  const t = readTicket(sqlite, id);
  if (t.version !== version) {
    throw new AppError('conflict', `工单 ${t.ticketNo} 已被他人更新，请刷新后再操作`, {
      currentVersion: t.version,
    });
  }
  return t;
}

export interface PauseSpan {
  ticketId: number;
  start: string;
  end: string | null;
}

/** The pauses of these tickets, in order, by ticket. */
export function pausesOf(sqlite: Database.Database, ids: readonly number[]): Map<number, PauseSpan[]> {
  const out = new Map<number, PauseSpan[]>();
  if (ids.length === 0) return out;
  const rows = prepared(
    sqlite,
    `select ticket_id as ticketId, started_at as start, ended_at as "end" from complaint_pauses
     where ticket_id in (select value from json_each(?)) order by ticket_id, started_at, id`,
  ).all(JSON.stringify(ids)) as PauseSpan[];
  for (const p of rows) {
    const list = out.get(p.ticketId);
    if (list) list.push(p);
    else out.set(p.ticketId, [p]);
  }
  return out;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

export function targetsOf(
  t: Pick<StoredTicket, 'targets' | 'grade'>,
  settings: ComplaintSettings,
): GradeTargets {
  if (t.targets) {
    try {
      return JSON.parse(t.targets) as GradeTargets;
    } catch {
      // fall through to the settings
    }
  }
  return settings.targets[t.grade];
}

export function timingOf(
  t: StoredTicket,
  pauses: readonly PauseSpan[],
  settings: ComplaintSettings,
): TicketTiming {
  return {
    receivedAt: Date.parse(t.receivedAt),
    targets: targetsOf(t, settings),
    firstResponseAt: ms(t.firstResponseAt),
    solutionAgreedAt: ms(t.solutionAgreedAt),
    closedAt: ms(t.closedAt),
    pauses: pauses.map((p) => ({ start: Date.parse(p.start), end: ms(p.end) })),
    manufacturerDueAt: ms(t.manufacturerDueAt),
  };
}

const isVip = (t: Pick<StoredTicket, 'customerStage'>) => t.customerStage === 'vip';
/** VIP or 优质 base customer: a named manager and management involvement (DOMAIN.md). */
export const isHighValue = (c: { customerStage: string; customerBaseGrade: string | null }) =>
  c.customerStage === 'vip' || c.customerBaseGrade === 'premium';

const firstLine = (s: string) => {
  const line = s.split(/\r?\n/, 1)[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
};

export function toTicketRow(t: StoredTicket, timers: TimerStatus[]): TicketRow {
  return {
    id: t.id,
    ticketNo: t.ticketNo,
    customer: {
      id: t.customerId,
      name: t.customerName,
      mobile: t.customerMobile,
      stage: t.customerStage,
      vip: isVip(t),
      highValue: isHighValue(t),
    },
    vehicle:
      t.vehicleId === null
        ? null
        : {
            id: t.vehicleId,
            vin: t.vin ?? '',
            plate: t.plate,
            brand: t.brand ?? '',
            series: t.series ?? '',
          },
    channel: t.channel,
    category: t.category,
    grade: t.grade,
    state: t.state,
    resumeState: t.resumeState,
    isRepeat: t.isRepeat === 1,
    department:
      t.departmentId === null
        ? null
        : { id: t.departmentId, code: t.departmentCode ?? '', name: t.departmentName ?? '' },
    owner: t.ownerUserId === null ? null : { id: t.ownerUserId, name: t.ownerName ?? '' },
    manager: t.managerUserId === null ? null : { id: t.managerUserId, name: t.managerName ?? '' },
    receivedAt: t.receivedAt,
    closedAt: t.closedAt,
    summary: firstLine(t.description),
    manufacturerCaseNo: t.manufacturerCaseNo,
    sla: summarise(timers),
    timers,
    updatedAt: t.updatedAt,
  };
}

/** Rows for these stored tickets with their timers as of `now` (one pause query for the page). */
export function rowsOf(
  sqlite: Database.Database,
  tickets: readonly StoredTicket[],
  settings: ComplaintSettings,
  cal: WorkingCalendar,
  now: number,
): TicketRow[] {
  const pauses = pausesOf(
    sqlite,
    tickets.map((t) => t.id),
  );
  return tickets.map((t) =>
    toTicketRow(t, timersAt(timingOf(t, pauses.get(t.id) ?? [], settings), cal, now)),
  );
}

/**
 * Writes what the list filters and sorts on — each timer's due time, its breach flag once over, the earliest
 * running due time — from the timers as of `now`. Called in the transaction of every change that moves a
 * timer, and by the escalation pass. Breach flags are only ever set, never cleared. A ticket whose columns
 * already say so is not written (the pass runs every few minutes over every open ticket).
 */
export function storeSla(sqlite: Database.Database, ticketId: number, timers: readonly TimerStatus[]): void {
  const by = new Map(timers.map((t) => [t.timer, t]));
  const breached = (k: string) => (by.get(k as TimerStatus['timer'])?.state === 'breached' ? 1 : 0);
  const summary = summarise(timers);
  prepared(
    sqlite,
    `update complaint_tickets set first_response_due_at = @fr, solution_due_at = @solution, close_due_at = @close,
       first_response_breached = max(first_response_breached, @frB), solution_breached = max(solution_breached, @solutionB),
       close_breached = max(close_breached, @closeB), manufacturer_breached = max(manufacturer_breached, @mB),
       next_due_at = @next
     where id = @id and (first_response_due_at is not @fr or solution_due_at is not @solution
       or close_due_at is not @close or next_due_at is not @next or first_response_breached < @frB
       or solution_breached < @solutionB or close_breached < @closeB or manufacturer_breached < @mB)`,
  ).run({
    id: ticketId,
    fr: by.get('first_response')?.dueAt ?? null,
    solution: by.get('solution')?.dueAt ?? null,
    close: by.get('close')?.dueAt ?? null,
    frB: breached('first_response'),
    solutionB: breached('solution'),
    closeB: breached('close'),
    mB: breached('manufacturer'),
    next: summary.nextDueAt,
  });
}

/** Recomputes and stores one ticket's SLA columns as of `now`; returns its timers. */
export function refreshSla(
  sqlite: Database.Database,
  ticketId: number,
  settings: ComplaintSettings,
  cal: WorkingCalendar,
  now: number,
): TimerStatus[] {
  const t = readTicket(sqlite, ticketId);
  const timers = timersAt(timingOf(t, pausesOf(sqlite, [t.id]).get(t.id) ?? [], settings), cal, now);
  storeSla(sqlite, ticketId, timers);
  return timers;
}
