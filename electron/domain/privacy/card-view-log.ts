import { recordAudit } from '../audit/audit-log';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';

/** A busy front desk opens the same card many times an hour; one row per user, customer and hour says enough. */
export const cardViewWindowMs = 60 * 60 * 1000;

// Walks audit_log_customer_idx (customer_id, user_id, action, at): a point lookup, not a scan of the log.
const recentViewSql = `select 1 from audit_log where customer_id = ? and user_id = ? and action = 'customer.viewed'
  and at > ? limit 1`;

/**
 * Logs that the caller opened a customer's card (customer.viewed), unless they already did within the last
 * hour. The check and the append share one immediate transaction, so two tabs opening the card at once
 * still write one row. Lists and search results are not logged: they show masked values only.
 */
export function recordCardView(ctx: ServiceContext, customerId: number): boolean {
  const user = ctx.user;
  if (!user) return false;
  const sqlite = ctx.db.$client;
  const now = ctx.clock();
  const since = new Date(now.getTime() - cardViewWindowMs).toISOString();
  const write = () => {
    if (prepared(sqlite, recentViewSql).get(customerId, user.id, since)) return false;
    recordAudit(ctx, { action: 'customer.viewed', entity: 'customer', entityId: customerId, customerId });
    return true;
  };
  return sqlite.inTransaction ? write() : sqlite.transaction(write).immediate();
}
