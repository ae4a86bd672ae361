import type Database from 'better-sqlite3';
import type { SegmentFilters } from '../../contract/event-segments';
import type { SegmentExclusion } from '../../contract/event-terms';
import { allowedWithoutRecord } from '../callbacks/consent';
import { filtersOf } from '../customers/customer-list';
import type { Sql } from '../search/index-walk';
import { and } from '../search/index-walk';

/**
 * The segment as one condition on customers `c`: the customer list's own filters (the same SQL the list
 * runs) and what only segments have — model, delivery date range (vehicles of the customer), loyalty score.
 */
export function segmentCondition(sqlite: Database.Database, f: SegmentFilters): Sql {
  const { model, deliveryFrom, deliveryTo, loyaltyMin, loyaltyMax, ...listFilters } = f;
  const conds = filtersOf(sqlite, listFilters).map((x) => x.cond);
  if (model) {
    conds.push({ sql: 'c.id in (select owner_id from vehicles where model = ?)', params: [model] });
  }
  if (deliveryFrom || deliveryTo) {
    conds.push({
      sql: `c.id in (select owner_id from vehicles indexed by vehicles_delivery_idx
              where delivery_date >= ? and delivery_date <= ?)`,
      params: [deliveryFrom ?? '', deliveryTo ?? '9999-12-31'],
    });
  }
  if (loyaltyMin !== undefined) conds.push({ sql: 'c.loyalty_score >= ?', params: [loyaltyMin] });
  if (loyaltyMax !== undefined) conds.push({ sql: 'c.loyalty_score <= ?', params: [loyaltyMax] });
  return and(conds);
}

/**
 * Event invitations need the customer's yes for the 'events' purpose unless the callbacks' consent rule says
 * no record is enough (electron/domain/callbacks/consent.ts decides for the calls; the list follows it).
 */
const noEventsConsentSql = allowedWithoutRecord.events
  ? `c.id in (select customer_id from consents where purpose = 'events' and granted = 0)`
  : `c.id not in (select customer_id from consents where purpose = 'events' and granted = 1)`;

/** The exclusions in the order a customer is counted under (the first that applies). */
export const exclusionOrder: readonly SegmentExclusion[] = [
  'merged_or_erased',
  'do_not_contact',
  'no_events_consent',
  'no_mobile',
  'recently_invited',
  'already_listed',
];

/**
 * Every customer of the segment with the reason they are left off this event's list (null: eligible), in one
 * pass over the segment's customers. Each test is a set built once per statement (IN-lists): over the whole
 * base that is about twice as fast as a probe per customer, and a small segment pays a few table reads.
 */
export function classifiedSql(cond: Sql, eventId: number, recentSince: string): Sql {
  return {
    sql: `select c.id as id, case
        when c.merged_into_id is not null or c.id in (select customer_id from customer_erasures) then 'merged_or_erased'
        when c.do_not_contact = 1 then 'do_not_contact'
        when ${noEventsConsentSql} then 'no_events_consent'
        when c.mobile is null or c.mobile = '' then 'no_mobile'
        when c.id in (select customer_id from event_invitees where created_at >= ? and event_id <> ?) then 'recently_invited'
        when c.id in (select customer_id from event_invitees where event_id = ?) then 'already_listed'
      end as reason
      from customers c where ${cond.sql}`,
    params: [recentSince, eventId, eventId, ...cond.params],
  };
}
