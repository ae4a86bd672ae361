import type Database from 'better-sqlite3';
import { localDate } from '../clock';
import type { CustomerFacts } from './customer-rules';
import { ruleWindows } from './customer-rules';
import type { FactsSubject } from './customer-facts';
import { instantWindows } from './customer-facts';
import { prepared } from './sql-cache';

const ids = 'select value from json_each(@ids)';

/**
 * loadCustomerFacts' queries, each once for a whole set of customers (grouped by customer, through the same
 * per-customer indexes): for a write that touches thousands of customers at once (a repair-order import), where
 * ten small queries per customer were most of the cost. The same facts, customer by customer — a test holds the
 * two equal.
 */
const manySql = {
  ownerships: `select customer_id as customerId, vehicle_id as vehicleId, from_date as fromDate, null as createdAt
      from vehicle_ownerships where customer_id in (${ids})
    union all
    select v.owner_id, v.id, v.delivery_date, v.created_at from vehicles v where v.owner_id in (${ids})
      and not exists (select 1 from vehicle_ownerships o where o.vehicle_id = v.id and o.customer_id = v.owner_id)`,
  currentVehicles: `select owner_id as id, count(*) as n from vehicles where owner_id in (${ids}) group by owner_id`,
  visits: `select customer_id as id, max(visit_date) as lastOn,
      count(*) filter (where visit_date > @from24 and visit_date <= @today and visit_date > @from12) as count12m,
      coalesce(sum(amount_fen) filter (where visit_date > @from24 and visit_date <= @today and visit_date > @from12), 0)
        as revenue12mFen,
      coalesce(sum(amount_fen) filter (where visit_date > @from24 and visit_date <= @today), 0) as revenue24mFen,
      count(*) filter (where visit_date > @from24 and visit_date <= @today and visit_date > @from12
        and type in ('first_maintenance', 'maintenance')) as maintenance12m,
      count(*) filter (where visit_date > @from24 and visit_date <= @today
        and type in ('first_maintenance', 'maintenance')) as maintenance24m
    from service_visits where customer_id in (${ids}) group by customer_id`,
  // Newest first, at most 50 each, as the single query's `order by surveyed_at desc limit 50`.
  surveys: `select id, overall, surveyedAt from (
      select customer_id as id, overall, surveyed_at as surveyedAt,
        row_number() over (partition by customer_id order by surveyed_at desc) as n
      from csi_surveys where customer_id in (${ids}) and surveyed_at >= @since24) where n <= 50
    order by id, n`,
  interactions: `select customer_id as id, max(occurred_at) as lastAt,
      count(*) filter (where occurred_at >= @since12 and kind = 'complaint') as complaints,
      count(*) filter (where occurred_at >= @since24 and kind = 'event') as events
    from interactions where customer_id in (${ids}) group by customer_id`,
  referrals: `select c.referrer_id as id, count(*) as total,
      coalesce(sum(exists (select 1 from vehicle_ownerships o where o.customer_id = c.id)
        or exists (select 1 from vehicles v where v.owner_id = c.id)), 0) as bought
    from customers c where c.referrer_id in (${ids}) and c.merged_into_id is null group by c.referrer_id`,
} as const;

function dayOfInstant(iso: string | null): string | null {
  return iso === null ? null : localDate(new Date(iso));
}

export function loadCustomerFactsMany(
  sqlite: Database.Database,
  subjects: readonly FactsSubject[],
  today: string,
): Map<number, CustomerFacts> {
  const { from12m, from24m } = ruleWindows(today);
  const { since12m, since24m } = instantWindows(today);
  const p = {
    ids: JSON.stringify(subjects.map((s) => s.id)),
    from12: from12m,
    from24: from24m,
    today,
    since12: since12m,
    since24: since24m,
  };
  const all = <T>(sql: string, names: (keyof typeof p)[]) =>
    prepared(sqlite, sql).all(Object.fromEntries(names.map((n) => [n, p[n]]))) as T[];
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

  const owned = new Map<number, { vehicleId: number; fromDate: string | null; createdAt: string | null }[]>();
  for (const o of all<{
    customerId: number;
    vehicleId: number;
    fromDate: string | null;
    createdAt: string | null;
  }>(manySql.ownerships, ['ids'])) {
    const list = owned.get(o.customerId) ?? [];
    list.push(o);
    owned.set(o.customerId, list);
  }
  const current = byId(all<{ id: number; n: number }>(manySql.currentVehicles, ['ids']));
  const visits = byId(
    all<{ id: number } & CustomerFacts['visits']>(manySql.visits, ['ids', 'from12', 'from24', 'today']),
  );
  const surveys = new Map<number, CustomerFacts['surveys']>();
  for (const s of all<{
    id: number;
    overall: CustomerFacts['surveys'][number]['overall'];
    surveyedAt: string;
  }>(manySql.surveys, ['ids', 'since24'])) {
    const list = surveys.get(s.id) ?? [];
    list.push({ overall: s.overall, on: dayOfInstant(s.surveyedAt) ?? s.surveyedAt });
    surveys.set(s.id, list);
  }
  const contacts = byId(
    all<{ id: number; lastAt: string | null; complaints: number; events: number }>(manySql.interactions, [
      'ids',
      'since12',
      'since24',
    ]),
  );
  const referrals = byId(all<{ id: number; total: number; bought: number }>(manySql.referrals, ['ids']));

  const facts = new Map<number, CustomerFacts>();
  for (const c of subjects) {
    let first: string | null = null;
    let latest: string | null = null;
    const mine = owned.get(c.id) ?? [];
    for (const o of mine) {
      const from = o.fromDate ?? dayOfInstant(o.createdAt) ?? today;
      if (first === null || from < first) first = from;
      if (latest === null || from > latest) latest = from;
    }
    const v = visits.get(c.id);
    const contact = contacts.get(c.id);
    const referral = referrals.get(c.id);
    facts.set(c.id, {
      today,
      enteredStage: c.stage,
      createdOn: dayOfInstant(c.createdAt) ?? today,
      lastContactOn: dayOfInstant(contact?.lastAt ?? null),
      ownership: {
        vehiclesEverOwned: new Set(mine.map((o) => o.vehicleId)).size,
        currentVehicles: current.get(c.id)?.n ?? 0,
        firstAcquiredOn: first,
        latestAcquiredOn: latest,
      },
      visits: {
        lastOn: v?.lastOn ?? null,
        count12m: v?.count12m ?? 0,
        revenue12mFen: v?.revenue12mFen ?? 0,
        revenue24mFen: v?.revenue24mFen ?? 0,
        maintenance12m: v?.maintenance12m ?? 0,
        maintenance24m: v?.maintenance24m ?? 0,
      },
      surveys: surveys.get(c.id) ?? [],
      complaints12m: contact?.complaints ?? 0,
      events24m: contact?.events ?? 0,
      referrals: { total: referral?.total ?? 0, bought: referral?.bought ?? 0 },
    });
  }
  return facts;
}
