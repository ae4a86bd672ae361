import type { CustomerCard } from '../../../electron/contract/customers';
import type { LiveChange } from '../../../electron/contract/live-topics';
import { topicKeyRoots } from './topic-keys';

/**
 * Queries that show one customer, by key root and kind: the key is [root, kind, customerId, …] (cardKeys,
 * dataCareKeys.mergeFacts, loyaltyKeys.member/ledger/vouchers, complaintKeys.customerVehicles). Every other
 * query — lists, search, counters, tickets, events — refetches whenever its topic changed at all.
 */
const customerScoped: Readonly<Record<string, readonly string[]>> = {
  customers: ['card', 'timeline', 'consentHistory', 'mergeFacts'],
  loyalty: ['member', 'ledger', 'vouchers'],
  complaints: ['customer-vehicles'],
};

/**
 * The customers a query shows, or null for a query not of one customer. A card shows its referrer's name and
 * the customers it referred too: a change to one of them refreshes it (read off the card already loaded).
 */
export function customersShown(key: readonly unknown[], data: unknown): number[] | null {
  const [root, kind, id] = key;
  if (typeof root !== 'string' || typeof kind !== 'string' || typeof id !== 'number') return null;
  if (!customerScoped[root]?.includes(kind)) return null;
  if (root !== 'customers' || kind !== 'card' || !data) return [id];
  const card = data as Partial<CustomerCard>;
  return [id, ...(card.referrer ? [card.referrer.id] : []), ...(card.referred?.rows.map((r) => r.id) ?? [])];
}

/**
 * Whether a live change makes a query refetch: one of the change's topics reaches the query's key root
 * (topic-keys.ts), and either that topic changed wholesale, the query is not of one customer, or a customer it
 * shows is among those the topic names. The lan-load bench's workstations apply the same rule.
 */
export function refetchesOn(change: LiveChange, key: readonly unknown[], data: unknown): boolean {
  const root = key[0];
  if (typeof root !== 'string') return false;
  let shown: number[] | null | undefined;
  for (const topic of change.topics) {
    if (!topicKeyRoots[topic]?.includes(root)) continue;
    const ids = change.customers?.[topic];
    if (!ids) return true;
    shown ??= customersShown(key, data);
    if (shown === null || ids.some((id) => shown!.includes(id))) return true;
  }
  return false;
}
