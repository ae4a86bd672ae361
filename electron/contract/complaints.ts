import { z } from 'zod';
import { channel, personalSpot } from './channel';
import { complaintSettingsOutput, complaintSettingsUpdate } from './complaint-settings';
import {
  attachmentKinds,
  closureAnswers,
  complaintCategories,
  complaintChannels,
  complaintContactKinds,
  complaintEventKinds,
  complaintGrades,
  complaintStates,
  complaintTimers,
  gradeFacts,
  maxAttachmentBytes,
  maxThumbnailBytes,
  pauseReasons,
  rootCauses,
  slaUnits,
  solutionStates,
  statedGradeFacts,
  timerStates,
} from './complaint-terms';
import type { ComplaintCategory, StatedGradeFact } from './complaint-terms';
import { stages } from './customers';
import { editBase, id, isoDate, optionalText, version } from './fields';
import { threeGuaranteeWatch } from './three-guarantee';

export * from './complaint-terms';
export * from './complaint-settings';

/**
 * 投诉工单 channels. Who may do what:
 * - complaints.raise: open a ticket (the new-ticket form and its look-ups) — everyone who meets customers,
 *   the call-back operator included (a call can raise one);
 * - complaints.work: the ticket list, the ticket page and handling — editing, pausing, proposing, closing are
 *   further limited in main to the ticket's department, owner and named manager (and complaints.manage);
 * - complaints.manage: settings, compensation approval, reopening by hand, the KPIs, the escalation pass.
 */

/** An instant as ISO 8601 with a zone (the UI sends `toISOString()`). */
const instant = z.iso.datetime({ offset: true, error: '时间格式无效，应为带时区的 ISO 时间' });
const grade = z.enum(complaintGrades);
const state = z.enum(complaintStates);
const category = z.enum(complaintCategories);
const complaintChannel = z.enum(complaintChannels);
const fen = z.number().int('金额应为整数（分）').min(0, '金额不能为负数').max(100_000_000, '金额过大');

const text = (max: number, required: string) =>
  z.string().trim().min(1, required).max(max, `不能超过 ${max} 个字`);

/** The facts staff tick on the form; the grade suggestion reads them. */
export const statedFactsSchema = z
  .object(
    Object.fromEntries(statedGradeFacts.map((f) => [f, z.boolean().default(false)])) as Record<
      (typeof statedGradeFacts)[number],
      z.ZodDefault<z.ZodBoolean>
    >,
  )
  .default({
    safety_fault: false,
    media_exposure: false,
    regulator: false,
    refund_or_replacement: false,
    concrete_loss: false,
  });

const staffRef = z.object({ id: z.number(), name: z.string() });
const departmentRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

/** The customer on a ticket: the mobile is personal (masked by the router for whoever may not see it). */
const ticketCustomer = z.object({
  id: z.number(),
  name: z.string(),
  mobile: z.string().nullable(),
  stage: z.enum(stages),
  vip: z.boolean(),
  /** VIP or 优质 base customer: the ticket names a manager too. */
  highValue: z.boolean(),
});

const ticketVehicle = z.object({
  id: z.number(),
  vin: z.string(),
  plate: z.string().nullable(),
  brand: z.string(),
  series: z.string(),
});

/** One deadline of a ticket as of now (or as it ended). */
export const timerStatus = z.object({
  timer: z.enum([...complaintTimers, 'manufacturer']),
  target: z.object({ amount: z.number(), unit: z.enum(slaUnits) }).nullable(),
  /** When it falls due; null while paused (the time left is then frozen in minutesLeft). */
  dueAt: z.string().nullable(),
  state: z.enum(timerStates),
  /** When it stopped (first response given, solution agreed, closed); null while running. */
  stoppedAt: z.string().nullable(),
  /**
   * Counted minutes left (negative: over) now, or at the stop: working minutes for working-hour and working-day
   * targets, real minutes around the clock. At the stop it is the minutes under (positive) or over the target.
   */
  minutesLeft: z.number(),
  /** Counted minutes the target allows. */
  budgetMinutes: z.number(),
  /** Share of the budget used, 0–1 and beyond once over. */
  used: z.number(),
  /** Counted minutes the ticket was paused (solution and close timers only). */
  pausedMinutes: z.number(),
});
export type TimerStatus = z.infer<typeof timerStatus>;

