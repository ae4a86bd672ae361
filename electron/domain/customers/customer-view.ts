import type { CustomerCard, Stage } from '../../contract/customers';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { readOwnedVehicles } from '../vehicles/vehicle-read';
import { getCustomer } from './customer-card';
import { loadCustomerFacts } from './customer-facts';
import { deriveCustomer, ruleWindows } from './customer-rules';
import { readTimeline } from './customer-timeline';
import { prepared } from './sql-cache';

export const cardTimelineLimit = 20;
const referredShown = 50;

/** Exported so the benchmark runs the same SQL raw. */
export const cardSql = {
  referrer: 'select id, name from customers where id = ?',
  referred: `select c.id, c.name, c.stage,
      exists (select 1 from vehicle_ownerships o where o.customer_id = c.id)
        or exists (select 1 from vehicles v where v.owner_id = c.id) as hasPurchased
    from customers c where c.referrer_id = ? and c.merged_into_id is null order by c.id limit ${referredShown}`,
};

/**
 * The 360° card in one call: every part is a bounded, indexed read, and the derived figures are the rules of
 * customer-rules/ applied to today's facts, each with its reason.
 */
export function getCustomerCard(ctx: ServiceContext, id: number): CustomerCard {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  const customer = getCustomer(ctx, id);
  const facts = loadCustomerFacts(sqlite, customer, today);
  const derived = deriveCustomer(facts);
  const referrer = customer.referrerId
    ? ((prepared(sqlite, cardSql.referrer).get(customer.referrerId) as
        { id: number; name: string } | undefined) ?? null)
    : null;
  const referred = (
    prepared(sqlite, cardSql.referred).all(id) as {
      id: number;
      name: string;
      stage: Stage;
      hasPurchased: number;
    }[]
  ).map((r) => ({ ...r, hasPurchased: r.hasPurchased === 1 }));
  return {
    customer,
    referrer,
    referred: { total: facts.referrals.total, rows: referred },
    vehicles: readOwnedVehicles(sqlite, id, today),
    derived: {
      asOf: today,
      stage: derived.stage,
      baseGrade: derived.baseGrade,
      loyalty: derived.loyalty,
      last12Months: {
        from: ruleWindows(today).from12m,
        to: today,
        visits: facts.visits.count12m,
        revenueFen: facts.visits.revenue12mFen,
      },
    },
    timeline: readTimeline(sqlite, { customerId: id, limit: cardTimelineLimit }),
  };
}
