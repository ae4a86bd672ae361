import { z } from 'zod';
import { idNumberBirthday, idNumberGender, normalizeIdNumber, validateIdNumber } from '../common/id-number';
import { personalFields } from '../common/personal-mask';
import { channel, personalSpot } from './channel';
import { isMaskedValue, orMasked } from './personal-data';
import {
  consentChannels,
  consentEvidenceMax,
  consentHistoryItem,
  consentPurposes,
  consentsDetail,
} from './consent';
import {
  id,
  isoDate,
  optionalDate,
  optionalMobile,
  optionalPersonName,
  optionalText,
  personName,
  version,
  editBase,
} from './fields';
import { loyaltyTiers } from './loyalty-terms';
import { vehicleDetail, visitTimelineItem, visitTypes } from './vehicles';

export const genders = ['male', 'female'] as const;
export const sourceChannels = [
  'walk_in',
  'phone',
  'website',
  'vertical_platform',
  'social_media',
  'referral',
  'event',
  'other',
] as const;
export const stages = ['lead', 'intent', 'new_owner', 'owner', 'vip', 'lost', 'churned', 'dormant'] as const;
export const leadGrades = ['A', 'B', 'C'] as const;
export const baseGrades = ['premium', 'potential', 'normal'] as const;
export const lostReasonCategories = [
  'price',
  'product',
  'service',
  'competitor',
  'finance',
  'other',
] as const;
export type Stage = (typeof stages)[number];
export type BaseGrade = (typeof baseGrades)[number];

export const contactChannels = ['phone', 'wechat', 'sms'] as const;

/** ID number (sensitive): normalised (full width, spaces, lower-case x) and checked per GB 11643. */
export const optionalIdNumber = z
  .string()
  .transform(normalizeIdNumber)
  .superRefine((v, c) => {
    if (v === '') return;
    const check = validateIdNumber(v);
    if (!check.ok) c.addIssue({ code: 'custom', message: `身份证号无效：${check.reason}` });
  })
  .transform((v) => (v === '' ? null : v))
  .nullish();

/** How the customer likes to be approached; every part optional. */
export const customerPreferences = z.object({
  contactChannel: z.enum(contactChannels).nullish(),
  /** Free text such as 工作日晚上 or 周末上午. */
  contactTime: optionalText(30),
  color: optionalText(20),
  note: optionalText(200),
});

/** The fields staff type on the customer form; used by the form resolver and by main. */
export const customerFields = z
  .object({
    name: personName(50, '请填写客户姓名'),
    gender: z.enum(genders).nullish(),
    birthday: optionalDate,
    // Personal fields may come back as the mask their editor saw: unchanged (see orMasked).
    mobile: orMasked(optionalMobile),
    mobile2: orMasked(optionalMobile),
    wechat: orMasked(optionalText(50)),
    address: orMasked(optionalText(200)),
    district: optionalText(30),
    idNumber: orMasked(optionalIdNumber),
    occupation: optionalText(50),
    industry: optionalText(50),
    employer: optionalText(100),
    isCompany: z.boolean().default(false),
    /** A company is spoken to through a person (联系人) and their title (职务): 「宏图贸易 李经理」. */
    contactPerson: optionalPersonName(30),
    contactTitle: optionalText(20),
    sourceChannel: z.enum(sourceChannels).default('walk_in'),
    referrerId: id.nullish(),
    /**
     * The stage staff choose (潜客/意向/战败; VIP as an upgrade). Once the customer owns a car the rules decide:
     * see electron/domain/customers/customer-rules/lifecycle-stage.ts for the precedence.
     */
    stage: z.enum(stages).default('lead'),
    leadGrade: z.enum(leadGrades).nullish(),
    purchaseNeed: optionalText(500),
    budgetFen: z.number().int().min(0).nullish(),
    currentCar: optionalText(100),
    outcomeReason: optionalText(500),
    lostReasonCategory: z.enum(lostReasonCategories).nullish(),
    doNotContact: z.boolean().default(false),
    tags: z.array(z.string().trim().min(1).max(20)).max(30).default([]),
    preferences: customerPreferences.nullish(),
    notes: optionalText(2000),
  })
  .refine((c) => c.mobile || c.wechat, { message: '手机号码和微信至少填写一项', path: ['mobile'] })
  .refine((c) => c.sourceChannel !== 'referral' || c.referrerId, {
    message: '老客户推荐请选择推荐人',
    path: ['referrerId'],
  })
  .refine(
    (c) =>
      !c.idNumber || isMaskedValue(c.idNumber) || !c.birthday || idNumberBirthday(c.idNumber) === c.birthday,
    {
      message: '出生日期与身份证号不一致',
      path: ['birthday'],
    },
  )
  .refine(
    (c) => !c.idNumber || isMaskedValue(c.idNumber) || !c.gender || idNumberGender(c.idNumber) === c.gender,
    {
      message: '性别与身份证号不一致',
      path: ['gender'],
    },
  );
export type CustomerFieldsInput = z.input<typeof customerFields>;

export const customerSorts = ['lastVisit', 'created', 'name'] as const;

