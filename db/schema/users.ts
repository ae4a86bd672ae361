import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', {
      enum: ['front_desk', 'callback_operator', 'complaint_handler', 'sales', 'manager', 'admin'],
    }).notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('users_department_idx').on(t.departmentId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    // Only a hash of the token is stored, so a copied database file does not hand out live sessions.
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** Names a session to an administrator (list, end) without handing out its token or token hash. */
    publicId: text('public_id'),
    /** Last use, refreshed at most once a minute: the idle timeout (store setting) counts from here. */
    lastSeenAt: text('last_seen_at'),
    /** Where it signed in from: "desktop" or the workstation's address. */
    client: text('client'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), uniqueIndex('sessions_public_id_idx').on(t.publicId)],
);
