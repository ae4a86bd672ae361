import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { customerKeys } from '../customers/customer-keys';
import { loyaltyKeys } from '../loyalty/loyalty-keys';
import { cardKeys } from './card-keys';

/**
 * After anything on the card changes: the card (derived figures depend on visits and contacts), its
 * timeline pages and consent history, the member section (a visit or a delivery posts points, a delivery may
 * close a referral), and the list (last visit, plates and stage show there).
 */
export function useRefreshCard(customerId: number) {
  const queryClient = useQueryClient();
  return useCallback(
    (alsoCustomerId?: number) => {
      const ids = alsoCustomerId ? [customerId, alsoCustomerId] : [customerId];
      for (const id of ids) {
        void queryClient.invalidateQueries({ queryKey: cardKeys.card(id) });
        void queryClient.invalidateQueries({ queryKey: cardKeys.timelineAll(id) });
        void queryClient.invalidateQueries({ queryKey: cardKeys.consentHistory(id) });
      }
      void queryClient.invalidateQueries({ queryKey: loyaltyKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
      void queryClient.invalidateQueries({ queryKey: customerKeys.facets });
    },
    [queryClient, customerId],
  );
}