export const customerListInput = z.object({
  limit: z.number().int().min(1).max(500).default(50),
  sort: z.enum(customerSorts).default('lastVisit'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  /** Opaque keyset cursor from the previous page; deep pages stay as fast as the first. */
  cursor: z.string().max(200).nullish(),
  filters: z
    .object({
      stages: z.array(z.enum(stages)).max(10).optional(),
      baseGrades: z.array(z.enum(baseGrades)).max(3).optional(),
      /** 会员等级 (普通 is everyone without a higher tier, members or not). */
      tiers: z.array(z.enum(loyaltyTiers)).max(4).optional(),
      tag: z.string().max(20).optional(),
      district: z.string().max(30).optional(),
      series: z.string().max(50).optional(),
      lastVisitFrom: isoDate.optional(),
      lastVisitTo: isoDate.optional(),
      /** What the search box takes (name, pinyin, mobile or its last 4, plate or its tail, VIN or its end). */
      text: z.string().trim().min(1).max(50, '搜索内容不能超过 50 个字').optional(),
    })
    .default({}),
});

export const customerRow = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(genders).nullable(),
  mobile: z.string().nullable(),
  district: z.string().nullable(),
  stage: z.enum(stages),
  baseGrade: z.enum(baseGrades).nullable(),
  sourceChannel: z.enum(sourceChannels),
  plates: z.string().nullable(),
  series: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CustomerRow = z.infer<typeof customerRow>;

export const preferencesDetail = z.object({
  contactChannel: z.enum(contactChannels).nullable(),
  contactTime: z.string().nullable(),
  color: z.string().nullable(),
  note: z.string().nullable(),
});
export type PreferencesDetail = z.infer<typeof preferencesDetail>;

export const customerDetail = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(genders).nullable(),
  birthday: z.string().nullable(),
  mobile: z.string().nullable(),
  mobile2: z.string().nullable(),
  wechat: z.string().nullable(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  idNumber: z.string().nullable(),
  occupation: z.string().nullable(),
  industry: z.string().nullable(),
  employer: z.string().nullable(),
  isCompany: z.boolean(),
  contactPerson: z.string().nullable(),
  contactTitle: z.string().nullable(),
  sourceChannel: z.enum(sourceChannels),
  referrerId: z.number().nullable(),
  stage: z.enum(stages),
  leadGrade: z.enum(leadGrades).nullable(),
  baseGrade: z.enum(baseGrades).nullable(),
  purchaseNeed: z.string().nullable(),
  budgetFen: z.number().nullable(),
  currentCar: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  lostReasonCategory: z.enum(lostReasonCategories).nullable(),
  doNotContact: z.boolean(),
  doNotContactAt: z.string().nullable(),
  tags: z.array(z.string()),
  preferences: preferencesDetail,
  consents: consentsDetail,
  notes: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type CustomerDetail = z.infer<typeof customerDetail>;

/**
 * A stale save's conflict: the card as saved now, and who saved it when (savedBy is null when the last change
 * was not someone's save of the card, e.g. a call-back outcome or an import).
 */
export const customerConflictDetails = z.object({
  current: customerDetail,
  /** The fields both editors changed, differently; the others merged. */
  clashes: z.array(z.string()),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type CustomerConflictDetails = z.infer<typeof customerConflictDetails>;

/** Details of the not_found a merged-away customer's id gets: the live customer its data now lives on. */
export const mergedIntoDetails = z.object({ mergedInto: z.object({ id: z.number(), name: z.string() }) });
export type MergedIntoDetails = z.infer<typeof mergedIntoDetails>;

/** Contact kinds on the timeline; call-backs, complaints and events are written by their own domains. */
export const interactionKinds = [
  'call',
  'visit',
  'note',
  'sms',
  'wechat',
  'callback',
  'complaint',
  'event',
] as const;
/** What staff log by hand on the card (event attendance too, until the events domain records it). */
export const loggableInteractionKinds = ['call', 'visit', 'note', 'sms', 'wechat', 'event'] as const;
/** Timeline filter values: the six service-visit types and the contact kinds. */
export const timelineKinds = [...visitTypes, ...interactionKinds] as const;

export const interactionTimelineItem = z.object({
  source: z.literal('interaction'),
  id: z.number(),
  /** ISO timestamp; also the sort key. */
  at: z.string(),
  kind: z.enum(interactionKinds),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  summary: z.string(),
  userName: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.number().nullable(),
  /** A call-back outcome undone as recorded by mistake: by whom, when, why (absent on other entries). */
  undone: z.object({ at: z.string(), userName: z.string().nullable(), reason: z.string() }).nullish(),
});
export type InteractionTimelineItem = z.infer<typeof interactionTimelineItem>;

export const timelineItem = z.discriminatedUnion('source', [visitTimelineItem, interactionTimelineItem]);
export type TimelineItem = z.infer<typeof timelineItem>;

export const timelinePage = z.object({ items: z.array(timelineItem), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof timelinePage>;

export const timelineInput = z.object({
  customerId: id,
  /** Only these kinds; absent or empty means everything. */
  kinds: z.array(z.enum(timelineKinds)).max(timelineKinds.length).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).nullish(),
});

const explained = <T extends z.ZodType>(value: T) => z.object({ value, reason: z.string() });

export const loyaltyPart = z.object({
  key: z.enum(['satisfaction', 'maintenance', 'events', 'promotion']),
  label: z.string(),
  points: z.number(),
  max: z.number(),
  reason: z.string(),
});

export const customerCard = z.object({
  customer: customerDetail,
  referrer: z.object({ id: z.number(), name: z.string() }).nullable(),
  referred: z.object({
    total: z.number(),
    /** The first 50 by date of the card; `total` counts them all. */
    rows: z.array(
      z.object({ id: z.number(), name: z.string(), stage: z.enum(stages), hasPurchased: z.boolean() }),
    ),
  }),
  /** Vehicles the customer owns now; sold ones stay in the vehicle's history. */
  vehicles: z.array(vehicleDetail),
  derived: z.object({
    /** The store's date the rules were applied on. */
    asOf: z.string(),
    stage: explained(z.enum(stages)),
    baseGrade: explained(z.enum(baseGrades).nullable()),
    loyalty: z.object({ total: z.number(), max: z.number(), parts: z.array(loyaltyPart) }),
    last12Months: z.object({ from: z.string(), to: z.string(), visits: z.number(), revenueFen: z.number() }),
  }),
  timeline: timelinePage,
});
export type CustomerCard = z.infer<typeof customerCard>;

/** A customer detail (card, saved card) is all five personal fields of one customer. */
const cardSpot = personalSpot('', personalFields);

export const customersContract = {
  'customers.list': channel({
    summary: 'A page of customers, sorted and filtered, with the total',
    access: 'customers.read',
    input: customerListInput,
    output: z.object({
      rows: z.array(customerRow),
      /** Counted on the first page only; later pages return null. */
      total: z.number().nullable(),
      nextCursor: z.string().nullable(),
    }),
    personal: { spots: [personalSpot('rows[]', ['mobile'])] },
  }),
  'customers.get': channel({
    summary: 'One customer card',
    access: 'customers.read',
    input: z.object({ id }),
    output: customerDetail,
    personal: { spots: [cardSpot], cardView: true },
  }),
  'customers.card': channel({
    summary:
      'The whole customer card: details, referrals, consents, vehicles, derived figures and the timeline',
    access: 'customers.read',
    input: z.object({ id }),
    output: customerCard,
    personal: { spots: [personalSpot('customer', personalFields)], cardView: true },
  }),
  'customers.timeline': channel({
    summary: 'Service visits and contacts of a customer, newest first, filtered by kind, by keyset pages',
    access: 'customers.read',
    input: timelineInput,
    output: timelinePage,
  }),
  'customers.setConsent': channel({
    touches: ['customers', 'callbacks'],
    changedCustomers: (input) => [input.customerId],
    summary:
      "Record the customer's answer for one consent purpose, dated now: current state, a consent_history row and an audit row together; a withdrawal skips open call-backs of that purpose at once",
    access: 'customers.write',
    input: z.object({
      customerId: id,
      purpose: z.enum(consentPurposes),
      granted: z.boolean(),
      channel: z.enum(consentChannels),
      /** Paper form number, call recording id… */
      evidence: optionalText(consentEvidenceMax),
    }),
    output: consentsDetail,
  }),
  'customers.consentHistory': channel({
    summary:
      'Every consent answer recorded for the customer (and on cards merged into it), newest first; append-only',
    access: 'customers.read',
    input: z.object({ customerId: id }),
    output: z.object({ items: z.array(consentHistoryItem) }),
  }),
  'interactions.create': channel({
    touches: ['customers'],
    changedCustomers: (input) => [input.customerId],
    summary: 'Log a call, showroom visit, message, note or event attendance on a customer',
    access: 'customers.write',
    input: z.object({
      customerId: id,
      kind: z.enum(loggableInteractionKinds),
      direction: z.enum(['inbound', 'outbound']).nullish(),
      /** When it happened; now when absent. */
      occurredAt: z.iso.datetime({ offset: true, message: '时间格式无效' }).nullish(),
      summary: z.string().trim().min(1, '请填写内容').max(1000, '内容不能超过 1000 个字'),
    }),
    output: interactionTimelineItem,
  }),
  'customers.create': channel({
    touches: ['customers', 'callbacks'],
    // The referrer's card lists the customers it referred.
    changedCustomers: (_, card) => [card.id, card.referrerId],
    summary: 'Create a customer card',
    access: 'customers.write',
    input: customerFields,
    output: customerDetail,
    personal: { spots: [cardSpot] },
  }),
  'customers.update': channel({
    touches: ['customers', 'callbacks'],
    // The new referrer's card gains a row; the old one's shows this customer already (renderer/src/live).
    changedCustomers: (_, card) => [card.id, card.referrerId],
    summary: 'Edit a customer card; refused with conflict when the copy edited was stale',
    access: 'customers.write',
    input: z.object({ id, version, fields: customerFields, base: editBase }),
    output: customerDetail,
    personal: { spots: [cardSpot], errorSpots: [personalSpot('current', personalFields)] },
  }),
};
