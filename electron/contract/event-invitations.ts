import { z } from 'zod';
import { channel, personalSpot } from './channel';
import { stages } from './customers';
import {
  confirmationAnswers,
  invitationAnswers,
  inviteeOrigins,
  inviteeStatuses,
  segmentExclusions,
} from './event-terms';
import { eventFunnel } from './event-funnel';
import { segmentFilters } from './event-segments';
import { id, isoDate, mobile, optionalText, personName } from './fields';

const taskStatus = z.enum(['open', 'done', 'expired', 'skipped', 'cancelled']);

/** Cars and people of a sign-up; whole numbers, never negative. */
const seatCount = (label: string, max: number) =>
  z.number().int(`${label}应为整数`).min(0, `${label}不能为负数`).max(max, `${label}不能超过 ${max}`);
const seats = {
  cars: seatCount('车辆数', 20).optional(),
  adults: seatCount('成人数', 50).optional(),
  children: seatCount('儿童数', 50).optional(),
};
const reason = optionalText(200);

export const savedSegment = z.object({
  id: z.number(),
  name: z.string(),
  filters: segmentFilters,
  createdBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSegment = z.infer<typeof savedSegment>;

/** One eligible customer of a preview's sample: the mobile is personal. */
const targetSample = z.object({
  id: z.number(),
  name: z.string(),
  mobile: z.string().nullable(),
  stage: z.enum(stages),
  series: z.string().nullable(),
  district: z.string().nullable(),
});

/**
 * What a segment gives for an event: everyone matching the filters, those left off and those the list would
 * take. A customer left off for several reasons counts once, under the first in the order merged/erased,
 * do-not-contact, no events consent, no mobile, recently invited, already listed.
 */
export const targetPreview = z.object({
  matched: z.number(),
  eligible: z.number(),
  exclusions: z.array(z.object({ reason: z.enum(segmentExclusions), count: z.number() })),
  /** The first 20 eligible customers. */
  sample: z.array(targetSample),
  /** The "recently invited" window used (setting inviteCooldownDays). */
  cooldownDays: z.number(),
});
export type TargetPreview = z.infer<typeof targetPreview>;

const taskState = z.object({ id: z.number(), status: taskStatus, dueDate: z.string(), attempts: z.number() });

export const inviteeRow = z.object({
  inviteeId: z.number(),
  eventId: z.number(),
  /** The invitee's customer card: the mobile is personal. */
  customer: z.object({ id: z.number(), name: z.string(), mobile: z.string().nullable() }),
  origin: z.enum(inviteeOrigins),
  status: z.enum(inviteeStatuses),
  /** 报名号, given at acceptance (1.. per event). */
  signupNo: z.number().nullable(),
  cars: z.number(),
  adults: z.number(),
  children: z.number(),
  declineReason: z.string().nullable(),
  /** 1 for the first on the waiting list; null when not waitlisted. */
  waitlistPosition: z.number().nullable(),
  waitlistAt: z.string().nullable(),
  referredBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  invitationTask: taskState.nullable(),
  confirmationTask: taskState.nullable(),
  reachedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type InviteeRow = z.infer<typeof inviteeRow>;

/** Seats an event has and holds (accepted, confirmed, checked in). Null capacity: no limit. */
export const eventCapacity = z.object({
  capacityCars: z.number().nullable(),
  capacityPeople: z.number().nullable(),
  heldCars: z.number(),
  heldPeople: z.number(),
  /** Null when that capacity is not limited. */
  carsLeft: z.number().nullable(),
  peopleLeft: z.number().nullable(),
  waitlisted: z.number(),
});
export type EventCapacity = z.infer<typeof eventCapacity>;

export { eventFunnel } from './event-funnel';
export type { EventFunnel } from './event-funnel';

/** What an accept, promotion or sign-up did: seats taken, or the waiting list when the event is full. */
const seatResult = z.object({
  invitee: inviteeRow,
  /** True when the event was full and the invitee went on the waiting list instead. */
  waitlisted: z.boolean(),
  /** Chinese sentence for the screen ("已报名，报名号 023" / "名额已满，已列入候补第 2 位"). */
  message: z.string(),
  confirmationTaskId: z.number().nullable(),
  capacity: eventCapacity,
});

const inviteeSpot = personalSpot('invitee.customer', ['mobile']);
const offerSpot = personalSpot('offer.customer', ['mobile']);

export const anyAnswer = z.enum([...invitationAnswers, ...confirmationAnswers]);

export const eventInvitationsContract = {
  'events.segments': channel({
    summary: 'Saved segments (目标客群) for target lists',
    access: 'events.manage',
    input: z.object({}),
    output: z.array(savedSegment),
  }),
  'events.saveSegment': channel({
    touches: ['events'],
    summary: 'Save a segment (new, or replace the filters and name of one)',
    access: 'events.manage',
    input: z.object({
      id: id.optional(),
      name: z.string().trim().min(1, '请填写客群名称').max(40, '客群名称不能超过 40 个字'),
      filters: segmentFilters,
    }),
    output: savedSegment,
  }),
  'events.deleteSegment': channel({
    touches: ['events'],
    summary: 'Delete a saved segment (lists built from it stay)',
    access: 'events.manage',
    input: z.object({ id }),
    output: z.object({ id: z.number() }),
  }),
  'events.previewTargets': channel({
    summary: 'How many customers a segment gives for an event, who is left off and why, and a sample',
    access: 'events.manage',
    input: z.object({ eventId: id, filters: segmentFilters }),
    output: targetPreview,
    personal: { spots: [personalSpot('sample[]', ['mobile'])] },
  }),
  'events.buildTargets': channel({
    touches: ['events'],
    summary:
      'Add the eligible customers of a segment to the event’s list (pending); building again adds only new ones',
    access: 'events.manage',
    input: z.object({ eventId: id, filters: segmentFilters, segmentId: id.optional() }),
    output: targetPreview.extend({ added: z.number() }),
    personal: { spots: [personalSpot('sample[]', ['mobile'])] },
  }),
  'events.invitees': channel({
    summary:
      'The event’s list: invitees by status or name/phone text, with counts per status and the capacity',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      status: z.array(z.enum(inviteeStatuses)).max(inviteeStatuses.length).optional(),
      text: z.string().trim().max(30).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      /** nextCursor of the previous page. */
      cursor: z.string().max(100).optional(),
    }),
    output: z.object({
      rows: z.array(inviteeRow),
      nextCursor: z.string().nullable(),
      counts: z.record(z.enum(inviteeStatuses), z.number()),
      total: z.number(),
      capacity: eventCapacity,
    }),
    personal: { spots: [personalSpot('rows[].customer', ['mobile'])] },
  }),
  'events.addInvitee': channel({
    touches: ['events', 'callbacks', 'customers'],
    summary:
      'Put one person on the list: a customer, or someone new who becomes a lead card (source 活动, referral link)',
    access: 'events.manage',
    input: z
      .object({
        eventId: id,
        customerId: id.optional(),
        newLead: z
          .object({
            name: personName(50, '请填写姓名'),
            mobile,
            referredById: id.nullish(),
          })
          .optional(),
        status: z.enum(['pending', 'accepted']).default('pending'),
        ...seats,
        notes: optionalText(500),
      })
      .refine((r) => (r.customerId === undefined) !== (r.newLead === undefined), {
        message: '请选择一位客户，或填写新报名人的姓名和手机号（二选一）',
        path: ['customerId'],
      }),
    output: seatResult.extend({
      /** The lead card created for someone who was not a customer. */
      createdCustomerId: z.number().nullable(),
    }),
    personal: { spots: [inviteeSpot] },
  }),
  'events.startInvitations': channel({
    touches: ['events', 'callbacks'],
    summary:
      'Create the invitation calls (one per pending invitee with consent) in the call-back queue; the event becomes 邀约中',
    access: 'events.manage',
    input: z.object({ eventId: id, dueDate: isoDate.optional() }),
    output: z.object({
      created: z.number(),
      /** Pending invitees left without a call and why. */
      skipped: z.object({ doNotContact: z.number(), noConsent: z.number(), alreadyHasTask: z.number() }),
      dueDate: z.string(),
      expiresOn: z.string(),
      eventStatus: z.string(),
    }),
  }),
  'events.recordAnswer': channel({
    touches: ['events', 'callbacks'],
    summary:
      'Record an invitee’s answer given outside a call (accepted, declined, undecided, confirmed, cancelled)',
    access: 'events.manage',
    input: z.object({
      inviteeId: id,
      answer: anyAnswer,
      ...seats,
      reason,
    }),
    output: seatResult.extend({
      /** A cancellation freed seats: the first waitlisted invitee who now fits. */
      offer: inviteeRow.nullable(),
    }),
    personal: { spots: [inviteeSpot, offerSpot] },
  }),
  'events.cancelSignup': channel({
    touches: ['events', 'callbacks'],
    summary:
      'Cancel a sign-up: the seats are freed and the first waitlisted invitee who fits is offered them',
    access: 'events.manage',
    input: z.object({ inviteeId: id, reason }),
    output: z.object({ invitee: inviteeRow, offer: inviteeRow.nullable(), capacity: eventCapacity }),
    personal: { spots: [inviteeSpot, offerSpot] },
  }),
  'events.promoteWaitlisted': channel({
    touches: ['events', 'callbacks'],
    summary: 'Give a waitlisted invitee the seats (capacity checked again); they are signed up with a number',
    access: 'events.manage',
    input: z.object({ inviteeId: id }),
    output: seatResult,
    personal: { spots: [inviteeSpot] },
  }),
  'events.funnel': channel({
    summary: 'The invitation funnel of an event with counts and rates, and its capacity',
    access: 'events.manage',
    input: z.object({ eventId: id }),
    output: z.object({ funnel: eventFunnel, capacity: eventCapacity }),
  }),
};
