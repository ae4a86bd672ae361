import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { NotificationKind, NotificationRefType } from '../../electron/contract/notifications';
import { users } from './users';

/** In-app notifications (the bell), one row per person; kinds and what they point at in the contract. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    title: text('title').notNull(),
    body: text('body'),
    refType: text('ref_type').$type<NotificationRefType>(),
    refId: integer('ref_id'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    // The bell's count: unread rows only, so reading them shrinks the index.
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);