/** The chip of a list row: the worst of the running timers, or how the closed ticket did. */
export const slaSummary = z.object({
  state: z.enum(timerStates),
  /** The running timer due first, its due time and counted minutes left. */
  nextTimer: z.enum([...complaintTimers, 'manufacturer']).nullable(),
  nextDueAt: z.string().nullable(),
  /** How that timer counts (working minutes or real ones), to say what minutesLeft means. */
  nextUnit: z.enum(slaUnits).nullable(),
  minutesLeft: z.number().nullable(),
  breachedTimers: z.array(z.enum([...complaintTimers, 'manufacturer'])),
});
export type SlaSummary = z.infer<typeof slaSummary>;

export const ticketRow = z.object({
  id: z.number(),
  ticketNo: z.string(),
  customer: ticketCustomer,
  vehicle: ticketVehicle.nullable(),
  channel: complaintChannel,
  category,
  grade,
  state,
  /** The state a paused ticket returns to. */
  resumeState: state.nullable(),
  isRepeat: z.boolean(),
  department: departmentRef.nullable(),
  owner: staffRef.nullable(),
  manager: staffRef.nullable(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  /** One line of the description for the list. */
  summary: z.string(),
  manufacturerCaseNo: z.string().nullable(),
  sla: slaSummary,
  timers: z.array(timerStatus),
  updatedAt: z.string(),
});
export type TicketRow = z.infer<typeof ticketRow>;

export const ticketEvent = z.object({
  id: z.number(),
  kind: z.enum(complaintEventKinds),
  at: z.string(),
  user: staffRef.nullable(),
  note: z.string().nullable(),
  /** Kind-specific facts: from/to state, old/new grade, pause reason, attachment id… */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type TicketEvent = z.infer<typeof ticketEvent>;

export const ticketPause = z.object({
  id: z.number(),
  reason: z.enum(pauseReasons),
  note: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  startedBy: staffRef.nullable(),
});

export const compensationSchema = z.object({
  goodwillFen: fen.default(0),
  labourDiscountFen: fen.default(0),
  partsDiscountFen: fen.default(0),
  gift: optionalText(200),
  giftValueFen: fen.default(0),
});

export const ticketSolution = z.object({
  id: z.number(),
  proposal: z.string(),
  compensation: z.object({
    goodwillFen: z.number(),
    labourDiscountFen: z.number(),
    partsDiscountFen: z.number(),
    gift: z.string().nullable(),
    giftValueFen: z.number(),
  }),
  totalFen: z.number(),
  state: z.enum(solutionStates),
  needsApproval: z.boolean(),
  proposedAt: z.string(),
  proposedBy: staffRef.nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: staffRef.nullable(),
  approvalNote: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
});
export type TicketSolution = z.infer<typeof ticketSolution>;

export const ticketAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  kind: z.enum(attachmentKinds),
  sizeBytes: z.number(),
  sha256: z.string(),
  hasThumbnail: z.boolean(),
  note: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedBy: staffRef.nullable(),
});
export type TicketAttachment = z.infer<typeof ticketAttachment>;

export const ticketReview = z.object({
  rootCause: z.enum(rootCauses),
  correctiveAction: z.string(),
  owner: staffRef.nullable(),
  dueDate: z.string(),
  preventable: z.boolean(),
  doneAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: staffRef.nullable(),
});

export const ticketDetail = ticketRow.extend({
  description: z.string(),
  demand: z.string().nullable(),
  facts: z.record(z.enum(gradeFacts), z.boolean()),
  suggestedGrade: grade,
  gradeReason: z.string().nullable(),
  repeatOf: z.object({ id: z.number(), ticketNo: z.string(), receivedAt: z.string() }).nullable(),
  receivedBy: staffRef.nullable(),
  createdAt: z.string(),
  createdBy: staffRef.nullable(),
  manufacturerDueAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  solutionAgreedAt: z.string().nullable(),
  resolutionSummary: z.string().nullable(),
  rootCause: z.enum(rootCauses).nullable(),
  resolvedAtFirstContact: z.boolean().nullable(),
  reopenCount: z.number(),
  /** The 结案回访 task in the call-back queue and the customer's answer once called. */
  closureCall: z
    .object({
      taskId: z.number(),
      dueDate: z.string(),
      status: z.string(),
      answer: z.enum(closureAnswers).nullable(),
      answeredAt: z.string().nullable(),
    })
    .nullable(),
  source: z.object({ taskId: z.number().nullable(), attemptId: z.number().nullable() }),
  pauses: z.array(ticketPause),
  solutions: z.array(ticketSolution),
  attachments: z.array(ticketAttachment),
  review: ticketReview.nullable(),
  /** Whether a review (复盘) is expected: A and B tickets. */
  reviewRequired: z.boolean(),
  events: z.array(ticketEvent),
  /** What the caller may do here, so the page offers only that (main checks again). */
  can: z.object({ handle: z.boolean(), approve: z.boolean(), reopen: z.boolean(), review: z.boolean() }),
  /** The ticket's vehicle against the 三包 lines (electron/domain/vehicles/three-guarantee-watch.ts). */
  threeGuarantee: threeGuaranteeWatch.nullable(),
  version: z.number(),
});
export type TicketDetail = z.infer<typeof ticketDetail>;

/** The fields of the new-ticket form; the form resolver and main validate with this one schema. */
export const ticketFields = z
  .object({
    customerId: z.number().int().positive('请选择客户'),
    vehicleId: id.nullish(),
    channel: complaintChannel,
    category,
    description: text(4000, '请填写投诉内容'),
    demand: optionalText(1000),
    /** When the complaint was received (a call taken last night is entered this morning): deadlines count from it. */
    receivedAt: instant,
    receivedByUserId: id.nullish(),
    facts: statedFactsSchema,
    /** Absent: the suggested grade. A different grade needs a reason. */
    grade: grade.nullish(),
    gradeReason: optionalText(500),
    departmentId: id.nullish(),
    ownerUserId: id.nullish(),
    managerUserId: id.nullish(),
    manufacturerCaseNo: optionalText(60),
    manufacturerDueAt: instant.nullish(),
    /** Opened from a call-back: the call (outcome 提出投诉) or the dissatisfied follow-up task. */
    sourceAttemptId: id.nullish(),
    sourceTaskId: id.nullish(),
  })
  .refine((t) => t.channel !== 'manufacturer' || Boolean(t.manufacturerCaseNo), {
    message: '厂家转派的投诉请填写厂家案件号',
    path: ['manufacturerCaseNo'],
  });
export type TicketFieldsInput = z.input<typeof ticketFields>;

const ticketRef = z.object({ id, version });

/**
 * What a change returns: the ticket's new version and state. The page reads the ticket again with
 * complaints.get, so no change channel hands out the customer's personal data (one place masks and logs it).
 */
/** The facts of a ticket staff may correct; only those given change. */
const ticketEditFields = z
  .object({
    category: category.optional(),
    description: text(4000, '请填写投诉内容').optional(),
    demand: optionalText(1000),
    vehicleId: id.nullish(),
    manufacturerCaseNo: optionalText(60),
    manufacturerDueAt: instant.nullish(),
    facts: statedFactsSchema.unwrap().partial().optional(),
  })
  .strict();

/** A ticket's correctable facts as stored: what a stale edit's conflict shows as "theirs". */
export type TicketEditable = {
  category: ComplaintCategory;
  description: string;
  demand: string | null;
  vehicleId: number | null;
  manufacturerCaseNo: string | null;
  manufacturerDueAt: string | null;
  facts: Record<StatedGradeFact, boolean>;
};

/** The details of complaints.update's conflict: the facts now, the clashing fields, who saved them and when. */
export interface TicketConflictDetails {
  current: TicketEditable & { version: number; updatedAt: string };
  clashes: string[];
  savedBy: string | null;
  savedAt: string | null;
}

export const ticketChange = z.object({
  id: z.number(),
  /** The ticket's customer (an edit never changes it): the live change names them. */
  customerId: z.number(),
  ticketNo: z.string(),
  version: z.number(),
  state,
});
export type TicketChange = z.infer<typeof ticketChange>;
/**
 * A ticket's write changes that customer's card (its complaints, a closure call) besides the ticket lists, pages
 * and counts, which refetch on the topic anyway: the live change names the customer (channel.ts).
 */
const customerOfTicket = (_: unknown, t: TicketChange) => [t.customerId];

const listFilters = z.object({
  /** mine: I own it or am its named manager; department: my department's inbox (or departmentId). */
  scope: z.enum(['all', 'mine', 'department']).default('all'),
  departmentId: id.optional(),
  grades: z.array(grade).max(3).optional(),
  states: z.array(state).max(complaintStates.length).optional(),
  /** Only open tickets (every state but closed). */
  open: z.boolean().optional(),
  /** Only tickets with a timer over its due time (running or stopped late). */
  breached: z.boolean().optional(),
  repeat: z.boolean().optional(),
  category: category.optional(),
  customerId: id.optional(),
  /** Ticket number, customer name or manufacturer case number. */
  text: z.string().trim().max(60).optional(),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
});

/** The new-ticket form's suggestion: grade with its reasons, repeat, routing and the deadlines it gives. */
const suggestion = z.object({
  grade,
  reasons: z.array(z.object({ fact: z.enum(gradeFacts), grade, label: z.string() })),
  facts: z.record(z.enum(gradeFacts), z.boolean()),
  repeatOf: z
    .object({ id: z.number(), ticketNo: z.string(), receivedAt: z.string(), category, state })
    .nullable(),
  customer: ticketCustomer.omit({ mobile: true }),
  department: departmentRef.nullable(),
  /** A high-value customer's ticket names a manager: the first manager, suggested. */
  manager: staffRef.nullable(),
  deadlines: z.array(z.object({ timer: z.enum(complaintTimers), dueAt: z.string() })),
});

const kpiRate = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });
const kpiGroup = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number(),
  closed: z.number(),
  breached: z.number(),
  fcr: kpiRate,
  averageCloseHours: z.number().nullable(),
});

