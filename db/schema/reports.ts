import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * 月结: the monthly report pack as it stood when a manager closed the month, so printing it again next year gives
 * the same figures after the data moved on. Every closing is kept (a re-closing adds revision n + 1 with its
 * reason); the month's frozen pack is its latest revision. `pack` is the JSON of the whole pack (numbers and
 * definitions), written once and never updated.
 */
export const reportSnapshots = sqliteTable(
  'report_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** YYYY-MM, the store's calendar month. */
    month: text('month').notNull(),
    revision: integer('revision').notNull(),
    pack: text('pack').notNull(),
    appVersion: text('app_version').notNull(),
    closedAt: text('closed_at').notNull(),
    closedBy: integer('closed_by').references(() => users.id),
    /** Required from the second closing of a month on. */
    reason: text('reason'),
  },
  (t) => [uniqueIndex('report_snapshots_month_idx').on(t.month, t.revision)],
);
