import { plateReversedSql } from '../../../db/schema/vehicles';
import { prepared } from '../customers/sql-cache';
import type { SearchPlan } from './classify-query';
import type { Tier } from './name-tiers';
import type { Hit } from './recency-top';
import { prefixEnd } from './recency-top';

const hitCols = 'c.id, c.last_visit_at as lastVisitAt';
const live = 'c.merged_into_id is null';
const recency = 'order by c.last_visit_at desc, c.id desc';
// A prefix or tail can match many vehicles; at most this many are ranked, read in index order.
const rangeCap = 200;

/** Customers whose current vehicle matches `where` on `v`, the vehicles read from `index` only. */
function vehicleTier(
  match: Tier['match'],
  index: string,
  where: string,
  params: unknown[],
  matched: string,
): Tier {
  return {
    match,
    find: (sqlite, limit) =>
      prepared(
        sqlite,
        `select ${hitCols}, ${matched} as matchedText
           from (select owner_id, ${matched} from vehicles v indexed by ${index} where ${where} limit ${rangeCap}) v
           cross join customers c on c.id = v.owner_id
           where ${live} ${recency} limit ?`,
      ).all(...params, limit) as Hit[],
  };
}

/**
 * Exact keys first (mobile, plate, VIN), then their partial forms (last four of the mobile, the end of the
 * VIN, the start of a plate), each read through its own index.
 */
export function keyTiers(plan: SearchPlan): Tier[] {
  const exact: Tier[] = [];
  const partial: Tier[] = [];
  const {
    mobile,
    mobileTail,
    plate,
    platePrefix,
    plateAnyProvince,
    plateTailReversed,
    vin,
    vinTailReversed,
  } = plan;
  if (mobile) {
    exact.push({
      match: 'mobile',
      find: (sqlite, limit) =>
        prepared(
          sqlite,
          `select ${hitCols}, case when c.mobile = ? then c.mobile else c.mobile2 end as matchedText
             from customers c where (c.mobile = ? or c.mobile2 = ?) and ${live} ${recency} limit ?`,
        ).all(mobile, mobile, mobile, limit) as Hit[],
    });
  }
  const plates = [plate, ...(plateAnyProvince ?? [])].filter((p): p is string => !!p);
  if (plates.length) {
    const marks = plates.map(() => '?').join(',');
    exact.push(vehicleTier('plate', 'vehicles_plate_idx', `v.plate in (${marks})`, plates, 'v.plate'));
  }
  if (vin) exact.push(vehicleTier('vin', 'vehicles_vin_idx', 'v.vin = ?', [vin], 'v.vin'));
  if (mobileTail) {
    partial.push({
      match: 'mobile_tail',
      find: (sqlite, limit) =>
        prepared(
          sqlite,
          `select ${hitCols}, c.mobile as matchedText from customers c indexed by customers_mobile_tail_idx
             where c.mobile_tail = ? and ${live} ${recency} limit ?`,
        ).all(mobileTail, limit) as Hit[],
    });
  }
  if (vinTailReversed) {
    partial.push(
      vehicleTier(
        'vin_tail',
        'vehicles_vin_reversed_idx',
        'v.vin_reversed >= ? and v.vin_reversed < ?',
        [vinTailReversed, prefixEnd(vinTailReversed)],
        'v.vin',
      ),
    );
  }
  if (platePrefix) {
    partial.push(
      vehicleTier(
        'plate',
        'vehicles_plate_idx',
        'v.plate > ? and v.plate < ?',
        [platePrefix, prefixEnd(platePrefix)],
        'v.plate',
      ),
    );
  }
  if (plateTailReversed) {
    const reversed = plateReversedSql('v.plate');
    partial.push(
      vehicleTier(
        'plate',
        'vehicles_plate_reversed_owner_idx',
        `${reversed} >= ? and ${reversed} < ?`,
        [plateTailReversed, prefixEnd(plateTailReversed)],
        'v.plate',
      ),
    );
  }
  return [...exact, ...partial];
}
