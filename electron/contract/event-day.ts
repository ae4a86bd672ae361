import { z } from 'zod';
import { channel, personalSpot } from './channel';
import { inviteeOrigins, inviteeStatuses } from './event-terms';
import { id, mobile, personName } from './fields';

/**
 * The day (签到 at the venue, walk-ins, the paper sign-in sheet) and what the event brought afterwards
 * (results and ROI). Everything needs events.manage: the venue laptop is signed in by the event's staff.
 *
 * When check-in is open: an event that is running, or approved / inviting on one of its own days (staff at
 * the door need not remember to press 活动开始 first). Before the first day, after the last one or once done,
 * summarised or cancelled, check-in is refused.
 */

const status = z.enum(inviteeStatuses);
const origin = z.enum(inviteeOrigins);
const count = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max}`);

/** How a lookup row matched the typed text, best first. */
export const checkinMatches = ['signup_no', 'mobile', 'plate', 'mobile_tail', 'name', 'pinyin'] as const;
export type CheckinMatch = (typeof checkinMatches)[number];
export const checkinMatchLabels: Record<CheckinMatch, string> = {
  signup_no: '报名号',
  mobile: '手机号',
  plate: '车牌',
  mobile_tail: '手机尾号',
  name: '姓名',
  pinyin: '拼音',
};

/** The counts the event page and the door show: who has arrived so far. */
export const arrivalCounts = z.object({
  checkedInInvitees: z.number(),
  checkedInCars: z.number(),
  checkedInPeople: z.number(),
  capacityCars: z.number().nullable(),
  capacityPeople: z.number().nullable(),
});
export type ArrivalCounts = z.infer<typeof arrivalCounts>;

export const checkinRow = z.object({
  inviteeId: z.number(),
  signupNo: z.number().nullable(),
  /** The mobile is personal: masked by the router for whoever may not see it. */
  customer: z.object({ id: z.number(), name: z.string(), mobile: z.string().nullable() }),
  /** The customer's current plates. */
  plates: z.array(z.string()),
  status,
  origin,
  cars: z.number(),
  adults: z.number(),
  children: z.number(),
  match: z.enum(checkinMatches),
  checkedIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  checkedInCars: z.number().nullable(),
  checkedInPeople: z.number().nullable(),
  version: z.number(),
});
export type CheckinRow = z.infer<typeof checkinRow>;

/** What a check-in (or walk-in, or undo) changed, with the door's counts after it. */
export const checkinResult = z.object({
  inviteeId: z.number(),
  eventId: z.number(),
  /** Null: the row left the list (a walk-in's check-in taken back). */
  status: status.nullable(),
  /** Where the invitee stood before the tap. */
  previousStatus: status.nullable(),
  checkedInAt: z.string().nullable(),
  checkedInCars: z.number().nullable(),
  checkedInPeople: z.number().nullable(),
  /** Something the door should say aloud: came although they declined or cancelled, over the capacity… */
  notices: z.array(z.string()),
  counts: arrivalCounts,
  version: z.number(),
});
export type CheckinResult = z.infer<typeof checkinResult>;

export const walkInResult = checkinResult.extend({
  customerId: z.number(),
  /** A lead card was created for a person who was not a customer yet. */
  leadCreated: z.boolean(),
  overCapacity: z.object({ cars: z.boolean(), people: z.boolean() }),
});
export type WalkInResult = z.infer<typeof walkInResult>;

export const signInSheetRow = z.object({
  inviteeId: z.number(),
  customerId: z.number(),
  signupNo: z.number().nullable(),
  name: z.string(),
  /**
   * Always masked by the service (138****1234), whoever prints it: the paper lies open on a table at the
   * venue. So it is no personal spot for the router: there is nothing left to mask.
   */
  maskedMobile: z.string().nullable(),
  plates: z.array(z.string()),
  cars: z.number(),
  adults: z.number(),
  children: z.number(),
  status,
  checkedIn: z.boolean(),
});
export type SignInSheetRow = z.infer<typeof signInSheetRow>;

/** A ratio of two fen amounts: percent is an integer (rounded half up), null when the cost is not positive. */
export const roiFigure = z.object({
  attributedRevenueFen: z.number(),
  netCostFen: z.number(),
  percent: z.number().nullable(),
  /** Which customers, which window and which money: written next to the figure. */
  rule: z.string(),
});
export type RoiFigure = z.infer<typeof roiFigure>;

/** The results of one group of customers (the attendees, or the invited who stayed away). */
export const resultGroup = z.object({
  /** Customers of the group (attendees: checked in; comparison: invited but absent). */
  customers: z.number(),
  /** Customers who name one of the group as their referrer (customers.referrer_id), whenever they came. */
  referredPeople: z.number(),
  /** Of those, created within the window: the referrals the event brought. */
  referrals: z.number(),
  /** Lead cards created within the window among the group and the people they referred. */
  leadsCreated: z.number(),
  /** Null: the system keeps no record of test drives (they are only mentioned in visit notes). */
  testDrives: z.number().nullable(),
  deliveries: z.object({
    count: z.number(),
    /** Sum of the delivered cars' prices (fen); cars without a price are counted but add nothing. */
    revenueFen: z.number(),
    withoutPrice: z.number(),
  }),
  service: z.object({
    visits: z.number(),
    revenueFen: z.number(),
    previousVisits: z.number(),
    previousRevenueFen: z.number(),
    /** Window revenue less the previous period's: what the service ROI counts. */
    upliftFen: z.number(),
  }),
  complaints: z.number(),
  salesRoi: roiFigure,
  serviceRoi: roiFigure,
});
export type ResultGroup = z.infer<typeof resultGroup>;

/** One group's window figures per customer; null when the group is empty. */
const perCustomer = z.object({
  /** Service revenue uplift (window less the period before) per customer, fen rounded. */
  serviceUpliftFen: z.number().nullable(),
  /** Delivered cars' price per customer (the group and the people they referred), fen rounded. */
  deliveryRevenueFen: z.number().nullable(),
  /** Cars delivered per customer of the group (0–1 and up). */
  deliveriesPerCustomer: z.number().nullable(),
});

export const comparison = z.object({
  /** One line for the screen: who the comparison group is and how the two are set side by side. */
  definition: z.string(),
  attendees: perCustomer,
  absent: perCustomer,
  /**
   * What the attendees brought beyond what they would have at the comparison group's rate (attendees' total
   * less the comparison's per-customer figure × attendees), fen; null without a comparison group.
   */
  extraServiceFen: z.number().nullable(),
  extraSalesFen: z.number().nullable(),
  /** Those extras over the net cost, integer percent; null without a comparison group or a positive cost. */
  extraServiceRoiPercent: z.number().nullable(),
  extraSalesRoiPercent: z.number().nullable(),
});
export type ResultComparison = z.infer<typeof comparison>;

export const eventResults = z.object({
  eventId: z.number(),
  windowDays: z.number(),
  /** The window counted: the event's first day through its last day plus windowDays (both ends counted). */
  window: z.object({ from: z.string(), to: z.string() }),
  /** The period before, of windowDays days ending the day before the event, that service is compared with. */
  previous: z.object({ from: z.string(), to: z.string() }),
  /** The window has not closed yet (figures still growing). */
  windowOpen: z.boolean(),
  cost: z.object({
    plannedFen: z.number(),
    actualFen: z.number(),
    /** Actuals when any line has one, else the plan. */
    basis: z.enum(['actual', 'planned']),
    subsidyReceivedFen: z.number(),
    netCostFen: z.number(),
  }),
  attendees: resultGroup,
  /** Invited (on the list, never checked in) customers: the same figures, for comparison. */
  absent: resultGroup,
  /** The attendees against the comparison group, per customer so groups of different sizes compare. */
  comparison: comparison,
  /**
   * Whether the store keeps the data a figure is made of at all: false shows 无数据 (never 0). Test drives
   * are not recorded; service and deliveries are when any visit / delivery is on file.
   */
  recorded: z.object({ testDrives: z.boolean(), serviceVisits: z.boolean(), deliveries: z.boolean() }),
  testDrivesNote: z.string(),
});
export type EventResults = z.infer<typeof eventResults>;

const inviteeRef = z.object({ inviteeId: id });

const walkInLead = z.object({
  name: personName(50, '请填写姓名'),
  mobile,
  /** The customer who brought them (a friend of an owner). */
  referredById: id.nullish(),
});

export const eventDayContract = {
  'events.checkinLookup': channel({
    summary:
      'Check-in lookup at the venue: up to 20 of the event’s people by plate or its tail, phone tail, name, pinyin or sign-up number',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      q: z.string().trim().min(1, '请输入车牌、手机尾号、姓名或报名号').max(30, '搜索内容不能超过 30 个字'),
    }),
    output: z.object({ rows: z.array(checkinRow), counts: arrivalCounts }),
    personal: { spots: [personalSpot('rows[].customer', ['mobile'])] },
  }),
  'events.checkIn': channel({
    summary: 'Mark an invitee arrived with the cars and people who came (refused twice: 已签到)',
    access: 'events.manage',
    input: inviteeRef.extend({
      cars: count('车辆数', 20),
      people: count('人数', 50).min(1, '到场人数至少为 1'),
    }),
    output: checkinResult,
    touches: ['events'],
  }),
  'events.undoCheckIn': channel({
    summary:
      'Take back a mistaken check-in: the invitee returns to where they stood (a walk-in leaves the list)',
    access: 'events.manage',
    input: inviteeRef,
    output: checkinResult,
    touches: ['events'],
  }),
  'events.walkIn': channel({
    summary:
      'Someone not on the list arrives: a customer (customerId) or a new lead card (source 活动, referral), checked in at once',
    access: 'events.manage',
    input: z
      .object({
        eventId: id,
        customerId: id.nullish(),
        newLead: walkInLead.nullish(),
        cars: count('车辆数', 20),
        people: count('人数', 50).min(1, '到场人数至少为 1'),
      })
      .refine((v) => Boolean(v.customerId) !== Boolean(v.newLead), {
        message: '请选择已有客户，或填写新客户的姓名和手机号（二选一）',
        path: ['customerId'],
      }),
    output: walkInResult,
    touches: ['events', 'customers'],
  }),
  'events.signInSheet': channel({
    summary: 'Rows of the printable 签到表 and car-sticker list, by sign-up number; phones always masked',
    access: 'events.manage',
    input: z.object({ eventId: id }),
    output: z.object({
      eventId: z.number(),
      eventNo: z.string(),
      title: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      places: z.string().nullable(),
      rows: z.array(signInSheetRow),
      totals: z.object({ invitees: z.number(), cars: z.number(), adults: z.number(), children: z.number() }),
    }),
  }),
  'events.results': channel({
    summary:
      'What the event brought in the window after it: leads, deliveries, service revenue, referrals, complaints, ROI for sales and service; the absent as comparison',
    access: 'events.manage',
    input: z.object({ eventId: id }),
    output: eventResults,
  }),
};
