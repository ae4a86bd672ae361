import { z } from 'zod';
import { channel, personalSpot } from './channel';
import { closureAnswers } from './complaint-terms';
import { consentPurposes } from './consent';
import { confirmationAnswers, invitationAnswers, inviteeStatuses } from './event-terms';
import { genders, stages } from './customers';
import { id, isoDate, version } from './fields';

// The same lists as db/schema/callbacks.ts (a test keeps them equal); declared here so the renderer's bundle
// does not pull in the database schema.
export const callbackRuleCodes = [
  'delivery_3d',
  'delivery_7d',
  'delivery_1m',
  'delivery_3m',
  'first_maintenance',
  'regular_maintenance',
  'service_csi',
  'sales_csi',
  'birthday',
  'purchase_anniversary',
  'quarterly_care',
  'churn_risk',
  'lost_prospect',
  'insurance_renewal',
  'dissatisfied_followup',
  'complaint_closure',
  'event_invitation',
  'event_confirmation',
  'points_expiry',
] as const;

export const callbackOutcomes = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'refused',
  'do_not_call',
  'appointment',
  'call_back_at',
  'complaint',
] as const;

export type CallbackOutcome = (typeof callbackOutcomes)[number];
export type CallbackRuleCode = (typeof callbackRuleCodes)[number];

/** Labels and keyboard shortcuts of the outcome buttons in the call panel (the UI binds the keys). */
export const callbackOutcomeMeta: Record<CallbackOutcome, { label: string; shortcut: string }> = {
  reached: { label: '已接通', shortcut: '1' },
  no_answer: { label: '无人接听', shortcut: '2' },
  busy: { label: '占线/忙', shortcut: '3' },
  wrong_number: { label: '号码错误', shortcut: '4' },
  refused: { label: '拒绝回访', shortcut: '5' },
  do_not_call: { label: '要求勿扰', shortcut: '6' },
  appointment: { label: '已预约到店', shortcut: '7' },
  call_back_at: { label: '约定回电', shortcut: '8' },
  complaint: { label: '提出投诉', shortcut: '9' },
};

/**
 * Outcomes that end the conversation for good (they must close the task, and do-not-call also flags the card and
 * skips every other call-back): the call screen asks before recording them, naming the consequence.
 */
export const finalOutcomes = [
  'do_not_call',
  'wrong_number',
  'refused',
] as const satisfies readonly CallbackOutcome[];

/** Outcomes that count as "the customer was reached" in reach rates and completion figures. */
export const reachedOutcomes = [
  'reached',
  'appointment',
  'complaint',
] as const satisfies readonly CallbackOutcome[];

export const taskStatuses = ['open', 'done', 'expired', 'skipped', 'cancelled'] as const;
/** Due-date tabs, and 稍后重拨 for tasks resting after a failed try whatever their due date (domain: queue-buckets). */
export const queueBuckets = ['all', 'overdue', 'due_today', 'resting', 'upcoming'] as const;
export const queueScopes = ['mine', 'team'] as const;
export const csiKinds = ['service', 'sales'] as const;
export const csiOveralls = ['satisfied', 'neutral', 'dissatisfied'] as const;

const ruleCode = z.enum(callbackRuleCodes);
const outcome = z.enum(callbackOutcomes);
const priority = z.number().int().min(1).max(5);
/** An instant as ISO 8601 with a zone (the UI sends `toISOString()`). */
const instant = z.iso.datetime({ offset: true, error: '时间格式无效，应为带时区的 ISO 时间' });
/** Factor scores are 1–5 (1 很不满意 … 5 很满意). */
const factorScore = z.number().int().min(1).max(5).nullish();

export const csiInput = z.object({
  kind: z.enum(csiKinds),
  overall: z.enum(csiOveralls),
  nps: z.number().int().min(0).max(10).nullish(),
  advisorScore: factorScore,
  qualityScore: factorScore,
  timelinessScore: factorScore,
  priceScore: factorScore,
  facilityScore: factorScore,
  notes: z.string().trim().max(1000).nullish(),
});

