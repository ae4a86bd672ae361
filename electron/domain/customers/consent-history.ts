import type Database from 'better-sqlite3';
import type { ConsentHistoryItem } from '../../contract/consent';
import { prepared } from './sql-cache';

/**
 * The customer's consent ledger, newest first. A merge leaves each card's history where it was written
 * (append-only rows are never re-pointed), so the survivor's history is its own plus that of every card merged
 * into it, at any depth; an unmerge thereby takes a card's history back with it. The data-subject request's data
 * package reads this too.
 */
const historySql = `with recursive cards(id) as (
    select ? union select c.id from customers c join cards on c.merged_into_id = cards.id
  )
  select h.id, h.customer_id as customerId, h.purpose, h.granted, h.at, h.channel, h.evidence,
    h.user_name as recordedBy, h.source
  from consent_history h where h.customer_id in (select id from cards)
  order by h.at desc, h.id desc`;

type HistoryRow = Omit<ConsentHistoryItem, 'granted'> & { granted: number };

export function readConsentHistory(sqlite: Database.Database, customerId: number): ConsentHistoryItem[] {
  const rows = prepared(sqlite, historySql).all(customerId) as HistoryRow[];
  return rows.map((r) => ({ ...r, granted: r.granted === 1 }));
}
