import type { notificationsContract } from '../../contract/notifications';
import type { Handlers } from '../../server/handler-types';
import { listNotifications, markNotificationsRead, unreadCount } from './notifications-service';

export const notificationsHandlers: Handlers<keyof typeof notificationsContract> = {
  'notifications.list': (ctx, input) => listNotifications(ctx, input),
  'notifications.unreadCount': (ctx) => ({ unread: unreadCount(ctx.db.$client, ctx.user.id) }),
  'notifications.markRead': (ctx, input) => markNotificationsRead(ctx, input),
};
