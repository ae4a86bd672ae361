import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { consentPurposes } from '../../electron/contract/consent';
import { customers } from './customers';
import { users } from './users';
import { serviceVisits, vehicles } from './vehicles';

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

/** Each generating rule is data the manager edits in Settings. */
export const callbackRules = sqliteTable('callback_rules', {
  code: text('code', { enum: callbackRuleCodes }).primaryKey(),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Days after (negative: before) the anchor date that the call falls due. */
  offsetDays: integer('offset_days').notNull().default(0),
  /** How many days around the due date a generation pass still creates it (late data, missed runs). */
  windowDays: integer('window_days').notNull().default(7),
  priority: integer('priority').notNull().default(3),
  script: text('script').notNull().default(''),
  expiryDays: integer('expiry_days').notNull().default(15),
  maxAttempts: integer('max_attempts').notNull().default(3),
  consentPurpose: text('consent_purpose', { enum: consentPurposes }).notNull(),
  /** Rule-specific numbers (maintenance interval km/months, churn months…), JSON. */
  params: text('params', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  version: integer('version').notNull().default(1),
});

/** What each outcome does to the task: wait before the next try, count an attempt, close it. */
export const callbackOutcomeSettings = sqliteTable('callback_outcome_settings', {
  outcome: text('outcome', { enum: callbackOutcomes }).primaryKey(),
  recycleMinutes: integer('recycle_minutes').notNull().default(0),
  countsAttempt: integer('counts_attempt', { mode: 'boolean' }).notNull().default(true),
  closesTask: integer('closes_task', { mode: 'boolean' }).notNull().default(false),
});

export const callbackTasks = sqliteTable(
  'callback_tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    vehicleId: integer('vehicle_id').references(() => vehicles.id),
    serviceVisitId: integer('service_visit_id').references(() => serviceVisits.id),
    ruleCode: text('rule_code', { enum: callbackRuleCodes }).notNull(),
    /** The date in the data that triggered the task (delivery, visit, birthday of that year…). */
    anchorDate: text('anchor_date').notNull(),
    dueDate: text('due_date').notNull(),
    expiresOn: text('expires_on').notNull(),
    priority: integer('priority').notNull(),
    status: text('status', { enum: ['open', 'done', 'expired', 'skipped', 'cancelled'] })
      .notNull()
      .default('open'),
    skipReason: text('skip_reason'),
    attempts: integer('attempts').notNull().default(0),
    /** After a no-answer the task rests until then. */
    nextAttemptAt: text('next_attempt_at'),
    assignedUserId: integer('assigned_user_id').references(() => users.id),
    claimedBy: integer('claimed_by').references(() => users.id),
    claimExpiresAt: text('claim_expires_at'),
    lastOutcome: text('last_outcome', { enum: callbackOutcomes }),
    notes: text('notes'),
    completedAt: text('completed_at'),
    completedBy: integer('completed_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // The identity index (customer, rule, anchor, coalesce(vehicle, 0)) is an expression index drizzle-kit
    // cannot express; it lives in migration 0003.
    index('callback_tasks_queue_idx').on(t.status, t.dueDate, t.priority),
    // Covers the queue's counts (buckets by due date and rest, filters by type and priority) per customer.
    index('callback_tasks_customer_idx').on(
      t.customerId,
      t.status,
      t.dueDate,
      t.nextAttemptAt,
      t.priority,
      t.ruleCode,
    ),
    // Only tasks resting after a failed try: few, and new tasks (none resting) cost it nothing to insert.
    index('callback_tasks_resting_idx')
      .on(t.status, t.nextAttemptAt)
      .where(sql`${t.nextAttemptAt} is not null`),
    // Partial: a full pass inserts 10^5 tasks, none assigned or claimed and many without a vehicle; those rows
    // cost these indexes nothing, and every lookup through them names a value.
    index('callback_tasks_assigned_idx')
      .on(t.assignedUserId, t.status, t.dueDate)
      .where(sql`${t.assignedUserId} is not null`),
    index('callback_tasks_claim_idx')
      .on(t.claimedBy, t.claimExpiresAt)
      .where(sql`${t.claimedBy} is not null`),
    index('callback_tasks_vehicle_idx')
      .on(t.vehicleId)
      .where(sql`${t.vehicleId} is not null`),
    // The foreign key's own lookup: deleting a visit looks for tasks naming it, and without this index each
    // deleted visit scanned every task (a 50k-order revert at scale L: 48k scans of 3·10^5 tasks, over 15 min).
    // Few tasks name a visit.
    index('callback_tasks_service_visit_idx')
      .on(t.serviceVisitId)
      .where(sql`${t.serviceVisitId} is not null`),
    // The day's expiry finds the open tasks past their last day: ~7·10^4 open tasks are overdue at scale L and
    // the queue index walked them all (180 ms, inside a request or the morning pass) to find the few expiring.
    index('callback_tasks_open_expiry_idx')
      .on(t.expiresOn)
      .where(sql`${t.status} = 'open'`),
  ],
);

export const callbackAttempts = sqliteTable(
  'callback_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** One call may work several tasks of the same customer: JSON array of task ids. */
    taskIds: text('task_ids', { mode: 'json' }).$type<number[]>().notNull(),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at').notNull(),
    outcome: text('outcome', { enum: callbackOutcomes }).notNull(),
    appointmentAt: text('appointment_at'),
    callBackAt: text('call_back_at'),
    notes: text('notes'),
    /** What recording this outcome changed (task states, do-not-contact, tasks it created), so it can be undone. */
    effects: text('effects', { mode: 'json' }),
    undoneAt: text('undone_at'),
    undoneBy: integer('undone_by').references(() => users.id),
    undoReason: text('undo_reason'),
  },
  (t) => [
    index('callback_attempts_customer_idx').on(t.customerId),
    index('callback_attempts_user_idx').on(t.userId, t.endedAt),
  ],
);

export const csiSurveys = sqliteTable(
  'csi_surveys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    taskId: integer('task_id').references(() => callbackTasks.id),
    attemptId: integer('attempt_id').references(() => callbackAttempts.id),
    kind: text('kind', { enum: ['service', 'sales'] }).notNull(),
    overall: text('overall', { enum: ['satisfied', 'neutral', 'dissatisfied'] }).notNull(),
    nps: integer('nps'),
    advisorScore: integer('advisor_score'),
    qualityScore: integer('quality_score'),
    timelinessScore: integer('timeliness_score'),
    priceScore: integer('price_score'),
    facilityScore: integer('facility_score'),
    notes: text('notes'),
    surveyedAt: text('surveyed_at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    index('csi_surveys_customer_idx').on(t.customerId),
    index('csi_surveys_date_idx').on(t.surveyedAt, t.customerId),
  ],
);
