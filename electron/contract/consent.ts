import { z } from 'zod';

/**
 * The one home of consent purposes, channels and their Chinese names (PIPL art. 14: consent is given per
 * purpose — a yes to service notices is not a yes to marketing). The database schema, the call-back rules, the
 * card and the data-subject requests all read these, so adding a purpose here adds it everywhere.
 */
export const consentPurposes = ['service', 'care', 'marketing', 'events'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/**
 * Also the wording of call-back skip reasons stored in tasks ("客户已拒绝「客户关怀」用途的联系"), which are
 * matched to reopen a task once consent is given: renaming a label leaves older skipped tasks unmatched.
 */
export const consentPurposeLabels: Record<ConsentPurpose, string> = {
  service: '服务通知',
  care: '客户关怀',
  marketing: '营销推广',
  events: '活动邀约',
};

export const consentChannels = ['paper', 'phone', 'wechat', 'sms', 'app', 'in_person'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

export const consentChannelLabels: Record<ConsentChannel, string> = {
  paper: '纸质签字',
  phone: '电话',
  wechat: '微信',
  sms: '短信',
  app: 'App',
  in_person: '当面',
};

/**
 * How a history row came to be: recorded by staff on the card, by a data-subject request (the person
 * withdrew consent through the request desk), or carried over from the single-state table that came before
 * the ledger (its migration: when and how are known, the evidence and who recorded it are not).
 */
export const consentSources = ['staff', 'request', 'migration'] as const;
export type ConsentSource = (typeof consentSources)[number];

export const consentSourceLabels: Record<ConsentSource, string> = {
  staff: '工作人员记录',
  request: '个人信息权利请求',
  migration: '由旧授权记录导入',
};

/** Paper form number, call recording id…: short, but long enough for two of them. */
export const consentEvidenceMax = 200;

/** One purpose's latest answer; null when never asked. */
export const consentState = z
  .object({ granted: z.boolean(), recordedAt: z.string(), channel: z.enum(consentChannels) })
  .nullable();

export const consentsDetail = z.object({
  service: consentState,
  care: consentState,
  marketing: consentState,
  events: consentState,
} satisfies Record<ConsentPurpose, typeof consentState>);
export type ConsentsDetail = z.infer<typeof consentsDetail>;

/** One line of the append-only ledger (table consent_history). */
export const consentHistoryItem = z.object({
  id: z.number(),
  /** The card it was recorded on: a survivor's history also shows what was recorded on cards merged into it. */
  customerId: z.number(),
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  at: z.string(),
  channel: z.enum(consentChannels),
  evidence: z.string().nullable(),
  /** Staff member's display name as it was then; null for rows carried over from before the ledger. */
  recordedBy: z.string().nullable(),
  source: z.enum(consentSources),
});
export type ConsentHistoryItem = z.infer<typeof consentHistoryItem>;
