import type Database from 'better-sqlite3';
import type { EventStatus } from '../../contract/event-terms';
import { eventStatusLabels } from '../../contract/event-terms';
import { AppError } from '../../contract/errors';
import { prepared } from '../customers/sql-cache';

/** What the invitation work reads of an event. */
export interface InvitationEvent {
  id: number;
  eventNo: string;
  title: string;
  status: EventStatus;
  startsOn: string;
  endsOn: string;
  places: string | null;
  capacityCars: number | null;
  capacityPeople: number | null;
  invitationScript: string | null;
  confirmationScript: string | null;
}

export function loadEvent(sqlite: Database.Database, id: number): InvitationEvent {
  const e = prepared(
    sqlite,
    `select id, event_no as eventNo, title, status, starts_on as startsOn, ends_on as endsOn, places,
       capacity_cars as capacityCars, capacity_people as capacityPeople, invitation_script as invitationScript,
       confirmation_script as confirmationScript
     from events where id = ?`,
  ).get(id) as InvitationEvent | undefined;
  if (!e) throw new AppError('not_found', '该活动不存在或已被删除');
  return e;
}

/** The target list is built while the event is being prepared or invited to. */
export const listOpenStatuses: readonly EventStatus[] = ['draft', 'approved', 'inviting'];
/** Sign-ups and answers are taken until the event is over. */
export const signupOpenStatuses: readonly EventStatus[] = ['draft', 'approved', 'inviting', 'running'];

export function requireStatus(e: InvitationEvent, allowed: readonly EventStatus[], doing: string): void {
  if (allowed.includes(e.status)) return;
  throw new AppError(
    'validation',
    `活动「${e.title}」${eventStatusLabels[e.status]}，不能${doing}（仅限${allowed.map((s) => eventStatusLabels[s]).join('、')}的活动）`,
  );
}
