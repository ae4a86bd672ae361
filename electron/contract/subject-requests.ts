import { z } from 'zod';
import { channel } from './channel';
import { consentChannels, consentPurposes } from './consent';
import { id, isoDate, optionalText, version } from './fields';

/**
 * 个人信息权利请求 (PIPL arts. 44–50): the request desk's kinds, states and their Chinese names live here once;
 * the schema, main's messages, the data package and the renderer read them.
 */
export const subjectRequestKinds = ['access', 'correct', 'delete', 'withdraw_consent'] as const;
export type SubjectRequestKind = (typeof subjectRequestKinds)[number];
export const subjectRequestKindLabels: Record<SubjectRequestKind, string> = {
  access: '查阅、复制',
  correct: '更正、补充',
  delete: '删除',
  withdraw_consent: '撤回同意',
};

export const subjectRequestStates = ['open', 'in_progress', 'done', 'refused'] as const;
export type SubjectRequestState = (typeof subjectRequestStates)[number];
export const subjectRequestStateLabels: Record<SubjectRequestState, string> = {
  open: '待处理',
  in_progress: '处理中',
  done: '已办结',
  refused: '已拒绝',
};

/** Where a state may go next; done and refused are final (a new request is recorded instead). */
export const subjectRequestTransitions: Record<SubjectRequestState, readonly SubjectRequestState[]> = {
  open: ['in_progress', 'done', 'refused'],
  in_progress: ['done', 'refused'],
  done: [],
  refused: [],
};
export const openSubjectRequestStates: readonly SubjectRequestState[] = ['open', 'in_progress'];

export const subjectRequestChannels = ['in_person', 'phone', 'letter', 'email', 'wechat', 'other'] as const;
export type SubjectRequestChannel = (typeof subjectRequestChannels)[number];
export const subjectRequestChannelLabels: Record<SubjectRequestChannel, string> = {
  in_person: '到店当面',
  phone: '电话',
  letter: '书面信函',
  email: '电子邮件',
  wechat: '微信',
  other: '其他',
};

/** How the requester was confirmed to be the person: nobody else may read or erase their data. */
export const identityChecks = ['id_document', 'phone_callback', 'known_facts', 'agent', 'other'] as const;
export type IdentityCheck = (typeof identityChecks)[number];
export const identityCheckLabels: Record<IdentityCheck, string> = {
  id_document: '核对身份证件原件',
  phone_callback: '回拨预留手机号核实',
  known_facts: '核对车辆与服务记录',
  agent: '代理人（委托书及双方证件）',
  other: '其他方式（见说明）',
};

export const subjectRequestEventActions = [
  'created',
  'state',
  'deadline',
  'handler',
  'notes',
  'package',
  'consent',
  'anonymised',
] as const;
export type SubjectRequestEventAction = (typeof subjectRequestEventActions)[number];

/** The default answer time: 15 working days on the store's calendar (national holidays and 调休 counted). */
export const defaultDeadlineWorkingDays = 15;
/** A request this close to its deadline (working days left) is flagged on the desk. */
export const dueSoonWorkingDays = 3;

const refusalReasonMessage = '拒绝请求必须说明理由（《个人信息保护法》第五十条）';

/** The fields of the new-request drawer; the form resolver and main validate with this one schema. */
export const subjectRequestFields = z
  .object({
    customerId: z.number().int().positive('请选择提出请求的客户'),
    kind: z.enum(subjectRequestKinds),
    channel: z.enum(subjectRequestChannels),
    identityCheck: z.enum(identityChecks),
    identityNote: optionalText(200),
    receivedOn: isoDate,
    /** Absent or null: 15 working days after the day received. */
    deadline: isoDate.nullish(),
    handlerUserId: id.nullish(),
    notes: optionalText(1000),
  })
  .refine((r) => !r.deadline || r.deadline >= r.receivedOn, {
    message: '答复期限不能早于收到请求的日期',
    path: ['deadline'],
  })
  .refine((r) => r.identityCheck !== 'other' || Boolean(r.identityNote), {
    message: '请说明用什么方式核实了身份',
    path: ['identityNote'],
  });
export type SubjectRequestFieldsInput = z.input<typeof subjectRequestFields>;

const staffRef = z.object({ id: z.number(), name: z.string() }).nullable();

export const subjectRequestRow = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  /** The card was anonymised on this or an earlier request. */
  customerErased: z.boolean(),
  kind: z.enum(subjectRequestKinds),
  channel: z.enum(subjectRequestChannels),
  receivedOn: z.string(),
  deadline: z.string(),
  state: z.enum(subjectRequestStates),
  handler: staffRef,
  /** Store working days from today to the deadline: 0 on the day, negative once overdue. */
  workingDaysLeft: z.number(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  updatedAt: z.string(),
});
export type SubjectRequestRow = z.infer<typeof subjectRequestRow>;

