import type { timelineKinds } from '../../../../electron/contract/customers';
import { interactionKinds } from '../../../../electron/contract/customers';
import { visitTypes } from '../../../../electron/contract/vehicles';

export type TimelineKind = (typeof timelineKinds)[number];

/** The filter offers visits and contacts as two groups, in the order staff think of them. */
export const timelineKindGroups = [
  { group: 'visits', kinds: visitTypes },
  { group: 'contacts', kinds: interactionKinds },
] as const;
