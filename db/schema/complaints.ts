import { sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type {
  AttachmentKind,
  ClosureAnswer,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintEventKind,
  ComplaintGrade,
  ComplaintState,
  GradeFact,
  PauseReason,
  RootCause,
  SolutionState,
} from '../../electron/contract/complaint-terms';
import type { GradeTargets } from '../../electron/contract/complaint-settings';
import { callbackAttempts, callbackTasks } from './callbacks';
import { customers } from './customers';
import { departments, users } from './users';
import { vehicles } from './vehicles';

/**
 * 投诉工单. Instants are ISO 8601 UTC; deadlines are computed on the store's working calendar
 * (electron/common/working-time.ts) and kept here so lists can filter and sort on them without recomputing.
 * A timer's due time is null while the ticket is paused (solution, close) and is kept as it was at the stop.
 */
export const complaintTickets = sqliteTable(
  'complaint_tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** TS20260930-001: the number staff quote on the phone. */
    ticketNo: text('ticket_no').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    vehicleId: integer('vehicle_id').references(() => vehicles.id),
    channel: text('channel').$type<ComplaintChannel>().notNull(),
    category: text('category').$type<ComplaintCategory>().notNull(),
    description: text('description').notNull(),
    /** 诉求: what the customer asks for. */
    demand: text('demand'),
    /** When the store received it (entered by staff): every deadline counts from here. */
    receivedAt: text('received_at').notNull(),
    receivedBy: integer('received_by').references(() => users.id),
    /** The facts the grade was suggested from, Record<GradeFact, boolean>. */
    facts: text('facts', { mode: 'json' }).$type<Partial<Record<GradeFact, boolean>>>().notNull(),
    suggestedGrade: text('suggested_grade').$type<ComplaintGrade>().notNull(),
    grade: text('grade').$type<ComplaintGrade>().notNull(),
    /**
     * The grade's targets when it was given (intake, regrade): a later change of the settings moves no deadline
     * of a ticket already received, and its history keeps the targets it was judged by. Null reads as the
     * settings' targets for the grade.
     */
    targets: text('targets', { mode: 'json' }).$type<GradeTargets>(),
    /** Why the grade differs from the suggestion (required then). */
    gradeReason: text('grade_reason'),
    repeatOfId: integer('repeat_of_id').references((): AnySQLiteColumn => complaintTickets.id),
    isRepeat: integer('is_repeat', { mode: 'boolean' }).notNull().default(false),
    departmentId: integer('department_id').references(() => departments.id),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    /** A high-value customer's ticket names a manager. */
    managerUserId: integer('manager_user_id').references(() => users.id),
    state: text('state').$type<ComplaintState>().notNull(),
    /** Where a paused ticket goes back to. */
    resumeState: text('resume_state').$type<ComplaintState>(),
    manufacturerCaseNo: text('manufacturer_case_no'),
    manufacturerDueAt: text('manufacturer_due_at'),
    firstResponseAt: text('first_response_at'),
    solutionAgreedAt: text('solution_agreed_at'),
    closedAt: text('closed_at'),
    resolutionSummary: text('resolution_summary'),
    rootCause: text('root_cause').$type<RootCause>(),
    resolvedAtFirstContact: integer('resolved_at_first_contact', { mode: 'boolean' }),
    reopenCount: integer('reopen_count').notNull().default(0),
    closureTaskId: integer('closure_task_id').references(() => callbackTasks.id),
    closureAnswer: text('closure_answer').$type<ClosureAnswer>(),
    closureAnsweredAt: text('closure_answered_at'),
    sourceTaskId: integer('source_task_id').references(() => callbackTasks.id),
    sourceAttemptId: integer('source_attempt_id').references(() => callbackAttempts.id),
    firstResponseDueAt: text('first_response_due_at'),
    solutionDueAt: text('solution_due_at'),
    closeDueAt: text('close_due_at'),
    /** Set once the timer is seen over its due time (by the escalation pass or at its stop); never cleared. */
    firstResponseBreached: integer('first_response_breached', { mode: 'boolean' }).notNull().default(false),
    solutionBreached: integer('solution_breached', { mode: 'boolean' }).notNull().default(false),
    closeBreached: integer('close_breached', { mode: 'boolean' }).notNull().default(false),
    manufacturerBreached: integer('manufacturer_breached', { mode: 'boolean' }).notNull().default(false),
    /** The earliest due time among the running timers (null: none running): "open tickets by time left". */
    nextDueAt: text('next_due_at'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // Repeat detection (same customer within the window) and the card's complaints.
    index('complaint_tickets_customer_idx').on(t.customerId, t.receivedAt),
    // Repeat detection by the same VIN and category.
    index('complaint_tickets_vehicle_idx')
      .on(t.vehicleId, t.category, t.receivedAt)
      .where(sql`${t.vehicleId} is not null`),
    // The list by time left and the escalation pass over open tickets.
    index('complaint_tickets_state_due_idx').on(t.state, t.nextDueAt),
    index('complaint_tickets_department_idx').on(t.departmentId, t.state, t.nextDueAt),
    index('complaint_tickets_owner_idx')
      .on(t.ownerUserId, t.state, t.nextDueAt)
      .where(sql`${t.ownerUserId} is not null`),
    index('complaint_tickets_manager_idx')
      .on(t.managerUserId, t.state)
      .where(sql`${t.managerUserId} is not null`),
    index('complaint_tickets_received_idx').on(t.receivedAt),
    index('complaint_tickets_closed_idx')
      .on(t.closedAt)
      .where(sql`${t.closedAt} is not null`),
    index('complaint_tickets_closure_task_idx')
      .on(t.closureTaskId)
      .where(sql`${t.closureTaskId} is not null`),
    index('complaint_tickets_source_attempt_idx')
      .on(t.sourceAttemptId)
      .where(sql`${t.sourceAttemptId} is not null`),
    index('complaint_tickets_source_task_idx')
      .on(t.sourceTaskId)
      .where(sql`${t.sourceTaskId} is not null`),
    index('complaint_tickets_repeat_of_idx')
      .on(t.repeatOfId)
      .where(sql`${t.repeatOfId} is not null`),
  ],
);

/** The ticket's timeline: what staff wrote and what the system did, who and when. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => complaintTickets.id),
    kind: text('kind').$type<ComplaintEventKind>().notNull(),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    note: text('note'),
    /** Kind-specific facts (from/to state, grades, pause reason, attachment id…). */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index('complaint_events_ticket_idx').on(t.ticketId, t.id),
    // The KPI strip's satisfaction reads closure calls answered in a period, across all tickets.
    index('complaint_events_kind_idx').on(t.kind, t.at),
  ],
);

