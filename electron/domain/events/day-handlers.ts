import type { eventDayContract } from '../../contract/event-day';
import type { Handlers } from '../../server/handler-types';

export const eventDayHandlers: Handlers<keyof typeof eventDayContract> = {};
