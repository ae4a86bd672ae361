import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CallbackOutcome, CallbackRuleCode, CallPanel } from '../../contract/callbacks';
import { reachedOutcomes } from '../../contract/callbacks';
import { AppError } from '../../contract/errors';
import type { TaskSnapshot } from '../callbacks/outcome-effects';
import { prepared } from '../customers/sql-cache';
import { applyAnswer } from './invitation-answers';
import { loadEvent } from './invitation-event';
import { capacityOf } from './invitee-list';
import type { InviteeSnapshot, StoredInvitee } from './invitee-store';
import { inviteeOfTask, snapshotInvitees, writeInvitee } from './invitee-store';

export const eventRuleCodes: readonly CallbackRuleCode[] = ['event_invitation', 'event_confirmation'];
export const isEventRule = (code: CallbackRuleCode) => eventRuleCodes.includes(code);

/** What recording an event call changed on the list, kept on the attempt so an undo puts it back. */
export interface EventCallEffects {
  inviteesBefore: InviteeSnapshot[];
  inviteesAfter: { id: number; version: number }[];
  /** Calls the answer ended (a second confirmation no longer needed), as they were. */
  tasksBefore: TaskSnapshot[];
}

type RecordInput = ChannelParsedInput<'callbacks.record'>;
type RecordedEvent = ChannelOutput<'callbacks.record'>['event'];

const endedWithoutReaching: Partial<
  Record<CallbackOutcome, { status: 'declined' | 'unreachable'; reason?: string }>
> = {
  refused: { status: 'declined', reason: '拒绝接听回访' },
  do_not_call: { status: 'declined', reason: '要求勿扰' },
};

/**
 * The event side of a recorded call, inside its transaction: the answer on the invitee (seats, waiting list,
 * second confirmation), or, for an invitation call that ended without reaching the customer (out of tries,
 * refused), the invitee marked unreachable or declined; a reached call without an answer still counts as
 * reached for the funnel.
 */
export function recordEventCall(
  sqlite: Database.Database,
  call: {
    tasks: readonly { id: number; rule_code: CallbackRuleCode }[];
    ended: ReadonlySet<number>;
    outcome: CallbackOutcome;
    answer: RecordInput['event'];
    at: Date;
  },
): { event: RecordedEvent; effects: EventCallEffects | null; createdTaskIds: number[] } {
  const now = call.at.toISOString();
  const eventTasks = call.tasks
    .filter((t) => isEventRule(t.rule_code))
    .flatMap((t) => {
      const found = inviteeOfTask(sqlite, t.id);
      return found ? [{ taskId: t.id, ...found }] : [];
    });
  if (call.answer && !eventTasks.length) {
    throw new AppError('validation', '本次通话没有活动邀约或二次确认任务，不能记录活动答复', {
      fields: { event: '没有活动任务' },
    });
  }
  if (!eventTasks.length) return { event: null, effects: null, createdTaskIds: [] };
  let target: (typeof eventTasks)[number] | undefined;
  if (call.answer) {
    const wanted = call.answer.taskId;
    target = wanted !== undefined ? eventTasks.find((t) => t.taskId === wanted) : eventTasks[0];
    if (!target) throw new AppError('validation', '指定的活动任务不在本次通话中');
    if (wanted === undefined && eventTasks.length > 1) {
      throw new AppError('validation', '本次通话有多个活动任务，请指明答复的是哪一个活动');
    }
  }
  const ids = [...new Set(eventTasks.map((t) => t.invitee.id))];
  const inviteesBefore = snapshotInvitees(sqlite, ids);
  const reached = (reachedOutcomes as readonly string[]).includes(call.outcome);
  let event: RecordedEvent = null;
  let tasksBefore: TaskSnapshot[] = [];
  const createdTaskIds: number[] = [];
  for (const t of eventTasks) {
    if (t === target && call.answer) {
      const out = applyAnswer(sqlite, t.invitee.id, call.answer, call.at, 'call');
      tasksBefore = out.tasksBefore;
      if (out.confirmationTaskId !== null) createdTaskIds.push(out.confirmationTaskId);
      const offer = out.offerId !== null ? offerOf(sqlite, out.offerId) : null;
      event = {
        inviteeId: out.inviteeId,
        status: out.status,
        waitlisted: out.waitlisted,
        signupNo: out.signupNo,
        message: out.message,
        confirmationTaskId: out.confirmationTaskId,
        offer,
      };
      continue;
    }
    const invitee: StoredInvitee = t.invitee;
    if (reached && invitee.reached_at === null) {
      writeInvitee(sqlite, invitee.id, { reached_at: now }, now);
    } else if (
      !reached &&
      t.kind === 'invitation' &&
      call.ended.has(t.taskId) &&
      (invitee.status === 'pending' || invitee.status === 'undecided')
    ) {
      const end = endedWithoutReaching[call.outcome] ?? { status: 'unreachable' as const };
      writeInvitee(
        sqlite,
        invitee.id,
        end.reason ? { status: end.status, decline_reason: end.reason } : { status: end.status },
        now,
      );
    }
  }
  const inviteesAfter = snapshotInvitees(sqlite, ids).map((r) => ({ id: r.id, version: r.version }));
  const changed = inviteesAfter.some((a) => inviteesBefore.find((b) => b.id === a.id)?.version !== a.version);
  return {
    event,
    effects: changed || tasksBefore.length ? { inviteesBefore, inviteesAfter, tasksBefore } : null,
    createdTaskIds,
  };
}

