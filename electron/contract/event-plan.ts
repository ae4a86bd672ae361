import { z } from 'zod';
import { channel } from './channel';
import {
  budgetCategories,
  checklistKinds,
  crmBudgetLines,
  eventStatuses,
  eventTransitionNames,
  eventTypes,
  filingStatuses,
} from './event-terms';
import { eventFunnel } from './event-funnel';
import { eventSettingsOutput, eventSettingsUpdate } from './event-settings';
import { editBase, id, isoDate, optionalDate, optionalText, version } from './fields';
import { roles } from './permissions';

export * from './event-settings';

/**
 * The plan side of 客户活动: the event and its status, agenda, checklist, budget (plan fixed at approval,
 * actuals after it), manufacturer support, the summary and its photos, the settings and the year's CRM budget.
 */

const fen = z
  .number('请填写金额')
  .int('金额应为整数（分）')
  .min(0, '金额不能为负数')
  .max(100_000_000, '金额过大');
/** The year's budget is larger than one event's. */
const yearFen = z
  .number('请填写金额')
  .int('金额应为整数（分）')
  .min(0, '金额不能为负数')
  .max(10_000_000_000, '金额过大');
const text = (max: number, required: string) =>
  z.string().trim().min(1, required).max(max, `不能超过 ${max} 个字`);
const hm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，例如 08:30')
  .or(z.literal('').transform(() => null))
  .nullish();
const capacity = z
  .number('请填写整数')
  .int('请填写整数')
  .min(1, '容量至少为 1')
  .max(10_000, '不能超过 10000')
  .nullish();
const planned = z
  .number('请填写整数')
  .int('请填写整数')
  .min(0, '不能为负数')
  .max(10_000, '计划人数不能超过 10000')
  .nullish();
const year = z.number().int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效');

const eventType = z.enum(eventTypes);
const eventStatus = z.enum(eventStatuses);
const staffRef = z.object({ id: z.number(), name: z.string() });
const seats = z.object({ invitees: z.number(), cars: z.number(), people: z.number() });

/** The fields of the event form; create requires title, type and dates. */
const eventFieldShape = {
  title: text(100, '请填写活动名称'),
  type: eventType,
  theme: optionalText(200),
  startsOn: isoDate,
  endsOn: isoDate,
  places: optionalText(500),
  capacityCars: capacity,
  capacityPeople: capacity,
  plannedCars: planned,
  plannedPeople: planned,
  ownerUserId: id.nullish(),
};

export const eventCreateInput = z
  .object(eventFieldShape)
  .refine((e) => e.endsOn >= e.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });

export const eventUpdateInput = z.object({
  id,
  version,
  base: editBase,
  title: eventFieldShape.title.optional(),
  type: eventType.optional(),
  theme: eventFieldShape.theme,
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  places: eventFieldShape.places,
  capacityCars: capacity,
  capacityPeople: capacity,
  plannedCars: planned,
  plannedPeople: planned,
  ownerUserId: id.nullish(),
  /** Placeholders {name}{title}{event}{dates}{place}{agenda}{store}; blank: the call-back rule's script. */
  invitationScript: optionalText(2000),
  confirmationScript: optionalText(2000),
});

/** What a write of the event returns: the new version for the next save. */
export const eventChange = z.object({ id: z.number(), version: z.number() });

/** An edit that moved the start: how many open invitation / confirmation calls followed it, or were cancelled. */
const eventUpdateResult = eventChange.extend({
  calls: z.object({ moved: z.number(), cancelled: z.number() }).optional(),
});

export const eventCounts = z.object({
  /** Rows with an invitation call or any status past pending. */
  invited: z.number(),
  /** Holding seats now: accepted, confirmed and checked in. */
  accepted: seats,
  /** Confirmed on the second call (checked-in ones who were confirmed included). */
  confirmed: z.number(),
  checkedIn: seats,
});

export const eventRow = z.object({
  id: z.number(),
  eventNo: z.string(),
  title: z.string(),
  type: eventType,
  status: eventStatus,
  startsOn: z.string(),
  endsOn: z.string(),
  places: z.string().nullable(),
  owner: staffRef.nullable(),
  capacityCars: z.number().nullable(),
  capacityPeople: z.number().nullable(),
  counts: eventCounts,
  plannedFen: z.number(),
  actualFen: z.number(),
  summaryDueOn: z.string().nullable(),
  /** Due date passed on the store's calendar and no summary submitted. */
  summaryOverdue: z.boolean(),
});
export type EventRow = z.infer<typeof eventRow>;