const callReason = z.object({
  taskId: z.number(),
  ruleCode: ruleCode,
  ruleName: z.string(),
  priority: z.number(),
  anchorDate: z.string(),
  dueDate: z.string(),
  expiresOn: z.string(),
  attempts: z.number(),
  maxAttempts: z.number(),
  lastOutcome: outcome.nullable(),
  vehicleId: z.number().nullable(),
  /** The rule's 话术 with the placeholders filled for this customer and vehicle. */
  script: z.string(),
  /** Which CSI survey this reason asks for, if any. */
  csiKind: z.enum(csiKinds).nullable(),
  /** A 结案回访 (rule complaint_closure): the ticket whose resolution the call asks about. */
  complaint: z.object({ id: z.number(), ticketNo: z.string(), resolutionSummary: z.string() }).nullable(),
  /** 活动邀约 / 二次确认 (rules event_invitation, event_confirmation): the event and the invitee's answer so far. */
  event: z
    .object({
      kind: z.enum(['invitation', 'confirmation']),
      eventId: z.number(),
      eventNo: z.string(),
      inviteeId: z.number(),
      title: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      /** 「5月18日—5月19日」 as the script reads it. */
      dates: z.string(),
      places: z.string().nullable(),
      /** The agenda in a line or two for the operator. */
      agenda: z.string(),
      /** Seats left; null when that capacity is not limited. */
      carsLeft: z.number().nullable(),
      peopleLeft: z.number().nullable(),
      status: z.enum(inviteeStatuses),
      signupNo: z.number().nullable(),
      cars: z.number(),
      adults: z.number(),
      children: z.number(),
      declineReason: z.string().nullable(),
    })
    .nullable(),
  notes: z.string().nullable(),
});

const callPanel = z.object({
  claimExpiresAt: z.string(),
  /** True when the caller already held this call (page reloaded, or `next` pressed twice). */
  resumed: z.boolean(),
  customer: z.object({
    id: z.number(),
    name: z.string(),
    gender: z.enum(genders).nullable(),
    title: z.string(),
    mobile: z.string().nullable(),
    mobile2: z.string().nullable(),
    stage: z.enum(stages),
    birthday: z.string().nullable(),
    doNotContact: z.boolean(),
    isCompany: z.boolean(),
    contactPerson: z.string().nullable(),
    contactTitle: z.string().nullable(),
    /** How the script greets: 「张先生」, or for a company 「宏图贸易 李经理」 (electron/common/salutation.ts). */
    salutation: z.string(),
  }),
  vehicles: z.array(
    z.object({
      id: z.number(),
      plate: z.string().nullable(),
      brand: z.string(),
      series: z.string(),
      model: z.string().nullable(),
      deliveryDate: z.string().nullable(),
      mileageKm: z.number().nullable(),
      estimatedMileageKm: z.number().nullable(),
      insuranceExpiry: z.string().nullable(),
    }),
  ),
  lastVisits: z.array(
    z.object({
      id: z.number(),
      visitDate: z.string(),
      type: z.string(),
      mileageKm: z.number(),
      advisor: z.string().nullable(),
      plate: z.string().nullable(),
    }),
  ),
  openComplaints: z.array(z.object({ id: z.number(), summary: z.string() })),
  complaintsNote: z.string().nullable(),
  previousCalls: z.array(
    z.object({
      id: z.number(),
      endedAt: z.string(),
      outcome: outcome,
      outcomeLabel: z.string(),
      userName: z.string().nullable(),
      reasons: z.array(z.string()),
      notes: z.string().nullable(),
      /** Set when the outcome was undone as recorded by mistake. */
      undone: z.object({ at: z.string(), userName: z.string().nullable(), reason: z.string() }).nullable(),
    }),
  ),
  reasons: z.array(callReason),
  csiKinds: z.array(z.enum(csiKinds)),
});
export type CallPanel = z.infer<typeof callPanel>;

const queueTask = z.object({
  taskId: z.number(),
  ruleCode: ruleCode,
  ruleName: z.string(),
  priority: z.number(),
  dueDate: z.string(),
  expiresOn: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastOutcome: outcome.nullable(),
  assignedUserId: z.number().nullable(),
  assignedUserName: z.string().nullable(),
  /** Who is on the call right now (an unexpired claim), if anyone. */
  claimedByName: z.string().nullable(),
});

