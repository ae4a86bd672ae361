import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { customerFields } from '../../contract/customers';
import type { EventCapacity, InviteeRow } from '../../contract/event-invitations';
import { inviteeStatusLabels } from '../../contract/event-terms';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { createCustomer } from '../customers/customer-card';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { isErasedCard } from '../subject-requests/erasure-guard';
import type { AnswerInput, AnswerOutcome } from './invitation-answers';
import { applyAnswer } from './invitation-answers';
import type { InvitationEvent } from './invitation-event';
import { loadEvent, requireStatus, signupOpenStatuses } from './invitation-event';
import { capacityOf, inviteeRowOf } from './invitee-list';
import { readInvitee } from './invitee-store';
import { fits } from './seats';

type Sqlite = AuthedContext['db']['$client'];

interface SeatResult {
  invitee: InviteeRow;
  waitlisted: boolean;
  message: string;
  confirmationTaskId: number | null;
  capacity: EventCapacity;
}

function resultOf(sqlite: Sqlite, event: InvitationEvent, out: AnswerOutcome): SeatResult {
  return {
    invitee: inviteeRowOf(sqlite, out.inviteeId),
    waitlisted: out.waitlisted,
    message: out.message,
    confirmationTaskId: out.confirmationTaskId,
    capacity: capacityOf(sqlite, event),
  };
}

/**
 * The card of someone who is not a customer yet (a forum member, a customer's friend): a lead with source
 * channel 活动 and the referral link, made by the customers domain so search keys and derived facts are right.
 * A mobile that already belongs to a customer is refused: that customer is the one to add.
 */
function createLead(
  ctx: AuthedContext,
  event: InvitationEvent,
  lead: NonNullable<ChannelParsedInput<'events.addInvitee'>['newLead']>,
): number {
  const sqlite = ctx.db.$client;
  const holder = prepared(
    sqlite,
    `select id, name from customers where (mobile = @m or mobile2 = @m) and merged_into_id is null
     order by id limit 1`,
  ).get({ m: lead.mobile }) as { id: number; name: string } | undefined;
  if (holder) {
    const message = `手机号已是客户「${holder.name}」（客户编号 ${holder.id}）的号码，请直接选择该客户`;
    throw new AppError('validation', message, {
      fields: { 'newLead.mobile': message },
      customerId: holder.id,
    });
  }
  if (lead.referredById) requireCustomer(sqlite, lead.referredById, '推荐人');
  const card = createCustomer(
    ctx,
    customerFields.parse({
      name: lead.name,
      mobile: lead.mobile,
      stage: 'lead',
      sourceChannel: 'event',
      referrerId: lead.referredById ?? null,
      notes: `通过活动 ${event.eventNo}「${event.title}」报名`,
    }),
  );
  return card.id;
}