export const agendaItem = z.object({
  id: z.number(),
  day: z.string(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  item: z.string(),
  personInCharge: z.string().nullable(),
  sort: z.number(),
});

export const checklistItem = z.object({
  id: z.number(),
  kind: z.enum(checklistKinds),
  title: z.string(),
  owner: staffRef.nullable(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: staffRef.nullable(),
  /** Not done and the due date passed on the store's calendar. */
  overdue: z.boolean(),
  sort: z.number(),
});

export const budgetLine = z.object({
  id: z.number(),
  category: z.enum(budgetCategories),
  description: z.string().nullable(),
  plannedFen: z.number(),
  actualFen: z.number().nullable(),
  /** actual − planned; null while no actual is entered. */
  varianceFen: z.number().nullable(),
  note: z.string().nullable(),
  receiptNo: z.string().nullable(),
  actualBy: staffRef.nullable(),
  actualAt: z.string().nullable(),
  sort: z.number(),
});

export const budgetTotals = z.object({
  plannedFen: z.number(),
  /** Sum of the actual amounts entered (lines without one count 0). */
  actualFen: z.number(),
  varianceFen: z.number(),
  subsidyReceivedFen: z.number(),
  /** What the event cost the store: the actual total (or the planned one while no actual is entered) − subsidy. */
  netCostFen: z.number(),
  netCostBasis: z.enum(['actual', 'planned']),
  checkedInPeople: z.number(),
  checkedInCars: z.number(),
  /** Sign-ups who were not customers yet (origin new_lead). */
  newLeads: z.number(),
  /** Net cost ÷ divisor, rounded to the fen; null when the divisor is 0. */
  costPerCheckedInPersonFen: z.number().nullable(),
  costPerCarFen: z.number().nullable(),
  costPerNewLeadFen: z.number().nullable(),
});
export type BudgetTotals = z.infer<typeof budgetTotals>;

export const eventAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  caption: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedBy: staffRef.nullable(),
});
export type EventAttachment = z.infer<typeof eventAttachment>;

export const eventSummary = z.object({
  strengths: z.string().nullable(),
  shortcomings: z.string().nullable(),
  improvements: z.string().nullable(),
  publicity: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  submittedBy: staffRef.nullable(),
  locked: z.boolean(),
});

export const eventDetail = z.object({
  id: z.number(),
  eventNo: z.string(),
  title: z.string(),
  type: eventType,
  theme: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  places: z.string().nullable(),
  capacityCars: z.number().nullable(),
  capacityPeople: z.number().nullable(),
  plannedCars: z.number().nullable(),
  plannedPeople: z.number().nullable(),
  owner: staffRef.nullable(),
  status: eventStatus,
  cancelReason: z.string().nullable(),
  approvedBy: staffRef.nullable(),
  approvedAt: z.string().nullable(),
  invitationScript: z.string().nullable(),
  confirmationScript: z.string().nullable(),
  filingStatus: z.enum(filingStatuses),
  subsidyRequestedFen: z.number(),
  subsidyApprovedFen: z.number(),
  subsidyReceivedFen: z.number(),
  manufacturerGifts: z.string().nullable(),
  createdAt: z.string(),
  createdBy: staffRef.nullable(),
  updatedAt: z.string(),
  version: z.number(),
  counts: eventCounts,
  agenda: z.array(agendaItem),
  checklist: z.array(checklistItem),
  budget: z.object({
    lines: z.array(budgetLine),
    totals: budgetTotals,
    /** Approved or later: planned amounts are fixed. */
    planFixed: z.boolean(),
    /** Actual amounts may be entered (approved, not cancelled). */
    actualsOpen: z.boolean(),
  }),
  funnel: eventFunnel,
  attachments: z.array(eventAttachment),
  summary: eventSummary,
  /** The moves open from the current status (eventTransitions). */
  transitions: z.array(z.enum(eventTransitionNames)),
});
export type EventDetail = z.infer<typeof eventDetail>;

const budgetYearLine = z.object({
  line: z.enum(crmBudgetLines),
  plannedFen: z.number(),
  spentFen: z.number(),
  /** Of spentFen: the events' net cost (events_marketing only) and spends booked by hand. */
  eventsFen: z.number(),
  manualFen: z.number(),
  remainingFen: z.number(),
});