function offerOf(sqlite: Database.Database, inviteeId: number) {
  return prepared(
    sqlite,
    `select i.id as inviteeId, c.id as customerId, c.name from event_invitees i join customers c on c.id = i.customer_id
     where i.id = ?`,
  ).get(inviteeId) as { inviteeId: number; customerId: number; name: string };
}

/** 2026-05-18 → 5月18日; the year is said only when it is not this one. */
function dayLabel(date: string, thisYear: string): string {
  const [y, m, d] = date.split('-');
  return `${y === thisYear ? '' : `${y}年`}${Number(m)}月${Number(d)}日`;
}

export function datesLabel(startsOn: string, endsOn: string, today: string): string {
  const year = today.slice(0, 4);
  if (startsOn === endsOn) return dayLabel(startsOn, year);
  return `${dayLabel(startsOn, year)}至${dayLabel(endsOn, startsOn.slice(0, 4))}`;
}

/** The agenda in a line for the script and the panel: 「5月18日 08:00 店内集合出发；…」, at most six items. */
function agendaLine(sqlite: Database.Database, eventId: number, today: string): string {
  const items = prepared(
    sqlite,
    `select day, time, place, item from event_agenda_items where event_id = ? order by day, time is not null, time, sort, id`,
  ).all(eventId) as { day: string; time: string | null; place: string | null; item: string }[];
  if (!items.length) return '详见活动通知';
  const year = today.slice(0, 4);
  const parts = items
    .slice(0, 6)
    .map(
      (i) =>
        `${dayLabel(i.day, year)}${i.time ? ` ${i.time}` : ''} ${i.item}${i.place ? `（${i.place}）` : ''}`,
    );
  return parts.join('；') + (items.length > 6 ? '等' : '');
}

export interface EventCallInfo {
  panel: NonNullable<CallPanel['reasons'][number]['event']>;
  script: { event: string; dates: string; place: string; agenda: string };
  /** The event's own script for this kind of call, when it has one (else the rule's). */
  ownScript: string | null;
}

/** What the call screen shows for an event call, and the values its script placeholders take. */
export function eventCallInfo(
  sqlite: Database.Database,
  taskId: number,
  today: string,
): EventCallInfo | null {
  const found = inviteeOfTask(sqlite, taskId);
  if (!found) return null;
  const { invitee, kind } = found;
  const e = loadEvent(sqlite, invitee.event_id);
  const capacity = capacityOf(sqlite, e);
  const dates = datesLabel(e.startsOn, e.endsOn, today);
  const agenda = agendaLine(sqlite, e.id, today);
  return {
    panel: {
      kind,
      eventId: e.id,
      eventNo: e.eventNo,
      inviteeId: invitee.id,
      title: e.title,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      dates,
      places: e.places,
      agenda,
      carsLeft: capacity.carsLeft,
      peopleLeft: capacity.peopleLeft,
      status: invitee.status,
      signupNo: invitee.signup_no,
      cars: invitee.cars,
      adults: invitee.adults,
      children: invitee.children,
      declineReason: invitee.decline_reason,
    },
    script: { event: e.title, dates, place: e.places ?? '店内', agenda },
    ownScript: kind === 'invitation' ? e.invitationScript : e.confirmationScript,
  };
}
