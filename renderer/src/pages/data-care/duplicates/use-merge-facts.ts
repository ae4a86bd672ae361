import { useQuery } from '@tanstack/react-query';
import type { CustomerCard } from '../../../../../electron/contract/customers';
import { api } from '../../../api';
import { dataCareKeys } from '../data-care-keys';

export interface MergeFacts {
  card: CustomerCard;
  visits: number;
  contacts: number;
  /** The history is longer than was counted: the numbers are lower bounds. */
  more: boolean;
}

const timelinePage = 100;
const maxPages = 10;

/** A card plus how many visits and contacts would move with it; counted from the timeline itself. */
export function useMergeFacts(customerId: number | null) {
  return useQuery({
    queryKey: dataCareKeys.mergeFacts(customerId ?? 0),
    enabled: customerId !== null,
    staleTime: 0,
    queryFn: async (): Promise<MergeFacts> => {
      const id = customerId ?? 0;
      const card = await api.call('customers.card', { id });
      let items = card.timeline.items;
      let cursor = card.timeline.nextCursor;
      let visits = 0;
      let contacts = 0;
      for (let page = 0; ; page++) {
        for (const item of items) {
          if (item.source === 'visit') visits++;
          else contacts++;
        }
        if (!cursor || page >= maxPages) break;
        const next = await api.call('customers.timeline', { customerId: id, limit: timelinePage, cursor });
        items = next.items;
        cursor = next.nextCursor;
      }
      return { card, visits, contacts, more: cursor !== null };
    },
  });
}