export const complaintKpis = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number(),
  closed: z.number(),
  /** Resolved at first contact, of tickets closed in the period (target ≥ 75%). */
  fcr: kpiRate.extend({ target: z.number() }),
  /** Satisfied (满意 or 基本满意) with the resolution, of closure calls answered in the period (≥ 90%). */
  satisfaction: kpiRate.extend({ target: z.number() }),
  /** A tickets of the period first answered within 24 hours of receipt (100%). */
  aAnsweredIn24h: kpiRate.extend({ target: z.number() }),
  /** Timers breached, per timer, of tickets received in the period. */
  breaches: z.array(z.object({ timer: z.enum([...complaintTimers, 'manufacturer']), count: z.number() })),
  averageCloseHoursByGrade: z.array(z.object({ grade, closed: z.number(), hours: z.number().nullable() })),
  byCategory: z.array(kpiGroup),
  byDepartment: z.array(kpiGroup),
  byOwner: z.array(kpiGroup),
  /** Repeat tickets of those received in the period. */
  repeatRate: kpiRate,
  reopened: z.number(),
  /** Open tickets now, by the time their next deadline leaves. */
  openByTimeLeft: z.array(
    z.object({
      bucket: z.enum(['breached', 'within_2h', 'within_8h', 'within_24h', 'later', 'paused']),
      count: z.number(),
    }),
  ),
});
export type ComplaintKpis = z.infer<typeof complaintKpis>;

