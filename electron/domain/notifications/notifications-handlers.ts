import type { notificationsContract } from '../../contract/notifications';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../server/handler-types';

// The contract is committed first so the bell can be built on it; the service follows with its table.
const notYet = (): never => {
  throw new AppError('internal', '消息通知功能正在上线中，请稍后再试');
};

export const notificationsHandlers: Handlers<keyof typeof notificationsContract> = {
  'notifications.list': notYet,
  'notifications.unreadCount': notYet,
  'notifications.markRead': notYet,
};
