import type Database from 'better-sqlite3';
import { AppError } from '../../contract/errors';
import type { EventStatus } from '../../contract/event-terms';
import { eventStatusLabels } from '../../contract/event-terms';
import { prepared } from '../customers/sql-cache';

/** One event row as stored, under the contract's field names. */
export interface StoredEvent {
  id: number;
  eventNo: string;
  title: string;
  type: string;
  theme: string | null;
  startsOn: string;
  endsOn: string;
  places: string | null;
  capacityCars: number | null;
  capacityPeople: number | null;
  plannedCars: number | null;
  plannedPeople: number | null;
  ownerUserId: number | null;
  status: EventStatus;
  cancelReason: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
  invitationScript: string | null;
  confirmationScript: string | null;
  filingStatus: string;
  subsidyRequestedFen: number;
  subsidyApprovedFen: number;
  subsidyReceivedFen: number;
  manufacturerGifts: string | null;
  summaryDueOn: string | null;
  summaryStrengths: string | null;
  summaryShortcomings: string | null;
  summaryImprovements: string | null;
  summaryPublicity: string | null;
  summarySubmittedAt: string | null;
  summarySubmittedBy: number | null;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
  version: number;
}

export const eventColumns = `id, event_no as eventNo, title, type, theme, starts_on as startsOn, ends_on as endsOn,
  places, capacity_cars as capacityCars, capacity_people as capacityPeople, planned_cars as plannedCars,
  planned_people as plannedPeople, owner_user_id as ownerUserId, status, cancel_reason as cancelReason,
  approved_by as approvedBy, approved_at as approvedAt, invitation_script as invitationScript,
  confirmation_script as confirmationScript, filing_status as filingStatus,
  subsidy_requested_fen as subsidyRequestedFen, subsidy_approved_fen as subsidyApprovedFen,
  subsidy_received_fen as subsidyReceivedFen, manufacturer_gifts as manufacturerGifts,
  summary_due_on as summaryDueOn, summary_strengths as summaryStrengths,
  summary_shortcomings as summaryShortcomings, summary_improvements as summaryImprovements,
  summary_publicity as summaryPublicity, summary_submitted_at as summarySubmittedAt,
  summary_submitted_by as summarySubmittedBy, created_at as createdAt, created_by as createdBy,
  updated_at as updatedAt, version`;

export function findEvent(sqlite: Database.Database, id: number): StoredEvent | undefined {
  return prepared(sqlite, `select ${eventColumns} from events where id = ?`).get(id) as
    StoredEvent | undefined;
}

export function readEvent(sqlite: Database.Database, id: number): StoredEvent {
  const e = findEvent(sqlite, id);
  if (!e) throw new AppError('not_found', `活动（编号 ${id}）不存在或已被删除`);
  return e;
}

/** A refusal of one form field: the message shows on the form beside it. */
export const fieldError = (field: string, message: string) =>
  new AppError('validation', message, { fields: { [field]: message } });

/** The version the editor loaded must still be the stored one (writes without a field merge). */
export function checkVersion(e: StoredEvent, version: number): void {
  if (e.version !== version) {
    throw new AppError('conflict', `活动 ${e.eventNo} 在您编辑期间已被他人修改，请刷新后再保存`);
  }
}

/**
 * The event changed with one of its parts: a new update time, and a new version when the part is one the
 * event form's version guards (the agenda, the status). Checklist ticks, budget lines and photos do not bump
 * it: a colleague ticking a task must not make the manager's open plan stale.
 */
export function touchEvent(sqlite: Database.Database, id: number, now: string, bump = false): number {
  return prepared(
    sqlite,
    `update events set updated_at = ?, version = version + ? where id = ? returning version`,
  )
    .pluck()
    .get(now, bump ? 1 : 0, id) as number;
}

/** The step may be taken only in these states; otherwise say which state the event is in. */
export function requireStatus(
  e: StoredEvent,
  allowed: readonly EventStatus[],
  what: string,
  field?: string,
): void {
  if (allowed.includes(e.status)) return;
  const message = `活动${eventStatusLabels[e.status]}，不能${what}`;
  throw field ? fieldError(field, message) : new AppError('validation', message);
}

/** The staff member (active) a field names, or a clear refusal of that field. */
export function checkStaff(
  sqlite: Database.Database,
  userId: number | null | undefined,
  field: string,
): void {
  if (userId == null) return;
  const ok = prepared(sqlite, 'select 1 from users where id = ? and disabled = 0').get(userId);
  if (!ok) throw fieldError(field, '所选员工不存在或已停用');
}

export type StaffRef = { id: number; name: string } | null;

/** id → {id, name} for the people a page names, in one query. */
export function staffNames(
  sqlite: Database.Database,
  ids: Iterable<number | null>,
): (id: number | null) => StaffRef {
  const wanted = [...new Set([...ids].filter((i): i is number => i !== null))];
  const names = new Map<number, string>();
  if (wanted.length > 0) {
    const rows = sqlite
      .prepare(`select id, display_name as name from users where id in (${wanted.map(() => '?').join(',')})`)
      .all(...wanted) as { id: number; name: string }[];
    for (const r of rows) names.set(r.id, r.name);
  }
  return (id) => (id === null ? null : { id, name: names.get(id) ?? `用户 ${id}` });
}