/** The customer of every row and of the ticket page: the mobile is personal. */
const rowsCustomerSpot = personalSpot('rows[].customer', ['mobile']);
const ticketCustomerSpot = personalSpot('customer', ['mobile']);

export const complaintsContract = {
  'complaints.settings': channel({
    summary: 'Complaint settings: working calendar, targets per grade, grade rules, repeat window, routing',
    access: 'complaints.raise',
    input: z.object({}),
    output: complaintSettingsOutput,
  }),
  'complaints.updateSettings': channel({
    touches: ['settings', 'complaints'],
    summary:
      'Change some complaint settings; each part given replaces that part, the others keep their values',
    access: 'complaints.manage',
    input: complaintSettingsUpdate,
    output: complaintSettingsOutput,
  }),
  'complaints.customerVehicles': channel({
    summary:
      "The cars a ticket may concern: the customer's own and those they owned before, without opening the card",
    access: 'complaints.raise',
    input: z.object({ customerId: id }),
    output: z.array(ticketVehicle.extend({ current: z.boolean() })),
  }),
  'complaints.staff': channel({
    summary: 'Departments with the staff who can handle tickets, and the managers, for the routing pickers',
    access: 'complaints.raise',
    input: z.object({}),
    output: z.object({
      departments: z.array(departmentRef.extend({ members: z.array(staffRef.extend({ role: z.string() })) })),
      managers: z.array(staffRef),
      /** Active staff who can receive a complaint (received by). */
      receivers: z.array(staffRef),
    }),
  }),
  'complaints.suggest': channel({
    summary:
      'For the new-ticket form: the suggested grade and why, the earlier ticket it repeats, routing, deadlines',
    access: 'complaints.raise',
    input: z.object({
      customerId: id,
      vehicleId: id.nullish(),
      channel: complaintChannel,
      category,
      facts: statedFactsSchema,
      receivedAt: instant.nullish(),
      grade: grade.nullish(),
    }),
    output: suggestion,
  }),
  'complaints.prefill': channel({
    summary: 'A new-ticket draft from a call-back: the call that raised it, or a dissatisfied follow-up task',
    access: 'complaints.raise',
    input: z.union([
      z.object({ from: z.literal('attempt'), attemptId: id }),
      z.object({ from: z.literal('task'), taskId: id }),
    ]),
    output: z.object({
      customerId: z.number(),
      customerName: z.string(),
      vehicleId: z.number().nullable(),
      channel: complaintChannel,
      category,
      description: z.string(),
      receivedAt: z.string(),
      sourceAttemptId: z.number().nullable(),
      sourceTaskId: z.number().nullable(),
      /** A ticket already opened from this call or task. */
      existingTicket: z.object({ id: z.number(), ticketNo: z.string() }).nullable(),
    }),
  }),
  'complaints.create': channel({
    touches: ['complaints', 'notifications', 'customers', 'callbacks'],
    changedCustomers: customerOfTicket,
    summary:
      'Open a ticket: graded (suggested or chosen with a reason), repeat-linked, routed, deadlines set',
    access: 'complaints.raise',
    input: ticketFields,
    output: ticketChange,
  }),
  'complaints.fromFollowUp': channel({
    touches: ['complaints', 'notifications', 'customers', 'callbacks'],
    changedCustomers: customerOfTicket,
    summary:
      'Turn a dissatisfied-CSI follow-up task into a ticket in one step (prefilled, routed); the task is done',
    access: 'complaints.raise',
    input: z.object({
      taskId: id,
      category: category.optional(),
      facts: statedFactsSchema.optional(),
      departmentId: id.nullish(),
      ownerUserId: id.nullish(),
    }),
    output: ticketChange,
  }),
  'complaints.list': channel({
    summary:
      'Tickets with SLA chips: filters (mine, department inbox, grade, state, breached, repeat), paged',
    access: 'complaints.work',
    input: z.object({
      filters: listFilters.default({ scope: 'all' }),
      /** time_left: open work by the deadline due first (breached first); received: newest first. */
      sort: z.enum(['time_left', 'received']).default('time_left'),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.object({
      rows: z.array(ticketRow),
      total: z.number(),
      counts: z.object({ open: z.number(), breached: z.number(), paused: z.number(), mine: z.number() }),
    }),
    personal: { spots: [rowsCustomerSpot] },
  }),
  'complaints.get': channel({
    summary: 'The ticket page: timers, timeline, pauses, solutions, attachments, closure call, review',
    access: 'complaints.work',
    input: z.object({ id }),
    output: ticketDetail,
    // The ticket page shows the customer's complaint and contact: a view of their data, logged as a card view.
    personal: { spots: [ticketCustomerSpot], cardView: true },
  }),
  'complaints.update': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'Correct the facts of a ticket (category, description, demand, vehicle, manufacturer case)',
    access: 'complaints.work',
    input: ticketRef.extend({ fields: ticketEditFields, base: editBase }),
    output: ticketChange,
  }),
  'complaints.regrade': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'Change the grade with a reason; targets follow the new grade, paused time is kept',
    access: 'complaints.work',
    input: ticketRef.extend({ grade, reason: text(500, '请说明调整等级的原因') }),
    output: ticketChange,
  }),
  'complaints.route': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'Route to a department and owner (and manager); the new owner is notified',
    access: 'complaints.work',
    input: ticketRef.extend({
      departmentId: id,
      ownerUserId: id.nullish(),
      managerUserId: id.nullish(),
      note: optionalText(500),
    }),
    output: ticketChange,
  }),
  'complaints.respond': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'The first response to the customer (stops the first-response timer); the ticket is in handling',
    access: 'complaints.work',
    input: ticketRef.extend({
      how: z.enum(complaintContactKinds).exclude(['note', 'customer_reply']).default('call'),
      note: text(2000, '请记录首次响应的内容'),
    }),
    output: ticketChange,
  }),
  'complaints.addEvent': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary:
      'Put a note, call, message, visit or customer reply on the timeline (a reply notifies the owner)',
    access: 'complaints.work',
    input: z.object({ id, kind: z.enum(complaintContactKinds), note: text(2000, '请填写内容') }),
    output: ticketChange,
  }),
  'complaints.pause': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'Pause the solution and closing timers (waiting for the customer or the manufacturer)',
    access: 'complaints.work',
    input: ticketRef.extend({ reason: z.enum(pauseReasons), note: optionalText(500) }),
    output: ticketChange,
  }),
  'complaints.resume': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'End the pause: the timers run again from where they stopped',
    access: 'complaints.work',
    input: ticketRef.extend({ note: optionalText(500) }),
    output: ticketChange,
  }),
  'complaints.proposeSolution': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary:
      'Propose a solution with any compensation (fen); above the settings amount it waits for a manager',
    access: 'complaints.work',
    input: ticketRef.extend({
      proposal: text(2000, '请填写处理方案'),
      compensation: compensationSchema.default({
        goodwillFen: 0,
        labourDiscountFen: 0,
        partsDiscountFen: 0,
        giftValueFen: 0,
      }),
    }),
    output: ticketChange,
  }),
  'complaints.approveSolution': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'A manager approves or rejects the compensation of a proposed solution',
    access: 'complaints.manage',
    input: z.object({ solutionId: id, approve: z.boolean(), note: optionalText(500) }),
    output: ticketChange,
  }),
  'complaints.recordAnswer': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: "The customer's answer to the proposed solution: agreed (solution timer met) or refused",
    access: 'complaints.work',
    input: z.object({ solutionId: id, answer: z.enum(['agreed', 'refused']), note: optionalText(1000) }),
    output: ticketChange,
  }),
  'complaints.close': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary: 'Close with summary, root cause and FCR; a closure call is queued for the next working day',
    access: 'complaints.work',
    input: ticketRef.extend({
      resolutionSummary: text(2000, '请填写处理结果'),
      rootCause: z.enum(rootCauses),
      resolvedAtFirstContact: z.boolean('请选择是否首次接触即解决'),
    }),
    output: ticketChange,
  }),
  'complaints.reopen': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary:
      'Reopen a closed ticket by hand with a reason (the closure call reopens it on a dissatisfied answer)',
    access: 'complaints.manage',
    input: ticketRef.extend({ reason: text(500, '请说明重新打开的原因') }),
    output: ticketChange,
  }),
  'complaints.saveReview': channel({
    touches: ['complaints', 'notifications'],
    changedCustomers: customerOfTicket,
    summary:
      'The review (复盘) of an A or B ticket: root cause, corrective action, owner, due date, preventable',
    access: 'complaints.work',
    input: z.object({
      id,
      rootCause: z.enum(rootCauses),
      correctiveAction: text(2000, '请填写整改措施'),
      ownerUserId: id,
      dueDate: isoDate,
      preventable: z.boolean(),
      done: z.boolean().default(false),
    }),
    output: ticketChange,
  }),
  'complaints.addAttachment': channel({
    touches: ['complaints', 'notifications'],
    summary: `Attach evidence (photo, PDF, recording; at most ${maxAttachmentBytes / 1024 / 1024} MB), stored in the data folder`,
    access: 'complaints.work',
    input: z.object({
      ticketId: id,
      fileName: z.string().trim().min(1, '请提供文件名').max(200, '文件名太长'),
      /** The file, base64. */
      dataBase64: z.string().min(1, '文件是空的'),
      /** A small preview the renderer drew (JPEG/PNG/WebP), for images. */
      thumbnailBase64: z
        .string()
        .max(Math.ceil(maxThumbnailBytes / 3) * 4 + 4, '缩略图太大')
        .nullish(),
      note: optionalText(200),
    }),
    output: ticketAttachment,
  }),
  'complaints.attachment': channel({
    summary: 'An attachment file (or its thumbnail), base64, checked against its stored hash',
    access: 'complaints.work',
    input: z.object({ id, thumbnail: z.boolean().default(false) }),
    output: z.object({
      id: z.number(),
      fileName: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number(),
      dataBase64: z.string(),
    }),
  }),
  'complaints.kpis': channel({
    summary:
      'Complaint KPIs for a period: FCR, satisfaction, A answered in 24 h, breaches, time to close, repeat rate',
    access: 'complaints.manage',
    input: z
      .object({ from: isoDate, to: isoDate })
      .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
    output: complaintKpis,
  }),
  'complaints.escalate': channel({
    touches: ['complaints', 'notifications'],
    summary:
      'Run the warning/breach pass over open tickets now (it also runs every few minutes in the server)',
    access: 'complaints.manage',
    input: z.object({}),
    output: z.object({ checked: z.number(), warnings: z.number(), breaches: z.number(), ms: z.number() }),
  }),
};
