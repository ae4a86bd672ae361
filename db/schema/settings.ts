import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The store's own settings (time zone, calling hours, service hours…), one JSON value per key. Typed and
 * defaulted in electron/domain/settings; a missing key means "the default".
 */
export const storeSettings = sqliteTable('store_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedBy: integer('updated_by').references(() => users.id),
});
