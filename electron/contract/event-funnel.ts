import { z } from 'zod';
import { funnelSteps } from './event-terms';

/**
 * The funnel: invited (an invitation task was created) → reached → accepted (ever signed up) → confirmed →
 * checked in, each with its rate of the previous step (0–1, null when the previous step is 0); no-shows and
 * the waiting list beside.
 */
export const eventFunnel = z.object({
  steps: z.array(
    z.object({
      step: z.enum(funnelSteps),
      count: z.number(),
      rateOfPrevious: z.number().nullable(),
      rateOfInvited: z.number().nullable(),
    }),
  ),
  declined: z.number(),
  undecided: z.number(),
  unreachable: z.number(),
  cancelled: z.number(),
  waitlisted: z.number(),
  noShows: z.number(),
  /** Checked in without an invitation (added at the door): beside the funnel, never in its steps. */
  walkIns: z.number(),
  /** The people those walk-ins brought (checked-in head count). */
  walkInPeople: z.number(),
  /** Everyone on the list, pending included. */
  listed: z.number(),
  pending: z.number(),
  /** People and cars signed up now (seats held). */
  signedUpCars: z.number(),
  signedUpPeople: z.number(),
});
export type EventFunnel = z.infer<typeof eventFunnel>;
