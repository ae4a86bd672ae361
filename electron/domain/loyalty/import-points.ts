import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';
import { postDelivery } from './deliveries';
import type { PostingStamp } from './earnings';
import { balanceOf, insertPosting, lotRemaining } from './ledger';
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

/**
 * Takes an import's points back, before its revert deletes anything: a customer who stays gets a `reverse` of
 * what the batch gave (never below zero); a customer the revert deletes loses the batch's lines — and, with no
 * other line left, their member row and tier history. Any other line of theirs stays and blocks the revert
 * (revert-references finds it), as any other data of a created customer does.
 */
export function reverseImportPoints(
  sqlite: Database.Database,
  batchId: number,
  deletedCustomers: readonly number[],
  stamp: PostingStamp,
): void {
  const deleted = new Set(deletedCustomers);
  const lots = prepared(
    sqlite,
    `select customer_id as customerId, source, source_table as sourceTable, source_id as sourceId,
       sum(points) as net, min(posted_on) as postedOn, min(expires_on) as expiresOn
     from loyalty_postings indexed by loyalty_postings_batch_idx
     where import_batch_id = ? and kind in ('earn', 'reverse')
     group by customer_id, source, source_table, source_id`,
  ).all(batchId) as {
    customerId: number;
    source: 'import' | 'referral';
    sourceTable: string;
    sourceId: number;
    net: number;
    postedOn: string;
    expiresOn: string | null;
  }[];
  for (const lot of lots) {
    if (deleted.has(lot.customerId) || lot.net <= 0) continue;
    const left = lotRemaining(sqlite, lot.customerId, lot.sourceTable, lot.sourceId);
    const points = Math.min(lot.net, left, Math.max(0, balanceOf(sqlite, lot.customerId)));
    if (points === 0) continue;
    insertPosting(sqlite, {
      customerId: lot.customerId,
      kind: 'reverse',
      source: lot.source,
      sourceTable: lot.sourceTable,
      sourceId: lot.sourceId,
      importBatchId: batchId,
      points: -points,
      postedOn: lot.postedOn,
      expiresOn: lot.expiresOn,
      reason: `撤销导入批次 ${batchId}`,
      createdBy: stamp.by,
      createdAt: stamp.now,
    });
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
