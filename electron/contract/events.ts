import { eventDayContract } from './event-day';
import { eventInvitationsContract } from './event-invitations';
import { eventPlanContract } from './event-plan';

export * from './event-terms';
export * from './event-segments';

/**
 * 客户活动 channels, in three parts by what staff do: plan (the event, agenda, checklist, budget, manufacturer
 * support, summary, results, the year's CRM budget), invitations (segments, target list, the invitation and
 * second-confirmation calls, sign-ups and the waiting list) and the day (check-in, walk-ins, the sign-in sheet).
 * Everything needs events.manage except what the call screen and the venue laptop use (see each channel).
 */
export const eventsContract = {
  ...eventPlanContract,
  ...eventInvitationsContract,
  ...eventDayContract,
};
