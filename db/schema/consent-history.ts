import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { consentChannels, consentPurposes, consentSources } from '../../electron/contract/consent';

/**
 * 授权记录台账: every consent answer ever recorded, append-only (triggers in the migration refuse UPDATE and
 * DELETE), so what a person agreed to, when, how and on what evidence can be shown later (PIPL art. 14–15;
 * GB/T 35273 §9.4). `consents` holds the current answer per purpose; both are written in one transaction.
 *
 * No foreign keys, like audit_log: the generic merge moves every row that references a customer by a foreign
 * key, which an append-only row must not undergo — a merged card's history stays on it and the survivor's card
 * reads both (electron/domain/customers/consent-history.ts). Customer ids are never reused (AUTOINCREMENT).
 */
export const consentHistory = sqliteTable(
  'consent_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id').notNull(),
    purpose: text('purpose', { enum: consentPurposes }).notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    /** The instant it was recorded (UTC ISO). */
    at: text('at').notNull(),
    channel: text('channel', { enum: consentChannels }).notNull(),
    /** Paper form number, call recording id…; null when none was given. */
    evidence: text('evidence'),
    userId: integer('user_id'),
    /** The recorder's display name as it was then (users can be renamed). */
    userName: text('user_name'),
    source: text('source', { enum: consentSources }).notNull(),
  },
  (t) => [index('consent_history_customer_idx').on(t.customerId, t.at)],
);
