import type Database from 'better-sqlite3';
import type { ConfirmationAnswer, InvitationAnswer, InviteeStatus } from '../../contract/event-terms';
import { inviteeStatusLabels } from '../../contract/event-terms';
import { AppError } from '../../contract/errors';
import type { TaskSnapshot } from '../callbacks/outcome-effects';
import { snapshotTasks } from '../callbacks/outcome-effects';
import { localDate } from '../clock';
import { prepared } from '../customers/sql-cache';
import type { InvitationEvent } from './invitation-event';
import { loadEvent, requireStatus, signupOpenStatuses } from './invitation-event';
import { cancelOpenTask, createConfirmationTask } from './invitation-tasks';
import type { InviteeChange, StoredInvitee } from './invitee-store';
import { readInvitee, writeInvitee } from './invitee-store';
import type { Seats } from './seats';
import { firstFittingWaitlisted, fits, holdsSeats, nextSignupNo, signupLabel } from './seats';

export type Answer = InvitationAnswer | ConfirmationAnswer;

export interface AnswerInput {
  answer: Answer;
  cars?: number | undefined;
  adults?: number | undefined;
  children?: number | undefined;
  reason?: string | null | undefined;
}

/** Who records the answer: the operator on the event's call, or a manager from the list (answer given elsewhere). */
export type AnswerSource = 'call' | 'manager';

export interface AnswerOutcome {
  inviteeId: number;
  eventId: number;
  status: InviteeStatus;
  waitlisted: boolean;
  signupNo: number | null;
  message: string;
  /** The second-confirmation call created by this answer. */
  confirmationTaskId: number | null;
  /** A cancellation freed seats: the first waitlisted invitee who now fits. */
  offerId: number | null;
  /** Tasks this answer ended (a second confirmation no longer needed), as they were before. */
  tasksBefore: TaskSnapshot[];
}

/** The statuses each answer may be given from. */
const answerFrom: Record<Answer, readonly InviteeStatus[]> = {
  accepted: [
    'pending',
    'undecided',
    'unreachable',
    'declined',
    'cancelled',
    'waitlisted',
    'accepted',
    'confirmed',
  ],
  declined: ['pending', 'undecided', 'unreachable', 'declined', 'waitlisted'],
  undecided: ['pending', 'undecided', 'unreachable', 'declined'],
  confirmed: ['accepted', 'confirmed'],
  cancelled: ['accepted', 'confirmed', 'waitlisted'],
};

function refuseFrom(invitee: StoredInvitee, answer: Answer): never {
  const now = inviteeStatusLabels[invitee.status];
  if (holdsSeats(invitee.status) && (answer === 'declined' || answer === 'undecided')) {
    throw new AppError('validation', `该客户${now}，如不再参加请记录「取消参加」`);
  }
  if (answer === 'confirmed') throw new AppError('validation', `该客户${now}，尚未报名，不能二次确认`);
  if (answer === 'cancelled') throw new AppError('validation', `该客户${now}，没有可取消的报名`);
  throw new AppError('validation', `该客户${now}，不能再记录这个答复`);
}

const seatsText = (s: Seats) =>
  `${s.cars} 辆车，${s.adults} 位成人${s.children ? `、${s.children} 位儿童` : ''}`;

function waitlistPosition(sqlite: Database.Database, id: number): number {
  return prepared(
    sqlite,
    `select count(*) from event_invitees w join event_invitees i on i.id = ?
     where w.event_id = i.event_id and w.status = 'waitlisted' and (w.waitlist_at, w.id) <= (i.waitlist_at, i.id)`,
  )
    .pluck()
    .get(id) as number;
}

/** Whether the invitee's second confirmation call is still to come (open, or skipped until contact is allowed). */
function confirmationPending(sqlite: Database.Database, taskId: number | null): boolean {
  if (taskId === null) return false;
  const status = prepared(sqlite, 'select status from callback_tasks where id = ?').pluck().get(taskId);
  return status === 'open' || status === 'skipped';
}

/**
 * Records one answer on the event's list, inside the caller's transaction: seats checked against the
 * capacity (over it an accept goes on the waiting list; a head-count change of a sign-up that does not fit is
 * refused), a sign-up number at acceptance, the second confirmation call created, a cancellation's open calls
 * ended and the first waitlisted invitee who now fits returned as the offer.
 */
