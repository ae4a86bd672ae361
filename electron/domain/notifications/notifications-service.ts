import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { NotificationKind, NotificationRefType, NotificationRow } from '../../contract/notifications';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  refType?: NotificationRefType | null;
  refId?: number | null;
}

/**
 * Tells each of these people (active staff only, each once): called inside the transaction of the change it is
 * about, so a notification never announces something that did not happen.
 */
export function notify(
  sqlite: Database.Database,
  userIds: Iterable<number | null | undefined>,
  n: NewNotification,
  now: string,
): number {
  const insert = prepared(
    sqlite,
    `insert into notifications (user_id, kind, title, body, ref_type, ref_id, created_at)
     select id, @kind, @title, @body, @refType, @refId, @now from users where id = @userId and disabled = 0`,
  );
  let sent = 0;
  for (const userId of new Set([...userIds].filter((u): u is number => typeof u === 'number'))) {
    sent += insert.run({
      userId,
      kind: n.kind,
      title: n.title.slice(0, 200),
      body: n.body ? n.body.slice(0, 1000) : null,
      refType: n.refType ?? null,
      refId: n.refId ?? null,
      now,
    }).changes;
  }
  return sent;
}

export function unreadCount(sqlite: Database.Database, userId: number): number {
  return prepared(
    sqlite,
    'select count(*) from notifications indexed by notifications_unread_idx where user_id = ? and read_at is null',
  )
    .pluck()
    .get(userId) as number;
}

export function listNotifications(
  ctx: AuthedContext,
  input: ChannelParsedInput<'notifications.list'>,
): ChannelOutput<'notifications.list'> {
  const sqlite = ctx.db.$client;
  const rows = prepared(
    sqlite,
    `select id, kind, title, body, ref_type as refType, ref_id as refId, created_at as createdAt, read_at as readAt
     from notifications where user_id = @userId and (@before is null or id < @before)
       and (@unreadOnly = 0 or read_at is null)
     order by id desc limit @limit`,
  ).all({
    userId: ctx.user.id,
    before: input.beforeId ?? null,
    unreadOnly: input.unreadOnly ? 1 : 0,
    limit: input.limit,
  }) as NotificationRow[];
  return { rows, unread: unreadCount(sqlite, ctx.user.id) };
}

/** Only the caller's own notifications are touched, whatever ids are sent. */
export function markNotificationsRead(
  ctx: AuthedContext,
  input: ChannelParsedInput<'notifications.markRead'>,
): ChannelOutput<'notifications.markRead'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  if ('all' in input) {
    prepared(sqlite, 'update notifications set read_at = ? where user_id = ? and read_at is null').run(
      now,
      ctx.user.id,
    );
  } else {
    prepared(
      sqlite,
      `update notifications set read_at = ? where user_id = ? and read_at is null
         and id in (select value from json_each(?))`,
    ).run(now, ctx.user.id, JSON.stringify(input.ids));
  }
  return { unread: unreadCount(sqlite, ctx.user.id) };
}
