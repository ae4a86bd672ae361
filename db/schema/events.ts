import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  BudgetCategory,
  ChecklistKind,
  CrmBudgetLine,
  EventStatus,
  EventType,
  FilingStatus,
  InviteeOrigin,
  InviteeStatus,
} from '../../electron/contract/event-terms';
import type { SegmentFilters } from '../../electron/contract/event-segments';
import { callbackTasks } from './callbacks';
import { customers } from './customers';
import { users } from './users';

/**
 * 客户活动. Dates (start, end, agenda days, due dates) are the store's calendar days (YYYY-MM-DD); instants are
 * ISO 8601 UTC. Money is integer fen everywhere.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** HD2026-003: the number staff and the manufacturer's filing quote. */
    eventNo: text('event_no').notNull().unique(),
    title: text('title').notNull(),
    type: text('type').$type<EventType>().notNull(),
    theme: text('theme'),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    /** The place or places, as staff write them ("肇庆鼎湖山；集合：店内展厅"). */
    places: text('places'),
    capacityCars: integer('capacity_cars'),
    capacityPeople: integer('capacity_people'),
    /** Planned attendance (seed 001: 40 cars / ~100 people), beside the capacity that may be raised later. */
    plannedCars: integer('planned_cars'),
    plannedPeople: integer('planned_people'),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: text('approved_at'),
    /** Invitation scripts: placeholders {name}{title}{event}{dates}{place}{agenda}{store}. Null: the rule's. */
    invitationScript: text('invitation_script'),
    confirmationScript: text('confirmation_script'),
    filingStatus: text('filing_status').$type<FilingStatus>().notNull().default('not_filed'),
    subsidyRequestedFen: integer('subsidy_requested_fen').notNull().default(0),
    subsidyApprovedFen: integer('subsidy_approved_fen').notNull().default(0),
    subsidyReceivedFen: integer('subsidy_received_fen').notNull().default(0),
    manufacturerGifts: text('manufacturer_gifts'),
    /** The summary (总结), due within N days after the end; locked once submitted. */
    summaryDueOn: text('summary_due_on'),
    summaryStrengths: text('summary_strengths'),
    summaryShortcomings: text('summary_shortcomings'),
    summaryImprovements: text('summary_improvements'),
    summaryPublicity: text('summary_publicity'),
    summarySubmittedAt: text('summary_submitted_at'),
    summarySubmittedBy: integer('summary_submitted_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('events_starts_idx').on(t.startsOn), index('events_status_idx').on(t.status, t.startsOn)],
);

/** 活动流程: one line of the agenda. */
export const eventAgendaItems = sqliteTable(
  'event_agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    day: text('day').notNull(),
    /** HH:mm on the store's clock; null for an all-day item. */
    time: text('time'),
    place: text('place'),
    item: text('item').notNull(),
    personInCharge: text('person_in_charge'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('event_agenda_event_idx').on(t.eventId, t.day, t.sort)],
);

/** 筹备清单: preparation tasks with an owner and a due date. */
export const eventChecklistItems = sqliteTable(
  'event_checklist_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    kind: text('kind').$type<ChecklistKind>().notNull(),
    title: text('title').notNull(),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    dueOn: text('due_on'),
    doneAt: text('done_at'),
    doneBy: integer('done_by').references(() => users.id),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('event_checklist_event_idx').on(t.eventId, t.sort)],
);

/** 预算: one line, planned and actual (fen). Actuals after approval carry who and when. */
export const eventBudgetLines = sqliteTable(
  'event_budget_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    category: text('category').$type<BudgetCategory>().notNull(),
    description: text('description'),
    plannedFen: integer('planned_fen').notNull().default(0),
    actualFen: integer('actual_fen'),
    note: text('note'),
    receiptNo: text('receipt_no'),
    actualBy: integer('actual_by').references(() => users.id),
    actualAt: text('actual_at'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('event_budget_event_idx').on(t.eventId, t.sort)],
);