/** Pauses of the solution and closing timers; an open pause has no end. */
export const complaintPauses = sqliteTable(
  'complaint_pauses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => complaintTickets.id),
    reason: text('reason').$type<PauseReason>().notNull(),
    note: text('note'),
    startedAt: text('started_at').notNull(),
    startedBy: integer('started_by').references(() => users.id),
    endedAt: text('ended_at'),
    endedBy: integer('ended_by').references(() => users.id),
  },
  (t) => [index('complaint_pauses_ticket_idx').on(t.ticketId, t.startedAt)],
);

/** Solutions proposed to the customer, with compensation in fen and, above the settings amount, approval. */
export const complaintSolutions = sqliteTable(
  'complaint_solutions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => complaintTickets.id),
    proposal: text('proposal').notNull(),
    goodwillFen: integer('goodwill_fen').notNull().default(0),
    labourDiscountFen: integer('labour_discount_fen').notNull().default(0),
    partsDiscountFen: integer('parts_discount_fen').notNull().default(0),
    gift: text('gift'),
    giftValueFen: integer('gift_value_fen').notNull().default(0),
    totalFen: integer('total_fen').notNull().default(0),
    state: text('state').$type<SolutionState>().notNull(),
    needsApproval: integer('needs_approval', { mode: 'boolean' }).notNull().default(false),
    proposedAt: text('proposed_at').notNull(),
    proposedBy: integer('proposed_by').references(() => users.id),
    approvedAt: text('approved_at'),
    approvedBy: integer('approved_by').references(() => users.id),
    approvalNote: text('approval_note'),
    answeredAt: text('answered_at'),
    answeredBy: integer('answered_by').references(() => users.id),
    answerNote: text('answer_note'),
  },
  (t) => [
    index('complaint_solutions_ticket_idx').on(t.ticketId, t.id),
    index('complaint_solutions_state_idx').on(t.state),
  ],
);

/** 复盘 of an A or B ticket: one per ticket. */
export const complaintReviews = sqliteTable('complaint_reviews', {
  ticketId: integer('ticket_id')
    .primaryKey()
    .references(() => complaintTickets.id),
  rootCause: text('root_cause').$type<RootCause>().notNull(),
  correctiveAction: text('corrective_action').notNull(),
  ownerUserId: integer('owner_user_id').references(() => users.id),
  dueDate: text('due_date').notNull(),
  preventable: integer('preventable', { mode: 'boolean' }).notNull(),
  doneAt: text('done_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

/**
 * Evidence files. The bytes live in the data folder (complaint-files/<ticket>/<sha256>), named by their hash so
 * a copy is checked on reading; the row keeps name, type, size and hash.
 */
export const complaintAttachments = sqliteTable(
  'complaint_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => complaintTickets.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    kind: text('kind').$type<AttachmentKind>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Relative to the data folder. */
    storedPath: text('stored_path').notNull(),
    thumbPath: text('thumb_path'),
    thumbMime: text('thumb_mime'),
    note: text('note'),
    uploadedAt: text('uploaded_at').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
  },
  (t) => [index('complaint_attachments_ticket_idx').on(t.ticketId, t.id)],
);

/** Warnings and breaches already notified, so the periodic pass tells people once per ticket and timer. */
export const complaintAlerts = sqliteTable(
  'complaint_alerts',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => complaintTickets.id),
    timer: text('timer').notNull(),
    kind: text('kind', { enum: ['warning', 'breach'] }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.timer, t.kind] })],
);