/** Puts one person on the list: a customer, or someone new as a lead card; accepted goes through the seats. */
export function addInvitee(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.addInvitee'>,
): ChannelOutput<'events.addInvitee'> {
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const now = at.toISOString();
  const run = sqlite.transaction(() => {
    const event = loadEvent(sqlite, input.eventId);
    requireStatus(event, signupOpenStatuses, '添加报名人');
    let customerId: number;
    let createdCustomerId: number | null = null;
    if (input.customerId !== undefined) {
      customerId = requireCustomer(sqlite, input.customerId).id;
      if (isErasedCard(sqlite, customerId)) {
        throw new AppError('validation', '该客户的个人信息已按本人请求删除（匿名化），不能加入活动名单');
      }
      const listed = prepared(
        sqlite,
        'select status from event_invitees where event_id = ? and customer_id = ?',
      )
        .pluck()
        .get(event.id, customerId) as keyof typeof inviteeStatusLabels | undefined;
      if (listed) {
        throw new AppError('validation', `该客户已在本活动名单中（${inviteeStatusLabels[listed]}）`);
      }
    } else {
      customerId = createLead(ctx, event, input.newLead!);
      createdCustomerId = customerId;
    }
    if (input.status === 'accepted') {
      // Checked before the row exists, so a refused sign-up leaves nothing behind.
      const people = (input.adults ?? 0) + (input.children ?? 0);
      if (people < 1) {
        const message = '报名人数至少 1 人，请填写成人和儿童人数';
        throw new AppError('validation', message, { fields: { adults: message } });
      }
    }
    const inviteeId = Number(
      prepared(
        sqlite,
        `insert into event_invitees (event_id, customer_id, origin, status, cars, adults, children, referred_by_id,
           notes, created_at, updated_at)
         values (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.id,
        customerId,
        createdCustomerId !== null ? 'new_lead' : 'added',
        input.cars ?? 0,
        input.adults ?? 0,
        input.children ?? 0,
        input.newLead?.referredById ?? null,
        input.notes ?? null,
        now,
        now,
      ).lastInsertRowid,
    );
    const out: AnswerOutcome =
      input.status === 'accepted'
        ? applyAnswer(sqlite, inviteeId, { answer: 'accepted' }, at, 'manager')
        : {
            inviteeId,
            eventId: event.id,
            status: 'pending',
            waitlisted: false,
            signupNo: null,
            message: '已加入名单，待邀约',
            confirmationTaskId: null,
            offerId: null,
            tasksBefore: [],
          };
    return { ...resultOf(sqlite, event, out), createdCustomerId };
  });
  return run.immediate();
}

/** Checks the invitee exists (not_found otherwise) and returns its event. */
function eventOfInvitee(sqlite: Sqlite, inviteeId: number): InvitationEvent {
  return loadEvent(sqlite, readInvitee(sqlite, inviteeId).event_id);
}

/** A manager records an answer given outside a call (at the counter, on WeChat, at a forum). */
export function recordAnswer(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.recordAnswer'>,
): ChannelOutput<'events.recordAnswer'> {
  const sqlite = ctx.db.$client;
  const run = sqlite.transaction(() => {
    const event = eventOfInvitee(sqlite, input.inviteeId);
    const answer: AnswerInput = input;
    const out = applyAnswer(sqlite, input.inviteeId, answer, ctx.clock(), 'manager');
    return {
      ...resultOf(sqlite, event, out),
      offer: out.offerId !== null ? inviteeRowOf(sqlite, out.offerId) : null,
    };
  });
  return run.immediate();
}

export function cancelSignup(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.cancelSignup'>,
): ChannelOutput<'events.cancelSignup'> {
  const sqlite = ctx.db.$client;
  const run = sqlite.transaction(() => {
    const event = eventOfInvitee(sqlite, input.inviteeId);
    const out = applyAnswer(
      sqlite,
      input.inviteeId,
      { answer: 'cancelled', reason: input.reason ?? null },
      ctx.clock(),
      'manager',
    );
    return {
      invitee: inviteeRowOf(sqlite, out.inviteeId),
      offer: out.offerId !== null ? inviteeRowOf(sqlite, out.offerId) : null,
      capacity: capacityOf(sqlite, event),
    };
  });
  return run.immediate();
}

/** Gives a waitlisted invitee the seats, the capacity checked again: full still is refused, nothing changes. */
export function promoteWaitlisted(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.promoteWaitlisted'>,
): ChannelOutput<'events.promoteWaitlisted'> {
  const sqlite = ctx.db.$client;
  const run = sqlite.transaction(() => {
    const invitee = readInvitee(sqlite, input.inviteeId);
    const event = loadEvent(sqlite, invitee.event_id);
    if (invitee.status !== 'waitlisted') {
      throw new AppError('validation', `该客户${inviteeStatusLabels[invitee.status]}，不在候补名单中`);
    }
    const room = fits(sqlite, event, invitee, invitee);
    if (!room.ok) throw new AppError('validation', `名额仍不足（${room.shortBy}），暂不能补上`);
    const out = applyAnswer(sqlite, invitee.id, { answer: 'accepted' }, ctx.clock(), 'manager');
    return resultOf(sqlite, event, out);
  });
  return run.immediate();
}