/**
 * The target list and everyone who signs up: one row per person and event, from pending through the
 * invitation and second confirmation calls to check-in. Seats (cars, people) count against the capacity
 * while the row holds them (accepted, confirmed, checked in).
 */
export const eventInvitees = sqliteTable(
  'event_invitees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    origin: text('origin').$type<InviteeOrigin>().notNull(),
    status: text('status').$type<InviteeStatus>().notNull().default('pending'),
    /** 报名号: what the laptop at the venue finds a person by (e.g. 023). Given at sign-up. */
    signupNo: integer('signup_no'),
    cars: integer('cars').notNull().default(0),
    adults: integer('adults').notNull().default(0),
    children: integer('children').notNull().default(0),
    declineReason: text('decline_reason'),
    /** The waiting list's order (lower first) while waitlisted. */
    waitlistAt: text('waitlist_at'),
    /** The customer who brought this person (a friend, a forum member who became a lead). */
    referredById: integer('referred_by_id').references(() => customers.id),
    invitationTaskId: integer('invitation_task_id').references(() => callbackTasks.id),
    confirmationTaskId: integer('confirmation_task_id').references(() => callbackTasks.id),
    /** When the first invitation call reached the customer (the funnel's "reached"). */
    reachedAt: text('reached_at'),
    acceptedAt: text('accepted_at'),
    confirmedAt: text('confirmed_at'),
    cancelledAt: text('cancelled_at'),
    checkedInAt: text('checked_in_at'),
    checkedInBy: integer('checked_in_by').references(() => users.id),
    checkedInCars: integer('checked_in_cars'),
    checkedInPeople: integer('checked_in_people'),
    /** Where the invitee stood before the check-in, so a mistaken tap can be taken back; null for a walk-in. */
    statusBeforeCheckIn: text('status_before_check_in').$type<InviteeStatus>(),
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('event_invitees_event_customer_idx').on(t.eventId, t.customerId),
    uniqueIndex('event_invitees_signup_idx')
      .on(t.eventId, t.signupNo)
      .where(sql`${t.signupNo} is not null`),
    index('event_invitees_status_idx').on(t.eventId, t.status),
    // "Already invited to another event in the last N days" and a customer's events on the card.
    index('event_invitees_customer_idx').on(t.customerId, t.createdAt),
    index('event_invitees_invitation_task_idx')
      .on(t.invitationTaskId)
      .where(sql`${t.invitationTaskId} is not null`),
    index('event_invitees_confirmation_task_idx')
      .on(t.confirmationTaskId)
      .where(sql`${t.confirmationTaskId} is not null`),
  ],
);

/** Saved segments (目标客群), reused across events. */
export const eventSegments = sqliteTable('event_segments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  filters: text('filters', { mode: 'json' }).$type<SegmentFilters>().notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Photos and files of the summary (publicity, the day): stored like complaint evidence, by hash. */
export const eventAttachments = sqliteTable(
  'event_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    caption: text('caption'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: text('uploaded_at').notNull(),
  },
  (t) => [index('event_attachments_event_idx').on(t.eventId)],
);

/** The year's CRM budget per line (seed 000's split by default), fen. */
export const crmBudgetPlans = sqliteTable(
  'crm_budget_plans',
  {
    year: integer('year').notNull(),
    line: text('line').$type<CrmBudgetLine>().notNull(),
    plannedFen: integer('planned_fen').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.year, t.line] })],
);

/**
 * Spending booked on a line by hand (systems, staff, other, and marketing that is not an event). Events'
 * net cost rolls into events_marketing from the events themselves, never booked here twice.
 */
export const crmBudgetSpends = sqliteTable(
  'crm_budget_spends',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    line: text('line').$type<CrmBudgetLine>().notNull(),
    spentOn: text('spent_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    note: text('note').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('crm_budget_spends_year_idx').on(t.year, t.line)],
);
