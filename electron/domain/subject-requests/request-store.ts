import type Database from 'better-sqlite3';
import { maskMobile } from '../../common/personal-mask';
import { addWorkingDays, workingDaysBetween } from '../../common/working-days';
import type {
  SubjectRequestDetail,
  SubjectRequestEvent,
  SubjectRequestEventAction,
  SubjectRequestRow,
  SubjectRequestState,
} from '../../contract/subject-requests';
import {
  defaultDeadlineWorkingDays,
  dueSoonWorkingDays,
  openSubjectRequestStates,
} from '../../contract/subject-requests';
import { AppError } from '../../contract/errors';
import { storeDateTimeLabel } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

/** A subject_requests row joined with its customer and handler, as the desk reads it. */
export interface StoredRequest {
  id: number;
  customerId: number;
  customerName: string;
  customerMobile: string | null;
  erasedAt: string | null;
  kind: SubjectRequestRow['kind'];
  channel: SubjectRequestRow['channel'];
  identityCheck: SubjectRequestDetail['identityCheck'];
  identityNote: string | null;
  receivedOn: string;
  deadline: string;
  state: SubjectRequestState;
  refusalReason: string | null;
  handlerUserId: number | null;
  handlerName: string | null;
  notes: string | null;
  createdAt: string;
  createdByName: string | null;
  updatedAt: string;
  closedAt: string | null;
  version: number;
}

export const requestSelectSql = `select r.id, r.customer_id as customerId, c.name as customerName,
    c.mobile as customerMobile, e.erased_at as erasedAt, r.kind, r.channel, r.identity_check as identityCheck,
    r.identity_note as identityNote, r.received_on as receivedOn, r.deadline, r.state,
    r.refusal_reason as refusalReason, r.handler_user_id as handlerUserId, h.display_name as handlerName,
    r.notes, r.created_at as createdAt, cb.display_name as createdByName, r.updated_at as updatedAt,
    r.closed_at as closedAt, r.version
  from subject_requests r
  join customers c on c.id = r.customer_id
  left join customer_erasures e on e.customer_id = r.customer_id
  left join users h on h.id = r.handler_user_id
  left join users cb on cb.id = r.created_by`;

export function defaultDeadline(receivedOn: string): string {
  return addWorkingDays(receivedOn, defaultDeadlineWorkingDays);
}

/** The desk's view of a request on store day `today`: working days left, overdue, due soon. */
export function toRow(r: StoredRequest, today: string): SubjectRequestRow {
  const open = openSubjectRequestStates.includes(r.state);
  const left = workingDaysBetween(today, r.deadline);
  const overdue = open && today > r.deadline;
  return {
    id: r.id,
    customerId: r.customerId,
    customerName: r.customerName,
    customerErased: r.erasedAt !== null,
    kind: r.kind,
    channel: r.channel,
    receivedOn: r.receivedOn,
    deadline: r.deadline,
    state: r.state,
    handler: r.handlerUserId ? { id: r.handlerUserId, name: r.handlerName ?? `#${r.handlerUserId}` } : null,
    workingDaysLeft: left,
    overdue,
    dueSoon: open && !overdue && left <= dueSoonWorkingDays,
    updatedAt: r.updatedAt,
  };
}

export function readStoredRequest(sqlite: Database.Database, id: number): StoredRequest {
  const row = prepared(sqlite, `${requestSelectSql} where r.id = ?`).get(id) as StoredRequest | undefined;
  if (!row) throw new AppError('not_found', `权利请求 #${id} 不存在`);
  return row;
}

export function readEvents(sqlite: Database.Database, requestId: number): SubjectRequestEvent[] {
  return prepared(
    sqlite,
    `select id, at, user_name as userName, action, from_state as fromState, to_state as toState, note
     from subject_request_events where request_id = ? order by id`,
  ).all(requestId) as SubjectRequestEvent[];
}

export function readDetail(sqlite: Database.Database, id: number, today: string): SubjectRequestDetail {
  const r = readStoredRequest(sqlite, id);
  return {
    ...toRow(r, today),
    identityCheck: r.identityCheck,
    identityNote: r.identityNote,
    refusalReason: r.refusalReason,
    notes: r.notes,
    createdAt: r.createdAt,
    createdBy: r.createdByName,
    closedAt: r.closedAt,
    defaultDeadline: defaultDeadline(r.receivedOn),
    customerPhoneMasked: r.customerMobile ? maskMobile(r.customerMobile) : null,
    erasedAt: r.erasedAt,
    events: readEvents(sqlite, id),
    version: r.version,
  };
}

export interface EventEntry {
  action: SubjectRequestEventAction;
  fromState?: SubjectRequestState | null;
  toState?: SubjectRequestState | null;
  note?: string | null;
}

/** One line of the request's history; call inside the transaction of the change it records. */
export function addEvent(ctx: AuthedContext, requestId: number, entry: EventEntry): void {
  prepared(
    ctx.db.$client,
    `insert into subject_request_events (request_id, at, user_id, user_name, action, from_state, to_state, note)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    requestId,
    ctx.clock().toISOString(),
    ctx.user.id,
    ctx.user.displayName,
    entry.action,
    entry.fromState ?? null,
    entry.toState ?? null,
    entry.note ?? null,
  );
}

/** The request, refused with conflict when another desk changed it since this one read it. */
export function requireCurrent(sqlite: Database.Database, id: number, version: number): StoredRequest {
  const r = readStoredRequest(sqlite, id);
  if (r.version !== version) {
    throw new AppError(
      'conflict',
      `权利请求 #${id} 已被他人更新（${storeDateTimeLabel(new Date(r.updatedAt))}），请刷新后重试`,
    );
  }
  return r;
}

export function requireOpen(r: StoredRequest): void {
  if (!openSubjectRequestStates.includes(r.state)) {
    throw new AppError('conflict', `权利请求 #${r.id} 已${r.state === 'done' ? '办结' : '拒绝'}，不能再处理`);
  }
}
