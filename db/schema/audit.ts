import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * 审计日志: append-only (triggers in the migration refuse UPDATE and DELETE), each row chained to the one before
 * by `hash` = sha256(prev_hash + the row's content), so an edit behind the app's back is found by verifying the
 * chain (electron/domain/audit/audit-chain.ts). No foreign keys: the log outlives users and customers.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    /** The name as it was then (users can be renamed; a failed login has no user id). */
    username: text('username'),
    action: text('action').notNull(),
    /** What kind of record: customer, vehicle, visit, consent, user, setting, import, export, session… */
    entity: text('entity'),
    entityId: text('entity_id'),
    /** The person whose data it concerns, for "who viewed this person's data". */
    customerId: integer('customer_id'),
    /** JSON: reason, filter, row count, and for changes { field: [before, after] }. */
    detail: text('detail'),
    /** Where the call came from: "desktop" or the workstation's address. */
    client: text('client'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_customer_idx').on(t.customerId, t.userId, t.action, t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    index('audit_log_at_idx').on(t.at),
  ],
);
