import { AppError } from '../../contract/errors';
import type { eventDayContract } from '../../contract/event-day';
import type { Handlers } from '../../server/handler-types';
import { checkinLookup } from './checkin-lookup';

const notBuilt = (what: string) => (): never => {
  throw new AppError('internal', `${what}功能尚在开发中，暂不可用`);
};

export const eventDayHandlers: Handlers<keyof typeof eventDayContract> = {
  'events.checkinLookup': (ctx, input) => checkinLookup(ctx, input),
  'events.checkIn': notBuilt('签到'),
  'events.undoCheckIn': notBuilt('撤销签到'),
  'events.walkIn': notBuilt('现场加入'),
  'events.signInSheet': notBuilt('签到表'),
  'events.results': notBuilt('活动效果'),
};