export function applyAnswer(
  sqlite: Database.Database,
  inviteeId: number,
  input: AnswerInput,
  at: Date,
  source: AnswerSource,
): AnswerOutcome {
  const now = at.toISOString();
  const invitee = readInvitee(sqlite, inviteeId);
  const event = loadEvent(sqlite, invitee.event_id);
  requireStatus(event, signupOpenStatuses, '记录报名答复');
  if (!answerFrom[input.answer].includes(invitee.status)) refuseFrom(invitee, input.answer);
  const reachedAt = invitee.reached_at ?? now;
  const tasksBefore: TaskSnapshot[] = [];
  const endTask = (taskId: number | null, reason: string) => {
    if (taskId === null) return;
    const before = snapshotTasks(sqlite, [taskId])[0];
    if (before?.status === 'open' && cancelOpenTask(sqlite, taskId, reason, now)) tasksBefore.push(before);
  };
  const base = { inviteeId, eventId: event.id, confirmationTaskId: null, offerId: null, tasksBefore };
  const done = (
    change: InviteeChange,
    message: string,
    extra: Partial<AnswerOutcome> = {},
  ): AnswerOutcome => {
    writeInvitee(sqlite, inviteeId, change, now);
    const after = readInvitee(sqlite, inviteeId);
    return {
      ...base,
      status: after.status,
      waitlisted: after.status === 'waitlisted',
      signupNo: after.signup_no,
      message,
      ...extra,
    };
  };

  // An answer the manager got by other means makes the invitation call unnecessary (undecided: still call).
  if (source === 'manager' && input.answer !== 'undecided') {
    endTask(invitee.invitation_task_id, '已由经理记录答复');
  }
  switch (input.answer) {
    case 'accepted':
      return accept(sqlite, event, invitee, seatsOf(invitee, input), at, done);
    case 'confirmed': {
      const seats = seatsOf(invitee, input);
      const room = fits(sqlite, event, invitee, seats);
      if (!room.ok)
        throw new AppError('validation', `名额不足（${room.shortBy}），不能改为${seatsText(seats)}`);
      if (source === 'manager') endTask(invitee.confirmation_task_id, '已由经理记录二次确认结果');
      return done(
        { status: 'confirmed', ...seats, confirmed_at: now, reached_at: reachedAt },
        `已二次确认，报名号 ${signupLabel(invitee.signup_no ?? 0)}（${seatsText(seats)}）`,
      );
    }
    case 'cancelled': {
      const freed = holdsSeats(invitee.status);
      endTask(invitee.confirmation_task_id, '客户已取消报名');
      const out = done(
        {
          status: 'cancelled',
          cancelled_at: now,
          waitlist_at: null,
          decline_reason: input.reason ?? null,
          reached_at: reachedAt,
        },
        freed ? '已取消报名，名额已释放' : '已取消候补',
      );
      const offerId = freed ? firstFittingWaitlisted(sqlite, event) : null;
      return { ...out, offerId, message: offerId ? `${out.message}；候补名单中有人可补上` : out.message };
    }
    case 'declined':
      return done(
        {
          status: 'declined',
          decline_reason: input.reason ?? null,
          cars: 0,
          adults: 0,
          children: 0,
          waitlist_at: null,
          reached_at: reachedAt,
        },
        '已记录：谢绝参加',
      );
    case 'undecided':
      return done({ status: 'undecided', reached_at: reachedAt }, '已记录：待定，约定再联系');
  }
}

/** The answer's cars and people, the invitee's current ones where the answer leaves them out. */
function seatsOf(invitee: StoredInvitee, input: AnswerInput): Seats {
  const seats = {
    cars: input.cars ?? invitee.cars,
    adults: input.adults ?? invitee.adults,
    children: input.children ?? invitee.children,
  };
  if (seats.adults + seats.children < 1) {
    const message = '报名人数至少 1 人，请填写成人和儿童人数';
    throw new AppError('validation', message, { fields: { adults: message } });
  }
  return seats;
}

function accept(
  sqlite: Database.Database,
  event: InvitationEvent,
  invitee: StoredInvitee,
  seats: Seats,
  at: Date,
  done: (change: InviteeChange, message: string, extra?: Partial<AnswerOutcome>) => AnswerOutcome,
): AnswerOutcome {
  const now = at.toISOString();
  const room = fits(sqlite, event, invitee, seats);
  const reachedAt = invitee.reached_at ?? now;
  if (!room.ok) {
    if (holdsSeats(invitee.status)) {
      throw new AppError(
        'validation',
        `名额不足（${room.shortBy}），不能改为${seatsText(seats)}；如需增加请先扩大活动名额`,
      );
    }
    const out = done(
      {
        status: 'waitlisted',
        ...seats,
        waitlist_at: invitee.status === 'waitlisted' ? invitee.waitlist_at : now,
        decline_reason: null,
        cancelled_at: null,
        reached_at: reachedAt,
      },
      '',
    );
    const position = waitlistPosition(sqlite, invitee.id);
    return {
      ...out,
      message: `活动名额已满（${room.shortBy}），已列入候补第 ${position} 位（${seatsText(seats)}）`,
    };
  }
  const signupNo = invitee.signup_no ?? nextSignupNo(sqlite, event.id);
  const keepConfirmed = invitee.status === 'confirmed';
  let confirmationTaskId: number | null = null;
  if (!keepConfirmed && !confirmationPending(sqlite, invitee.confirmation_task_id)) {
    confirmationTaskId = createConfirmationTask(sqlite, event, invitee, localDate(at), now);
  }
  const change: InviteeChange = {
    status: keepConfirmed ? 'confirmed' : 'accepted',
    ...seats,
    signup_no: signupNo,
    accepted_at: invitee.accepted_at ?? now,
    reached_at: reachedAt,
    waitlist_at: null,
    decline_reason: null,
    cancelled_at: null,
  };
  if (confirmationTaskId !== null) change.confirmation_task_id = confirmationTaskId;
  const changed = holdsSeats(invitee.status) ? '报名人数已更新' : '已报名';
  return done(change, `${changed}，报名号 ${signupLabel(signupNo)}（${seatsText(seats)}）`, {
    confirmationTaskId,
  });
}