const queueRow = z.object({
  customerId: z.number(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  priority: z.number(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** When the call rests (稍后重拨: tasks resting after a failed try, none callable now): the earliest retry. */
  restingUntil: z.string().nullable(),
  tasks: z.array(queueTask),
});
export type QueueRow = z.infer<typeof queueRow>;

const ruleSettings = z.object({
  code: ruleCode,
  name: z.string(),
  enabled: z.boolean(),
  offsetDays: z.number(),
  windowDays: z.number(),
  priority: z.number(),
  script: z.string(),
  expiryDays: z.number(),
  maxAttempts: z.number(),
  consentPurpose: z.enum(consentPurposes),
  params: z.record(z.string(), z.number()),
  /** Which params this rule reads, for the settings form. */
  paramKeys: z.array(z.string()),
  updatedAt: z.string(),
  version: z.number(),
});
export type CallbackRuleSettings = z.infer<typeof ruleSettings>;

const outcomeSettings = z.object({
  outcome,
  label: z.string(),
  shortcut: z.string(),
  recycleMinutes: z.number(),
  countsAttempt: z.boolean(),
  closesTask: z.boolean(),
});

const dateRange = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

const queueFilter = z.object({
  bucket: z.enum(queueBuckets).default('all'),
  ruleCodes: z.array(ruleCode).max(callbackRuleCodes.length).optional(),
  priorities: z.array(priority).max(5).optional(),
});

/** The call panel's customer: the numbers the operator dials. */
const callCustomerSpot = personalSpot('customer', ['mobile', 'mobile2']);

export const callbacksContract = {
  'callbacks.queue': channel({
    summary: 'My or the team call-back queue, one row per customer (one call), by bucket, type and priority',
    access: 'callbacks.work',
    input: queueFilter.extend({
      scope: z.enum(queueScopes).default('mine'),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.object({
      today: z.string(),
      rows: z.array(queueRow),
      /** Customers (calls) matching the bucket and filters; counted on the first page only (later pages: null). */
      total: z.number().nullable(),
      /** Tasks per bucket in the scope and filters, ignoring the bucket, for the tabs; first page only. */
      counts: z
        .object({ overdue: z.number(), dueToday: z.number(), upcoming: z.number(), resting: z.number() })
        .nullable(),
    }),
    personal: { spots: [personalSpot('rows[]', ['mobile'], 'customerId')] },
  }),
  'callbacks.next': channel({
    touches: ['callbacks'],
    // A claim changes the queues and the claimed customer's tasks; nothing claimed, only the counts.
    changedCustomers: (_, panel) => (panel ? [panel.customer.id] : []),
    summary:
      'Claim the next call atomically: every due task of the most urgent customer; or resume the call held',
    access: 'callbacks.work',
    input: z.object({
      /** Call this customer now (picked from the queue) instead of the most urgent one. */
      customerId: id.optional(),
      ruleCodes: z.array(ruleCode).max(callbackRuleCodes.length).optional(),
    }),
    output: callPanel.nullable(),
    personal: { spots: [callCustomerSpot] },
  }),
  'callbacks.pool': channel({
    summary:
      'The pool "next call" draws from (assigned to me or to nobody): what can be claimed now, what rests, what is on a call',
    access: 'callbacks.work',
    input: z.object({ ruleCodes: z.array(ruleCode).max(callbackRuleCodes.length).optional() }),
    output: z.object({
      /** Tasks "next call" can claim right now (overdue or due today). */
      claimable: z.object({ tasks: z.number(), overdue: z.number(), dueToday: z.number() }),
      /** Resting after a failed try, and when the first of them may be dialled again. */
      resting: z.object({ tasks: z.number(), nextAt: z.string().nullable() }),
      /** On a colleague's live call right now. */
      onCallElsewhere: z.number(),
      /** Open tasks assigned to me (they are in the pool; the rest of it is unassigned). */
      assignedToMe: z.number(),
    }),
  }),
  'callbacks.current': channel({
    summary: 'The call the caller holds right now, or null',
    access: 'callbacks.work',
    input: z.object({}),
    output: callPanel.nullable(),
    personal: { spots: [callCustomerSpot] },
  }),
  'callbacks.release': channel({
    touches: ['callbacks'],
    summary: 'Give claimed tasks back to the queue without an outcome',
    access: 'callbacks.work',
    input: z.object({ taskIds: z.array(id).min(1).max(50) }),
    output: z.object({ released: z.number() }),
  }),
  'callbacks.record': channel({
    touches: ['callbacks', 'customers', 'complaints', 'notifications', 'events'],
    // The called customer's card, tasks, timeline, closure ticket and invitation; lists refetch on the topics.
    changedCustomers: (_, out) => [out.customerId],
    summary: 'Record the outcome of the call for the claimed tasks (with CSI answers); releases the claim',
    access: 'callbacks.work',
    input: z
      .object({
        taskIds: z.array(id).min(1, '请至少选择一个回访任务').max(50),
        outcome,
        appointmentAt: instant.nullish(),
        callBackAt: instant.nullish(),
        notes: z.string().trim().max(2000).nullish(),
        csi: csiInput.nullish(),
        /** 结案回访: the customer's satisfaction with the resolution; dissatisfied reopens the ticket. */
        closure: z
          .object({ answer: z.enum(closureAnswers), notes: z.string().trim().max(1000).nullish() })
          .nullish(),
        /**
         * 活动邀约 / 二次确认 answered: accepted (cars, adults, children), declined (reason), undecided (with
         * call_back_at), confirmed, cancelled. taskId names the event call when the call holds two.
         */
        event: z
          .object({
            taskId: id.optional(),
            answer: z.enum([...invitationAnswers, ...confirmationAnswers]),
            cars: z.number().int('车辆数应为整数').min(0, '车辆数不能为负数').max(20).optional(),
            adults: z.number().int('成人数应为整数').min(0, '成人数不能为负数').max(50).optional(),
            children: z.number().int('儿童数应为整数').min(0, '儿童数不能为负数').max(50).optional(),
            reason: z.string().trim().max(200).nullish(),
          })
          .nullish(),
      })
      .refine((r) => r.outcome !== 'appointment' || r.appointmentAt, {
        message: '请填写预约到店的日期和时间',
        path: ['appointmentAt'],
      })
      .refine((r) => r.outcome !== 'call_back_at' || r.callBackAt, {
        message: '请填写约定回电的时间',
        path: ['callBackAt'],
      })
      .refine((r) => !r.csi || (reachedOutcomes as readonly string[]).includes(r.outcome), {
        message: '只有接通客户时才能记录满意度',
        path: ['csi'],
      })
      .refine((r) => !r.closure || (reachedOutcomes as readonly string[]).includes(r.outcome), {
        message: '只有接通客户时才能记录对处理结果的满意度',
        path: ['closure'],
      })
      .refine(
        (r) =>
          !r.event ||
          (r.event.answer === 'undecided' ? r.outcome === 'call_back_at' : r.outcome === 'reached'),
        {
          message: '记录活动答复时，接受、谢绝、确认或取消请选「已接通」，待定请选「约定回电」',
          path: ['event'],
        },
      ),
    output: z.object({
      attemptId: z.number(),
      /** Whose call it was (every claimed task is one customer's): the live change names them. */
      customerId: z.number(),
      tasks: z.array(
        z.object({
          id: z.number(),
          status: z.enum(taskStatuses),
          attempts: z.number(),
          nextAttemptAt: z.string().nullable(),
          lastOutcome: outcome.nullable(),
        }),
      ),
      csiSurveyId: z.number().nullable(),
      followUpTaskId: z.number().nullable(),
      /** 结案回访 answered: the ticket, and whether a dissatisfied answer reopened it. */
      closure: z.object({ ticketId: z.number(), reopened: z.boolean() }).nullable(),
      /** 活动答复 recorded: where the invitee now stands (waitlisted when the event was full). */
      event: z
        .object({
          inviteeId: z.number(),
          status: z.enum(inviteeStatuses),
          waitlisted: z.boolean(),
          signupNo: z.number().nullable(),
          message: z.string(),
          confirmationTaskId: z.number().nullable(),
          /** A cancellation freed seats: the first waitlisted invitee who now fits (for the manager to offer). */
          offer: z.object({ inviteeId: z.number(), customerId: z.number(), name: z.string() }).nullable(),
        })
        .nullable(),
    }),
  }),
  'callbacks.undoOutcome': channel({
    touches: ['callbacks', 'customers', 'complaints', 'events'],
    changedCustomers: (_, out) => [out.customerId],
    summary:
      'Undo an outcome recorded by mistake, the same store day: tasks, do-not-contact and what it created are restored',
    // Anyone's attempt needs callbacks.manage: checked in the service, which knows whose attempt it is.
    access: 'callbacks.work',
    input: z.object({
      attemptId: id,
      reason: z.string().trim().min(1, '请填写撤销原因').max(200, '撤销原因不能超过 200 个字'),
    }),
    output: z.object({
      attemptId: z.number(),
      customerId: z.number(),
      undoneAt: z.string(),
      restoredTaskIds: z.array(z.number()),
      doNotContactCleared: z.boolean(),
      /** The call is back on the operator's screen to record the right outcome. */
      callResumed: z.boolean(),
    }),
  }),
  'callbacks.generate': channel({
    touches: ['callbacks'],
    summary: 'Full regeneration of call-back tasks from the rules (also runs once a day by itself)',
    access: 'callbacks.manage',
    input: z.object({}),
    output: z.object({
      today: z.string(),
      rules: z.array(z.object({ ruleCode, ruleName: z.string(), created: z.number(), skipped: z.number() })),
      created: z.number(),
      skipped: z.number(),
      cancelled: z.number(),
      expired: z.number(),
      durationMs: z.number(),
    }),
  }),
  'callbacks.workload': channel({
    summary:
      'Per operator: open assigned, overdue, done, attempts, reach rate and average handle time in a date range',
    access: 'callbacks.manage',
    input: dateRange,
    output: z.object({
      rows: z.array(
        z.object({
          userId: z.number(),
          displayName: z.string(),
          role: z.string(),
          assignedOpen: z.number(),
          overdue: z.number(),
          /** Tasks this person completed in the range, whatever their due date. */
          done: z.number(),
          /** Tasks assigned to this person that fall due in the range, and how many of those are done. */
          assignedDue: z.number(),
          assignedDueDone: z.number(),
          attempts: z.number(),
          reached: z.number(),
          /** reached / attempts, 0–1; null without attempts. */
          reachRate: z.number().nullable(),
          avgHandleSeconds: z.number().nullable(),
        }),
      ),
    }),
  }),
  'callbacks.completion': channel({
    summary: 'Per call type: tasks completed in a date range, beside tasks due in it and how those ended',
    access: 'callbacks.manage',
    input: dateRange,
    output: z.object({
      rows: z.array(
        z.object({
          ruleCode,
          ruleName: z.string(),
          /** Completed in the range, whatever their due date (late work done now counts here). */
          completedInPeriod: z.number(),
          /** Due in the range; the rest of the row splits these by where they ended. */
          due: z.number(),
          open: z.number(),
          dueDone: z.number(),
          reached: z.number(),
          expired: z.number(),
          skipped: z.number(),
          cancelled: z.number(),
        }),
      ),
    }),
  }),
  'callbacks.assign': channel({
    touches: ['callbacks'],
    summary: 'Assign (or with null unassign) open tasks to one operator',
    access: 'callbacks.manage',
    input: z.object({ taskIds: z.array(id).min(1).max(5000), userId: id.nullable() }),
    output: z.object({ assigned: z.number() }),
  }),
  'callbacks.spread': channel({
    touches: ['callbacks'],
    summary: 'Spread open tasks over operators round-robin, one customer’s tasks to the same operator',
    access: 'callbacks.manage',
    input: z
      .object({
        taskIds: z.array(id).min(1).max(50_000).optional(),
        filter: queueFilter.extend({ onlyUnassigned: z.boolean().default(true) }).optional(),
        userIds: z.array(id).min(1, '请至少选择一名回访专员').max(100),
      })
      .refine((s) => s.taskIds || s.filter, { message: '请选择任务或筛选条件', path: ['taskIds'] }),
    output: z.object({
      assigned: z.number(),
      perUser: z.array(z.object({ userId: z.number(), customers: z.number(), tasks: z.number() })),
    }),
  }),
  'callbacks.rules': channel({
    summary: 'The call-back rules with their settings',
    access: 'callbacks.work',
    input: z.object({}),
    output: z.array(ruleSettings),
  }),
  'callbacks.updateRule': channel({
    touches: ['callbacks', 'settings'],
    summary: 'Edit one call-back rule; refused with conflict when the copy edited was stale',
    access: 'callbacks.manage',
    input: z.object({
      code: ruleCode,
      version,
      fields: z.object({
        name: z.string().trim().min(1, '请填写名称').max(50),
        enabled: z.boolean(),
        offsetDays: z.number().int().min(-365).max(365),
        windowDays: z.number().int().min(0).max(120),
        priority,
        script: z.string().trim().max(2000),
        expiryDays: z.number().int().min(1).max(365),
        maxAttempts: z.number().int().min(1).max(20),
        consentPurpose: z.enum(consentPurposes),
        params: z.record(z.string(), z.number().min(0).max(1_000_000)).default({}),
      }),
    }),
    output: ruleSettings,
  }),
  'callbacks.outcomeSettings': channel({
    summary: 'What each call outcome does: recycle delay, counts as an attempt, closes the task',
    access: 'callbacks.work',
    input: z.object({}),
    output: z.array(outcomeSettings),
  }),
  'callbacks.updateOutcomeSetting': channel({
    touches: ['callbacks', 'settings'],
    summary: 'Edit what one call outcome does',
    access: 'callbacks.manage',
    input: z.object({
      outcome,
      recycleMinutes: z
        .number()
        .int()
        .min(0)
        .max(60 * 24 * 60),
      countsAttempt: z.boolean(),
      closesTask: z.boolean(),
    }),
    output: outcomeSettings,
  }),
};