export const budgetYear = z.object({
  year: z.number(),
  totalPlannedFen: z.number(),
  totalSpentFen: z.number(),
  lines: z.array(budgetYearLine),
  /** The year's non-cancelled events by start date: their net cost rolls into events_marketing. */
  events: z.array(
    z.object({
      id: z.number(),
      eventNo: z.string(),
      title: z.string(),
      startsOn: z.string(),
      status: eventStatus,
      netCostFen: z.number(),
      netCostBasis: z.enum(['actual', 'planned']),
    }),
  ),
  spends: z.array(
    z.object({
      id: z.number(),
      line: z.enum(crmBudgetLines),
      spentOn: z.string(),
      amountFen: z.number(),
      note: z.string(),
      createdBy: staffRef.nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type BudgetYear = z.infer<typeof budgetYear>;

const okId = z.object({ id: z.number() });

export const eventPlanContract = {
  'events.list': channel({
    summary:
      'Events, newest start first: status, dates, owner, sign-up and check-in counts, budget, summary due',
    access: 'events.manage',
    input: z.object({
      status: z.array(eventStatus).optional(),
      year: year.optional(),
      text: z.string().trim().max(100).optional(),
    }),
    output: z.object({ rows: z.array(eventRow) }),
  }),
  'events.get': channel({
    summary:
      'The event page: plan, agenda, checklist, budget and totals, funnel, photos, summary, moves open',
    access: 'events.manage',
    input: z.object({ id }),
    output: eventDetail,
  }),
  'events.create': channel({
    touches: ['events'],
    summary: 'Plan a new event (draft); numbered HD<year>-NNN by its start year',
    access: 'events.manage',
    input: eventCreateInput,
    output: eventChange.extend({ eventNo: z.string() }),
  }),
  'events.update': channel({
    touches: ['events', 'callbacks'],
    summary:
      'Edit the event (merged field by field with a stale copy); capacity never below the seats held; a new start moves its open calls',
    access: 'events.manage',
    input: eventUpdateInput,
    output: eventUpdateResult,
  }),
  'events.transition': channel({
    touches: ['events', 'notifications', 'callbacks'],
    summary: 'Approve, start inviting, start, finish or cancel (with a reason) the event',
    access: 'events.manage',
    input: z
      .object({ id, version, action: z.enum(eventTransitionNames), reason: optionalText(500) })
      .refine((t) => t.action !== 'cancel' || (t.reason ?? '') !== '', {
        message: '请说明取消活动的原因',
        path: ['reason'],
      }),
    output: eventChange.extend({ status: eventStatus }),
  }),
  'events.saveAgenda': channel({
    touches: ['events'],
    summary: 'Replace the agenda (days within the event dates) in one save',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      version,
      items: z
        .array(
          z.object({
            day: isoDate,
            time: hm,
            place: optionalText(200),
            item: text(300, '请填写流程内容'),
            personInCharge: optionalText(60),
          }),
        )
        .max(200, '流程最多 200 项'),
    }),
    output: eventChange,
  }),
  'events.saveChecklistItem': channel({
    touches: ['events'],
    summary: 'Add or edit a preparation task (owner, due date)',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      id: id.nullish(),
      kind: z.enum(checklistKinds),
      title: text(200, '请填写任务内容'),
      ownerUserId: id.nullish(),
      dueOn: optionalDate,
    }),
    output: okId,
  }),
  'events.setChecklistDone': channel({
    touches: ['events'],
    summary: 'Tick a preparation task done, or not done again',
    access: 'events.manage',
    input: z.object({ id, done: z.boolean() }),
    output: okId.extend({ doneAt: z.string().nullable() }),
  }),
  'events.removeChecklistItem': channel({
    touches: ['events'],
    summary: 'Remove a preparation task',
    access: 'events.manage',
    input: z.object({ id }),
    output: okId,
  }),
  'events.saveBudgetLine': channel({
    touches: ['events'],
    summary: 'Add or edit a planned budget line (draft only: approval fixes the plan)',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      id: id.nullish(),
      category: z.enum(budgetCategories),
      description: optionalText(200),
      plannedFen: fen,
    }),
    output: okId,
  }),
  'events.recordActual': channel({
    touches: ['events'],
    summary:
      'Enter the actual amount of a budget line (after approval), with a note or receipt number; audited',
    access: 'events.manage',
    input: z.object({ id, actualFen: fen, note: optionalText(200), receiptNo: optionalText(60) }),
    output: okId,
  }),
  'events.removeBudgetLine': channel({
    touches: ['events'],
    summary: 'Remove a planned budget line (draft only)',
    access: 'events.manage',
    input: z.object({ id }),
    output: okId,
  }),
  'events.updateSupport': channel({
    touches: ['events'],
    summary: 'Manufacturer support: filing status, subsidy requested / approved / received, gifts supplied',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      filingStatus: z.enum(filingStatuses),
      subsidyRequestedFen: fen,
      subsidyApprovedFen: fen,
      subsidyReceivedFen: fen,
      manufacturerGifts: optionalText(500),
    }),
    output: eventChange,
  }),
  'events.saveSummary': channel({
    touches: ['events'],
    summary: 'Write the summary once the event is done; submitting locks it and marks the event summarised',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      strengths: optionalText(4000),
      shortcomings: optionalText(4000),
      improvements: optionalText(4000),
      publicity: optionalText(4000),
      submit: z.boolean(),
    }),
    output: eventChange.extend({ status: eventStatus, locked: z.boolean() }),
  }),
  'events.addAttachment': channel({
    touches: ['events'],
    summary: 'Attach a photo or file to the summary, stored by hash in the data folder',
    access: 'events.manage',
    input: z.object({
      eventId: id,
      fileName: z.string().trim().min(1, '请提供文件名').max(200, '文件名太长'),
      /** The file, base64. */
      dataBase64: z.string().min(1, '文件是空的'),
      caption: optionalText(200),
    }),
    output: eventAttachment,
  }),
  'events.attachment': channel({
    summary: 'An event attachment file, base64, checked against its stored hash',
    access: 'events.manage',
    input: z.object({ id }),
    output: z.object({
      id: z.number(),
      fileName: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number(),
      dataBase64: z.string(),
    }),
  }),
  'events.settings': channel({
    summary: 'Event settings: invitation cool-down, second confirmation, results window, summary due days',
    access: 'events.manage',
    input: z.object({}),
    output: eventSettingsOutput,
  }),
  'events.updateSettings': channel({
    touches: ['settings', 'events'],
    summary: 'Change some event settings; the others keep their values',
    access: 'settings.manage',
    input: eventSettingsUpdate,
    output: eventSettingsOutput,
  }),
  'events.staff': channel({
    summary: 'Active staff who can own an event or a preparation task',
    access: 'events.manage',
    input: z.object({}),
    output: z.object({ rows: z.array(z.object({ id: z.number(), name: z.string(), role: z.enum(roles) })) }),
  }),
  'events.budgetYear': channel({
    summary: "The year's CRM budget per line: planned, spent (events' net cost and spends booked), remaining",
    access: 'events.manage',
    input: z.object({ year }),
    output: budgetYear,
  }),
  'events.updateBudgetYear': channel({
    touches: ['events'],
    summary: "Set the year's CRM budget: a total split by the default shares, or each line's amount",
    access: 'events.manage',
    input: z
      .object({
        year,
        totalFen: yearFen.optional(),
        lines: z
          .array(z.object({ line: z.enum(crmBudgetLines), plannedFen: yearFen }))
          .max(crmBudgetLines.length)
          .optional(),
      })
      .refine((u) => (u.totalFen === undefined) !== (u.lines === undefined), {
        message: '请填写全年总预算，或逐项填写各科目预算（二选一）',
        path: ['totalFen'],
      }),
    output: budgetYear,
  }),
  'events.addBudgetSpend': channel({
    touches: ['events'],
    summary: 'Book a spend on a line of the year (not for events: their net cost rolls up by itself)',
    access: 'events.manage',
    input: z
      .object({
        year,
        line: z.enum(crmBudgetLines),
        spentOn: isoDate,
        amountFen: yearFen.min(1, '金额应大于 0'),
        note: text(200, '请填写支出说明'),
      })
      .refine((s) => s.spentOn.startsWith(`${s.year}-`), {
        message: '支出日期应在所选年度内',
        path: ['spentOn'],
      }),
    output: okId,
  }),
};
