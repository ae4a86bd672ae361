import type Database from 'better-sqlite3';
import type { InviteeStatus } from '../../contract/event-terms';
import { AppError } from '../../contract/errors';
import { prepared } from '../customers/sql-cache';

/** An event_invitees row as the writes read it. */
export interface StoredInvitee {
  id: number;
  event_id: number;
  customer_id: number;
  status: InviteeStatus;
  signup_no: number | null;
  cars: number;
  adults: number;
  children: number;
  decline_reason: string | null;
  waitlist_at: string | null;
  invitation_task_id: number | null;
  confirmation_task_id: number | null;
  reached_at: string | null;
  accepted_at: string | null;
  confirmed_at: string | null;
  cancelled_at: string | null;
  updated_at: string;
  version: number;
}

/** The columns an answer may change: what an undone call puts back. */
const answerColumns = [
  'status',
  'signup_no',
  'cars',
  'adults',
  'children',
  'decline_reason',
  'waitlist_at',
  'confirmation_task_id',
  'reached_at',
  'accepted_at',
  'confirmed_at',
  'cancelled_at',
  'updated_at',
  'version',
] as const;
export type InviteeSnapshot = Pick<StoredInvitee, 'id' | (typeof answerColumns)[number]>;

const storedSelect = `select id, event_id, customer_id, status, signup_no, cars, adults, children, decline_reason,
  waitlist_at, invitation_task_id, confirmation_task_id, reached_at, accepted_at, confirmed_at, cancelled_at,
  updated_at, version from event_invitees`;

export function readInvitee(sqlite: Database.Database, id: number): StoredInvitee {
  const row = prepared(sqlite, `${storedSelect} where id = ?`).get(id) as StoredInvitee | undefined;
  if (!row) throw new AppError('not_found', '名单中没有这位受邀人（可能已被删除）');
  return row;
}

/** The invitee an event call is about (the task is its invitation or its second confirmation). */
export function inviteeOfTask(
  sqlite: Database.Database,
  taskId: number,
): { invitee: StoredInvitee; kind: 'invitation' | 'confirmation' } | null {
  const row = prepared(
    sqlite,
    `${storedSelect} where invitation_task_id = @taskId or confirmation_task_id = @taskId order by id desc limit 1`,
  ).get({ taskId }) as StoredInvitee | undefined;
  if (!row) return null;
  return { invitee: row, kind: row.confirmation_task_id === taskId ? 'confirmation' : 'invitation' };
}

export type InviteeChange = Partial<Omit<InviteeSnapshot, 'id' | 'version' | 'updated_at'>>;

/** Writes the changed columns with the next version. */
export function writeInvitee(
  sqlite: Database.Database,
  id: number,
  change: InviteeChange,
  now: string,
): void {
  const cols = Object.keys(change) as (keyof InviteeChange)[];
  const sets = cols.map((c) => `${c} = @${c}`).join(', ');
  prepared(
    sqlite,
    `update event_invitees set ${sets}${sets ? ', ' : ''}updated_at = @now, version = version + 1 where id = @id`,
  ).run({ ...change, id, now });
}

export function snapshotInvitees(sqlite: Database.Database, ids: readonly number[]): InviteeSnapshot[] {
  return prepared(
    sqlite,
    `select id, ${answerColumns.join(', ')} from event_invitees where id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as InviteeSnapshot[];
}

/**
 * Puts rows back as they were, provided nobody has changed them since (`after`: the versions then). The version
 * moves on rather than back, so an editor holding the old copy still gets a conflict.
 */
export function restoreInvitees(
  sqlite: Database.Database,
  before: readonly InviteeSnapshot[],
  after: readonly { id: number; version: number }[],
  now: string,
): void {
  const versions = new Map(
    snapshotInvitees(
      sqlite,
      after.map((a) => a.id),
    ).map((r) => [r.id, r.version]),
  );
  for (const a of after) {
    if (versions.get(a.id) !== a.version) {
      throw new AppError(
        'conflict',
        '这通电话记录的活动报名此后已有变动（经理修改或再次回访），无法撤销，请在活动名单上更正',
      );
    }
  }
  const sets = answerColumns
    .filter((c) => c !== 'version' && c !== 'updated_at')
    .map((c) => `${c} = @${c}`)
    .join(', ');
  const restore = prepared(
    sqlite,
    `update event_invitees set ${sets}, updated_at = @now, version = version + 1 where id = @id`,
  );
  for (const b of before) restore.run({ ...b, now });
}
