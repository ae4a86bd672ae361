import type Database from 'better-sqlite3';
import type { Stage } from '../../contract/customers';
import { localDate, storeDayStart } from '../clock';
import type { CustomerFacts } from './customer-rules';
import { ruleWindows } from './customer-rules';
import { addDays } from './customer-rules/rule-dates';
import { prepared } from './sql-cache';

/**
 * The queries behind the rules, each bounded by an index on the customer (service_visits (customer_id,
 * visit_date), interactions (customer_id, occurred_at), vehicle_ownerships (customer_id), customers
 * (referrer_id)), so a card costs the same for a fleet with hundreds of visits as for a new lead.
 * Exported as text so the benchmark can run the very same SQL raw.
 */
export const factsSql = {
  ownerships: `select vehicle_id as vehicleId, from_date as fromDate, null as createdAt from vehicle_ownerships
      where customer_id = ?
    union all
    select v.id, v.delivery_date, v.created_at from vehicles v where v.owner_id = ?
      and not exists (select 1 from vehicle_ownerships o where o.vehicle_id = v.id and o.customer_id = v.owner_id)`,
  currentVehicles: 'select count(*) as n from vehicles where owner_id = ?',
  lastVisit: 'select max(visit_date) as lastOn from service_visits where customer_id = ?',
  visitWindow: `select count(*) filter (where visit_date > @from12) as count12m,
      coalesce(sum(amount_fen) filter (where visit_date > @from12), 0) as revenue12mFen,
      coalesce(sum(amount_fen), 0) as revenue24mFen,
      count(*) filter (where visit_date > @from12 and type in ('first_maintenance', 'maintenance')) as maintenance12m,
      count(*) filter (where type in ('first_maintenance', 'maintenance')) as maintenance24m
    from service_visits where customer_id = @id and visit_date > @from24 and visit_date <= @today`,
  surveys: `select overall, surveyed_at as surveyedAt from csi_surveys where customer_id = ? and surveyed_at >= ?
    order by surveyed_at desc limit 50`,
  lastContact: 'select max(occurred_at) as at from interactions where customer_id = ?',
  kindSince: 'select count(*) as n from interactions where customer_id = ? and occurred_at >= ? and kind = ?',
  referrals: `select count(*) as total, coalesce(sum(exists (select 1 from vehicle_ownerships o where o.customer_id = c.id)
      or exists (select 1 from vehicles v where v.owner_id = c.id)), 0) as bought
    from customers c where c.referrer_id = ? and c.merged_into_id is null`,
} as const;

export interface FactsSubject {
  id: number;
  stage: Stage;
  createdAt: string;
}

/**
 * The windows as instants: interactions and surveys carry UTC timestamps, the windows are store days, so
 * "after the day 12 months ago" begins at the store's midnight that ends that day, not at UTC midnight.
 */
export function instantWindows(today: string): { since12m: string; since24m: string } {
  const { from12m, from24m } = ruleWindows(today);
  const after = (day: string) => storeDayStart(addDays(day, 1)).toISOString();
  return { since12m: after(from12m), since24m: after(from24m) };
}

/** Interaction and survey times are UTC instants; the rules count in the store's calendar days. */
function dayOfInstant(iso: string | null): string | null {
  return iso === null ? null : localDate(new Date(iso));
}

export function loadCustomerFacts(sqlite: Database.Database, c: FactsSubject, today: string): CustomerFacts {
  const { from12m, from24m } = ruleWindows(today);
  const owned = prepared(sqlite, factsSql.ownerships).all(c.id, c.id) as {
    vehicleId: number;
    fromDate: string | null;
    createdAt: string | null;
  }[];
  let first: string | null = null;
  let latest: string | null = null;
  for (const o of owned) {
    // A car with no delivery date is owned from the store day it was entered (its instant is UTC).
    const from = o.fromDate ?? dayOfInstant(o.createdAt) ?? today;
    if (first === null || from < first) first = from;
    if (latest === null || from > latest) latest = from;
  }
  const current = (prepared(sqlite, factsSql.currentVehicles).get(c.id) as { n: number }).n;
  const lastVisit = prepared(sqlite, factsSql.lastVisit).get(c.id) as { lastOn: string | null };
  const window = prepared(sqlite, factsSql.visitWindow).get({
    id: c.id,
    from12: from12m,
    from24: from24m,
    today,
  }) as {
    count12m: number;
    revenue12mFen: number;
    revenue24mFen: number;
    maintenance12m: number;
    maintenance24m: number;
  };
  const { since12m, since24m } = instantWindows(today);
  const surveys = prepared(sqlite, factsSql.surveys).all(c.id, since24m) as {
    overall: CustomerFacts['surveys'][number]['overall'];
    surveyedAt: string;
  }[];
  const lastContact = prepared(sqlite, factsSql.lastContact).get(c.id) as { at: string | null };
  const kindSince = prepared(sqlite, factsSql.kindSince);
  const complaints = kindSince.get(c.id, since12m, 'complaint') as { n: number };
  const events = kindSince.get(c.id, since24m, 'event') as { n: number };
  const referrals = prepared(sqlite, factsSql.referrals).get(c.id) as { total: number; bought: number };
  return {
    today,
    enteredStage: c.stage,
    createdOn: dayOfInstant(c.createdAt) ?? today,
    lastContactOn: dayOfInstant(lastContact.at),
    ownership: {
      vehiclesEverOwned: new Set(owned.map((o) => o.vehicleId)).size,
      currentVehicles: current,
      firstAcquiredOn: first,
      latestAcquiredOn: latest,
    },
    visits: { lastOn: lastVisit.lastOn, ...window },
    surveys: surveys.map((s) => ({ overall: s.overall, on: dayOfInstant(s.surveyedAt) ?? s.surveyedAt })),
    complaints12m: complaints.n,
    events24m: events.n,
    referrals: { total: referrals.total, bought: referrals.bought },
  };
}
