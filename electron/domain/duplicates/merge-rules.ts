/**
 * The few things about particular tables the generic merge cannot read from the schema.
 */

import type { InviteeStatus } from '../../contract/event-terms';
import type { LoyaltyTier } from '../../contract/loyalty-terms';
import { tierRank } from '../../contract/loyalty-terms';

export type Row = Record<string, unknown>;

/** How far along an event's list a person got: a check-in beats a sign-up beats a pending invitation. */
const inviteeProgress: Record<string, number> = {
  pending: 0,
  unreachable: 1,
  undecided: 2,
  declined: 3,
  cancelled: 4,
  waitlisted: 5,
  accepted: 6,
  no_show: 6,
  confirmed: 7,
  checked_in: 8,
} satisfies Record<InviteeStatus, number>;
export type Winner = 'survivor' | 'merged';

/**
 * When both customers have a row with the same unique key (a tag, a consent purpose, a call-back task for
 * the same rule and date), one row stays and the other is dropped (kept in the merge snapshot). The survivor's
 * row stays unless a table says otherwise here.
 */
export const conflictWinners: Record<string, (survivorRow: Row, mergedRow: Row) => Winner> = {
  // PIPL: the customer's latest word on a purpose counts, whichever card it was recorded on.
  consents: (s, m) => (String(m.recorded_at) > String(s.recorded_at) ? 'merged' : 'survivor'),
  // A task already worked (done, skipped…) beats an open one for the same thing: nobody is called twice.
  callback_tasks: (s, m) => (s.status === 'open' && m.status !== 'open' ? 'merged' : 'survivor'),
  // Both cards on one event's list: the one further along (signed up, checked in) is the person's real answer.
  event_invitees: (s, m) =>
    (inviteeProgress[String(m.status)] ?? 0) > (inviteeProgress[String(s.status)] ?? 0)
      ? 'merged'
      : 'survivor',
  // One member row per customer: the higher tier stays (the points themselves all move, they are lines).
  loyalty_members: (s, m) =>
    tierRank(m.tier as LoyaltyTier) > tierRank(s.tier as LoyaltyTier) ? 'merged' : 'survivor',
};

/** Ids kept in JSON arrays, which foreign keys cannot declare; `scope` limits the rewrite to the two customers. */
export const jsonIdLists: { table: string; column: string; targetTable: string; scope: string }[] = [
  { table: 'callback_attempts', column: 'task_ids', targetTable: 'callback_tasks', scope: 'customer_id' },
];

/** Not watched by the merge's change capture. */
export const unwatchedTables = new Set([
  // The log itself: it is the one thing an undo leaves changed.
  'customer_merges',
  // Append-only (its triggers refuse deletes): the merge and its undo are both logged, neither is undone.
  'audit_log',
  // Derived from customers.name by triggers, which rebuild it whenever a name is put back.
  'customer_name_grams',
  // Report facts, derived from service_visits and vehicles by triggers (db/schema/visit-facts.ts): the visits'
  // own moves and their undo carry them along.
  'customer_visit_months',
  'visit_month_pairs',
  'visit_month_totals',
  'visit_structure_months',
  'maintenance_visit_facts',
  'report_fact_changes',
  'report_month_cache',
]);

/** Foreign keys to customers that record history rather than ownership, so they are not moved. */
export const unmovedReferences = new Set(['customer_merges.survivor_id', 'customer_merges.merged_id']);

/** Table names for messages to staff. */
export const tableLabels: Record<string, string> = {
  customers: '客户资料',
  customer_tags: '标签',
  consents: '授权同意',
  interactions: '联系记录',
  vehicles: '车辆',
  vehicle_ownerships: '车辆归属记录',
  service_visits: '进站记录',
  callback_tasks: '回访任务',
  callback_attempts: '回访通话记录',
  csi_surveys: '满意度调查',
  event_invitees: '活动名单',
  complaint_tickets: '投诉工单',
};

export const tableLabel = (table: string) => tableLabels[table] ?? table;
