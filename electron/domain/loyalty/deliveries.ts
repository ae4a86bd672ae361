import type Database from 'better-sqlite3';
import type { LoyaltySettings } from '../../contract/loyalty-settings';
import { prepared } from '../customers/sql-cache';
import type { PostingStamp } from './earnings';
import { settleSource } from './earnings';
import { loadLoyaltySettings } from './loyalty-settings';

interface DeliveryFacts {
  vehicleId: number;
  /** Who took delivery: the first holder of the car (a later buyer of a used car did not). */
  customerId: number | null;
  deliveryDate: string | null;
  label: string;
}

function deliveryFacts(sqlite: Database.Database, vehicleId: number): DeliveryFacts | null {
  const row = prepared(
    sqlite,
    `select v.id as vehicleId, v.delivery_date as deliveryDate, v.series, v.plate,
       coalesce((select o.customer_id from vehicle_ownerships o where o.vehicle_id = v.id order by o.from_date, o.id
                 limit 1), v.owner_id) as customerId
     from vehicles v where v.id = ?`,
  ).get(vehicleId) as
    | {
        vehicleId: number;
        deliveryDate: string | null;
        series: string;
        plate: string | null;
        customerId: number | null;
      }
    | undefined;
  if (!row) return null;
  return { ...row, label: [row.series, row.plate].filter(Boolean).join(' ') };
}

/**
 * A car's delivery points, and — the first time a referred customer takes delivery — the referral rewards of
 * both sides. Call after a vehicle is saved (created, its delivery date set or corrected, imported) in the same
 * transaction; a delivery date still ahead earns on its day (the daily pass). Repeating it posts nothing.
 */
export function postDelivery(
  sqlite: Database.Database,
  vehicleId: number,
  stamp: PostingStamp,
  opts: { importBatchId?: number | null; settings?: LoyaltySettings } = {},
): number {
  const facts = deliveryFacts(sqlite, vehicleId);
  if (!facts || facts.customerId === null) return 0;
  const settings = opts.settings ?? loadLoyaltySettings(sqlite);
  const delivered = facts.deliveryDate !== null && facts.deliveryDate <= stamp.today;
  let posted = settleSource(
    sqlite,
    {
      customerId: facts.customerId,
      source: opts.importBatchId ? 'import' : 'delivery',
      sourceTable: 'vehicles',
      sourceId: vehicleId,
      points: delivered ? settings.deliveryPoints : 0,
      earnedOn: delivered ? facts.deliveryDate! : stamp.today,
      reason: `购车交车：${facts.label}`,
      importBatchId: opts.importBatchId ?? null,
    },
    stamp,
    settings,
  );
  if (delivered)
    posted += rewardReferral(
      sqlite,
      facts.customerId,
      facts.deliveryDate!,
      stamp,
      settings,
      opts.importBatchId ?? null,
    );
  return posted;
}

/** Referral rewards of this referred customer so far, both sides, reversals netted (0: not rewarded). */
function referralRewarded(sqlite: Database.Database, referredId: number): boolean {
  return (
    (prepared(
      sqlite,
      `select coalesce(sum(points), 0) from loyalty_postings
       where source_table = 'customers' and source_id = ? and source = 'referral' and kind in ('earn', 'reverse')`,
    )
      .pluck()
      .get(referredId) as number) > 0
  );
}

/**
 * Once per referred customer, on their first delivery: the referrer gets the step of this referral in the
 * delivery's calendar year (1st, 2nd, 3rd and on), the referred customer their own reward.
 */
function rewardReferral(
  sqlite: Database.Database,
  customerId: number,
  deliveredOn: string,
  stamp: PostingStamp,
  settings: LoyaltySettings,
  importBatchId: number | null,
): number {
  const customer = prepared(sqlite, 'select referrer_id as referrerId, name from customers where id = ?').get(
    customerId,
  ) as { referrerId: number | null; name: string } | undefined;
  if (!customer?.referrerId || customer.referrerId === customerId) return 0;
  if (referralRewarded(sqlite, customerId)) return 0;
  const year = deliveredOn.slice(0, 4);
  const before = prepared(
    sqlite,
    `select count(*) from (
       select source_id from loyalty_postings
       where customer_id = ? and source = 'referral' and source_table = 'customers' and kind in ('earn', 'reverse')
         and source_id <> ? and posted_on between ? and ?
       group by source_id having sum(points) > 0)`,
  )
    .pluck()
    .get(customer.referrerId, customerId, `${year}-01-01`, `${year}-12-31`) as number;
  const steps = settings.referrerPoints;
  const step = steps[Math.min(before, steps.length - 1)] ?? 0;
  const referrer = prepared(sqlite, 'select name from customers where id = ?')
    .pluck()
    .get(customer.referrerId) as string;
  let posted = 0;
  const common = {
    source: 'referral' as const,
    sourceTable: 'customers',
    sourceId: customerId,
    earnedOn: deliveredOn,
    importBatchId,
  };
  posted += settleSource(
    sqlite,
    {
      ...common,
      customerId: customer.referrerId,
      points: step,
      reason: `推荐 ${customer.name} 成交（${year} 年第 ${before + 1} 次）`,
    },
    stamp,
    settings,
  );
  if (settings.refereePoints > 0) {
    posted += settleSource(
      sqlite,
      { ...common, customerId, points: settings.refereePoints, reason: `经 ${referrer} 推荐购车` },
      stamp,
      settings,
    );
  }
  return posted;
}

/** Deliveries whose day came between `from` and `today` (a date typed ahead of time): post them now. */
export function postDueDeliveries(sqlite: Database.Database, from: string, stamp: PostingStamp): number {
  const ids = prepared(
    sqlite,
    `select v.id from vehicles v where v.delivery_date between ? and ? and v.owner_id is not null
       and not exists (select 1 from loyalty_postings p where p.source_table = 'vehicles' and p.source_id = v.id)`,
  )
    .pluck()
    .all(from, stamp.today) as number[];
  const settings = loadLoyaltySettings(sqlite);
  let count = 0;
  for (const id of ids) if (postDelivery(sqlite, id, stamp, { settings }) > 0) count++;
  return count;
}
