import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';
import { postDelivery } from './deliveries';
import type { PostingStamp } from './earnings';
import { loadLoyaltySettings } from './loyalty-settings';

/**
 * An applied import's points: deliveries of the cars it created or updated (and the referrals they close),
 * tagged with the batch so its revert finds exactly them. Inside the import's transaction, after the batch row.
 */
export function postImportPoints(
  sqlite: Database.Database,
  batchId: number,
  vehicleIds: readonly number[],
  stamp: PostingStamp,
): number {
  const settings = loadLoyaltySettings(sqlite);
  let posted = 0;
  for (const id of vehicleIds)
    posted += postDelivery(sqlite, id, stamp, { importBatchId: batchId, settings });
  return posted;
}

interface BatchLot {
  customerId: number;
  source: 'import' | 'referral';
  sourceTable: string;
  sourceId: number;
  net: number;
  postedOn: string;
  expiresOn: string | null;
}

/**
 * What lotRemaining (ledger.ts) gives for every lot of the customers, read in three set-based queries: per
 * customer, spends drawn from the lots that expire first. Keyed by customer, source table and id.
 */
function lotsRemaining(sqlite: Database.Database, customers: readonly number[]): Map<string, number> {
  const ids = JSON.stringify(customers);
  const lots = sqlite
    .prepare(
      `select p.customer_id as c, p.source_table as t, p.source_id as id, sum(p.points) as net,
         min(p.expires_on) as e
       from json_each(?) j cross join loyalty_postings p indexed by loyalty_postings_customer_idx
         on p.customer_id = j.value
       where p.kind in ('earn', 'reverse') or (p.kind = 'adjust' and p.points > 0)
       group by 1, 2, 3`,
    )
    .all(ids) as { c: number; t: string; id: number; net: number; e: string | null }[];
  const spent = new Map(
    (
      sqlite
        .prepare(
          `select p.customer_id as c, sum(p.points) as points
           from json_each(?) j cross join loyalty_postings p indexed by loyalty_postings_customer_idx
             on p.customer_id = j.value
           where p.kind in ('redeem', 'expire') or (p.kind = 'adjust' and p.points < 0) group by 1`,
        )
        .all(ids) as { c: number; points: number }[]
    ).map((r) => [r.c, -r.points]),
  );
  // lotRemaining's order: order by e, t, id (SQL puts a null expiry first).
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  lots.sort(
    (a, b) =>
      a.c - b.c ||
      (a.e === b.e ? 0 : a.e === null ? -1 : b.e === null ? 1 : text(a.e, b.e)) ||
      text(a.t, b.t) ||
      a.id - b.id,
  );
  const left = new Map<string, number>();
  let customer = -1;
  let toCover = 0;
  for (const lot of lots) {
    if (lot.c !== customer) {
      customer = lot.c;
      toCover = spent.get(lot.c) ?? 0;
    }
    const net = Math.max(0, lot.net);
    const covered = Math.min(net, toCover);
    toCover -= covered;
    left.set(`${lot.c}|${lot.t}|${lot.id}`, net - covered);
  }
  return left;
}

/**
 * Takes an import's points back, before its revert deletes anything: a customer who stays gets a `reverse` of
 * what the batch gave (never below zero); a customer the revert deletes loses the batch's lines — and, with no
 * other line left, their member row and tier history. Any other line of theirs stays and blocks the revert
 * (revert-references finds it), as any other data of a created customer does.
 *
 * Set-based (a 50k-order revert reversed 48k lots with five statements each, ~8 s at scale L): every lot's
 * remainder is read at once and the reversals inserted in one statement, the same lines in the same order as
 * reversing lot by lot — a reversal takes from its own lot only what spends left of it, so it moves no spend
 * onto another lot: a later lot's remainder is as before, its own (a second line of one source) less what was
 * taken, and the customer's balance less each reversal.
 */
export function reverseImportPoints(
  sqlite: Database.Database,
  batchId: number,
  deletedCustomers: readonly number[],
  stamp: PostingStamp,
): void {
  const deleted = new Set(deletedCustomers);
  const lots = (
    prepared(
      sqlite,
      `select customer_id as customerId, source, source_table as sourceTable, source_id as sourceId,
         sum(points) as net, min(posted_on) as postedOn, min(expires_on) as expiresOn
       from loyalty_postings indexed by loyalty_postings_batch_idx
       where import_batch_id = ? and kind in ('earn', 'reverse')
       group by customer_id, source, source_table, source_id`,
    ).all(batchId) as BatchLot[]
  ).filter((lot) => !deleted.has(lot.customerId) && lot.net > 0);
  const customers = [...new Set(lots.map((l) => l.customerId))];
  const left = lotsRemaining(sqlite, customers);
  const balance = new Map(
    (
      sqlite
        .prepare(
          `select p.customer_id as c, sum(p.points) as points
           from json_each(?) j cross join loyalty_postings p indexed by loyalty_postings_customer_idx
             on p.customer_id = j.value group by 1`,
        )
        .all(JSON.stringify(customers)) as { c: number; points: number }[]
    ).map((r) => [r.c, r.points]),
  );
  const reversals: (string | number | null)[][] = [];
  for (const lot of lots) {
    const key = `${lot.customerId}|${lot.sourceTable}|${lot.sourceId}`;
    const remaining = left.get(key) ?? 0;
    const bal = balance.get(lot.customerId) ?? 0;
    const points = Math.min(lot.net, remaining, Math.max(0, bal));
    if (points === 0) continue;
    left.set(key, remaining - points);
    balance.set(lot.customerId, bal - points);
    reversals.push([
      lot.customerId,
      lot.source,
      lot.sourceTable,
      lot.sourceId,
      -points,
      lot.postedOn,
      lot.expiresOn,
    ]);
  }
  if (reversals.length) {
    const rows = JSON.stringify(reversals);
    // As insertPosting does for each line: the member row first (they have one: the batch's lines made it).
    sqlite
      .prepare(
        `insert into loyalty_members (customer_id, tier, updated_at)
         select j.value ->> 0, 'regular', ? from json_each(?) j where true order by j.key
         on conflict (customer_id) do nothing`,
      )
      .run(stamp.now, rows);
    sqlite
      .prepare(
        `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, import_batch_id, points,
           posted_on, expires_on, reason, approved_by, created_by, created_at)
         select j.value ->> 0, 'reverse', j.value ->> 1, j.value ->> 2, j.value ->> 3, @batchId, j.value ->> 4,
           j.value ->> 5, j.value ->> 6, @reason, null, @by, @now
         from json_each(@rows) j order by j.key`,
      )
      .run({ batchId, reason: `撤销导入批次 ${batchId}`, by: stamp.by, now: stamp.now, rows });
  }
  if (!deleted.size) return;
  const ids = JSON.stringify([...deleted]);
  prepared(
    sqlite,
    `delete from loyalty_postings where import_batch_id = ? and customer_id in (select value from json_each(?))`,
  ).run(batchId, ids);
  const bare = `customer_id in (select value from json_each(?))
    and not exists (select 1 from loyalty_postings p where p.customer_id = t.customer_id)`;
  prepared(sqlite, `delete from loyalty_tier_changes as t where ${bare}`).run(ids);
  prepared(sqlite, `delete from loyalty_members as t where ${bare}`).run(ids);
}