export const subjectRequestEvent = z.object({
  id: z.number(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.enum(subjectRequestEventActions),
  fromState: z.enum(subjectRequestStates).nullable(),
  toState: z.enum(subjectRequestStates).nullable(),
  note: z.string().nullable(),
});
export type SubjectRequestEvent = z.infer<typeof subjectRequestEvent>;

export const subjectRequestDetail = subjectRequestRow.extend({
  identityCheck: z.enum(identityChecks),
  identityNote: z.string().nullable(),
  refusalReason: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** What 15 working days after receipt gives, beside the deadline actually set. */
  defaultDeadline: z.string(),
  /** The person's phone, masked, so the desk can tell two people of the same name apart. */
  customerPhoneMasked: z.string().nullable(),
  /** When the card was anonymised on this request. */
  erasedAt: z.string().nullable(),
  events: z.array(subjectRequestEvent),
  version: z.number(),
});
export type SubjectRequestDetail = z.infer<typeof subjectRequestDetail>;

/** One line of the erasure preview: a kind of data, how many rows, and what happens to it or why it stays. */
export const erasureLine = z.object({
  key: z.string(),
  label: z.string(),
  /** null: not counted (backups, the ledgers' check). */
  count: z.number().nullable(),
  detail: z.string(),
});
export type ErasureLine = z.infer<typeof erasureLine>;

export const erasurePreview = z.object({
  customerId: z.number(),
  customerName: z.string(),
  /** Cards merged into this one: the same person, anonymised together. */
  mergedCardIds: z.array(z.number()),
  erase: z.array(erasureLine),
  keep: z.array(erasureLine),
  /** What the operator types to confirm (the customer number), checked again in main. */
  confirmText: z.string(),
  /** Why it cannot be done now, or null. */
  blockedReason: z.string().nullable(),
});
export type ErasurePreview = z.infer<typeof erasurePreview>;

const requestRef = z.object({ id, version });

export const subjectRequestsContract = {
  'subjectRequests.list': channel({
    summary:
      'The request desk: requests by deadline (open first), with overdue and due-soon flags and counts',
    access: 'privacy.requests',
    input: z.object({
      states: z.array(z.enum(subjectRequestStates)).max(4).optional(),
      kind: z.enum(subjectRequestKinds).optional(),
      overdueOnly: z.boolean().optional(),
      customerId: id.optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({
      rows: z.array(subjectRequestRow),
      counts: z.object({
        open: z.number(),
        inProgress: z.number(),
        overdue: z.number(),
        dueSoon: z.number(),
      }),
    }),
  }),
  'subjectRequests.get': channel({
    summary: 'One request with its history',
    access: 'privacy.requests',
    input: z.object({ id }),
    output: subjectRequestDetail,
  }),
  'subjectRequests.create': channel({
    touches: ['subjectRequests'],
    summary: "Record a person's request; the deadline defaults to 15 store working days after receipt",
    access: 'privacy.requests',
    input: subjectRequestFields,
    output: subjectRequestDetail,
  }),
  'subjectRequests.update': channel({
    touches: ['subjectRequests'],
    summary: 'Change the deadline (with a reason), the handler or the notes of an open request',
    access: 'privacy.requests',
    input: requestRef.extend({
      deadline: isoDate.optional(),
      deadlineReason: optionalText(200),
      handlerUserId: id.nullable().optional(),
      notes: optionalText(1000),
    }),
    output: subjectRequestDetail,
  }),
  'subjectRequests.transition': channel({
    touches: ['subjectRequests', 'customers'],
    summary: 'Move a request on: in progress, done, or refused with the reason told to the person',
    access: 'privacy.requests',
    input: requestRef
      .extend({
        to: z.enum(['in_progress', 'done', 'refused']),
        reason: optionalText(500),
      })
      .refine((r) => r.to !== 'refused' || Boolean(r.reason), {
        message: refusalReasonMessage,
        path: ['reason'],
      }),
    output: subjectRequestDetail,
  }),
  'subjectRequests.dataPackage': channel({
    summary:
      "The person's data package as XLSX (every table row of theirs, unmasked for them), logged as export.subject_data",
    access: 'privacy.requests',
    input: z.object({ id }),
    output: z.object({
      fileName: z.string(),
      contentBase64: z.string(),
      sheets: z.array(z.object({ name: z.string(), rows: z.number() })),
      request: subjectRequestDetail,
    }),
  }),
  'subjectRequests.erasurePreview': channel({
    summary: 'What anonymising the person would erase and what the store keeps, and why',
    access: 'privacy.requests',
    input: z.object({ id }),
    output: erasurePreview,
  }),
  'subjectRequests.anonymise': channel({
    touches: ['subjectRequests', 'customers', 'vehicles', 'callbacks', 'complaints'],
    summary:
      'Anonymise the person (irreversible, one transaction): identity erased, records the store must keep unlinked; closes the request',
    access: 'privacy.requests',
    input: requestRef.extend({ confirm: z.string().trim().max(40) }),
    output: z.object({
      request: subjectRequestDetail,
      erased: z.array(erasureLine),
      kept: z.array(erasureLine),
    }),
  }),
  'subjectRequests.withdrawConsent': channel({
    touches: ['subjectRequests', 'customers', 'callbacks'],
    summary:
      'Record the withdrawals a withdraw-consent request asks for (consent ledger, source request), then close it',
    access: 'privacy.requests',
    input: requestRef.extend({
      purposes: z.array(z.enum(consentPurposes)).min(1, '请选择要撤回同意的用途').max(consentPurposes.length),
      channel: z.enum(consentChannels),
    }),
    output: subjectRequestDetail,
  }),
  'subjectRequests.staff': channel({
    summary: 'Staff who may handle requests (active accounts whose role has privacy.requests)',
    access: 'privacy.requests',
    input: z.object({}),
    output: z.array(z.object({ id: z.number(), name: z.string() })),
  }),
};
