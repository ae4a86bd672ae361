import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate, optionalDate, optionalMobile, optionalText, version } from './fields';

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
export const lostReasonCategories = ['price', 'product', 'service', 'competitor', 'finance', 'other'] as const;

/** The fields staff type on the customer form; used by the form resolver and by main. */
export const customerFields = z
  .object({
    name: z.string().trim().min(1, '请填写客户姓名').max(50, '姓名不能超过 50 个字'),
    gender: z.enum(genders).nullish(),
    birthday: optionalDate,
    mobile: optionalMobile,
    mobile2: optionalMobile,
    wechat: optionalText(50),
    address: optionalText(200),
    district: optionalText(30),
    occupation: optionalText(50),
    industry: optionalText(50),
    employer: optionalText(100),
    isCompany: z.boolean().default(false),
    sourceChannel: z.enum(sourceChannels).default('walk_in'),
    referrerId: id.nullish(),
    stage: z.enum(stages).default('lead'),
    leadGrade: z.enum(leadGrades).nullish(),
    purchaseNeed: optionalText(500),
    budgetFen: z.number().int().min(0).nullish(),
    currentCar: optionalText(100),
    outcomeReason: optionalText(500),
    lostReasonCategory: z.enum(lostReasonCategories).nullish(),
    doNotContact: z.boolean().default(false),
    tags: z.array(z.string().trim().min(1).max(20)).max(30).default([]),
    notes: optionalText(2000),
  })
  .refine((c) => c.mobile || c.wechat, { message: '手机号码和微信至少填写一项', path: ['mobile'] })
  .refine((c) => c.sourceChannel !== 'referral' || c.referrerId, {
    message: '老客户推荐请选择推荐人',
    path: ['referrerId'],
  });
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
      tag: z.string().max(20).optional(),
      district: z.string().max(30).optional(),
      series: z.string().max(50).optional(),
      lastVisitFrom: isoDate.optional(),
      lastVisitTo: isoDate.optional(),
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
  occupation: z.string().nullable(),
  industry: z.string().nullable(),
  employer: z.string().nullable(),
  isCompany: z.boolean(),
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
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type CustomerDetail = z.infer<typeof customerDetail>;

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
  }),
  'customers.get': channel({
    summary: 'One customer card',
    access: 'customers.read',
    input: z.object({ id }),
    output: customerDetail,
  }),
  'customers.create': channel({
    summary: 'Create a customer card',
    access: 'customers.write',
    input: customerFields,
    output: customerDetail,
  }),
  'customers.update': channel({
    summary: 'Edit a customer card; refused with conflict when the copy edited was stale',
    access: 'customers.write',
    input: z.object({ id, version, fields: customerFields }),
    output: customerDetail,
  }),
};
