import type { eventsContract } from '../../contract/events';
import type { Handlers } from '../../server/handler-types';
import { eventDayHandlers } from './day-handlers';
import { eventInvitationHandlers } from './invitation-handlers';
import { eventPlanHandlers } from './plan-handlers';

export const eventsHandlers: Handlers<keyof typeof eventsContract> = {
  ...eventPlanHandlers,
  ...eventInvitationHandlers,
  ...eventDayHandlers,
};
