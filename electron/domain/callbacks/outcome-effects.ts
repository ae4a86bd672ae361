import type Database from 'better-sqlite3';
import type { EventCallEffects } from '../events/event-calls';
import { stmt } from './statements';

/** Every column of a task that recording an outcome may change, as it was before. */
export interface TaskSnapshot {
  id: number;
  status: string;
  skip_reason: string | null;
  attempts: number;
  next_attempt_at: string | null;
  assigned_user_id: number | null;
  claimed_by: number | null;
  claim_expires_at: string | null;
  last_outcome: string | null;
  notes: string | null;
  completed_at: string | null;
  completed_by: number | null;
  updated_at: string;
  version: number;
}

/**
 * What recording one outcome changed, stored on the attempt (callback_attempts.effects) so that a mistake can be
 * undone exactly: the tasks before and after, the customer's do-not-contact flag before, and what it created.
 */
export interface OutcomeEffects {
  /** The tasks the call was about, and (do-not-contact) every other open task it skipped: before recording. */
  tasksBefore: TaskSnapshot[];
  /** The same tasks right after recording: anything different later means somebody has worked them since. */
  tasksAfter: TaskSnapshot[];
  /** The card's flag before a do-not-contact outcome set it; null when the outcome left the card alone. */
  customerBefore: { doNotContact: boolean; doNotContactAt: string | null } | null;
  /** A dissatisfied-answer follow-up task this call created (deleted on undo). */
  createdTaskIds: number[];
  /** A follow-up that already existed today and got this call's notes appended: its notes before. */
  appendedTask: { id: number; notes: string | null; updatedAt: string } | null;
  csiSurveyIds: number[];
  interactionId: number | null;
  /** A 结案回访 answer put on a complaint ticket (and whether it reopened it): such a call is not undone. */
  complaintClosure?: { ticketId: number; reopened: boolean } | null;
  /** An event call's answer on the list (and the calls it ended): put back on undo. */
  eventCall?: EventCallEffects | null;
}

const snapshotColumns = `id, status, skip_reason, attempts, next_attempt_at, assigned_user_id, claimed_by,
  claim_expires_at, last_outcome, notes, completed_at, completed_by, updated_at, version`;

export function snapshotTasks(sqlite: Database.Database, ids: readonly number[]): TaskSnapshot[] {
  return stmt(
    sqlite,
    `select ${snapshotColumns} from callback_tasks where id in (select value from json_each(?)) order by id`,
  ).all(JSON.stringify(ids)) as TaskSnapshot[];
}

export function openTaskIdsOf(sqlite: Database.Database, customerId: number): number[] {
  return stmt(sqlite, `select id from callback_tasks where customer_id = ? and status = 'open'`)
    .pluck()
    .all(customerId) as number[];
}

/** The fields that say whether a task is still as recording left it (a claim alone is not work). */
export function sameWork(a: TaskSnapshot, b: TaskSnapshot): boolean {
  return (
    a.status === b.status &&
    a.attempts === b.attempts &&
    a.last_outcome === b.last_outcome &&
    a.skip_reason === b.skip_reason &&
    a.next_attempt_at === b.next_attempt_at &&
    a.assigned_user_id === b.assigned_user_id
  );
}
