import type { eventDayContract } from '../../contract/event-day';
import type { Handlers } from '../../server/handler-types';
import { checkIn, undoCheckIn } from './checkin';
import { checkinLookup } from './checkin-lookup';
import { signInSheet } from './sign-in-sheet';
import { eventResults } from './event-results';
import { walkIn } from './walk-in';

export const eventDayHandlers: Handlers<keyof typeof eventDayContract> = {
  'events.checkinLookup': (ctx, input) => checkinLookup(ctx, input),
  'events.checkIn': (ctx, input) => checkIn(ctx, input),
  'events.undoCheckIn': (ctx, input) => undoCheckIn(ctx, input),
  'events.walkIn': (ctx, input) => walkIn(ctx, input),
  'events.signInSheet': (ctx, input) => signInSheet(ctx, input),
  'events.results': (ctx, input) => eventResults(ctx, input),
};
