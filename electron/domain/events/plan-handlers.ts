import type { eventPlanContract } from '../../contract/event-plan';
import type { Handlers } from '../../server/handler-types';

export const eventPlanHandlers: Handlers<keyof typeof eventPlanContract> = {};
