import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import type { TicketChange } from '../../../../electron/contract/complaints';
import { ApiCallError } from '../../api';
import { cardKeys } from '../customer-card/card-keys';
import { complaintKeys } from './complaint-keys';

/**
 * After a change main answers with the ticket's new version only (personal data leaves main through
 * complaints.get alone, masked and logged there): the page reads the ticket again, and the lists, KPIs and the
 * customer's timeline are marked stale. A stale version (someone else changed the ticket meanwhile) reloads the
 * ticket so the next try starts from what is there now.
 */
export function useTicketUpdate(ticketId: number, customerId: number) {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const applied = useCallback(
    async (change: TicketChange) => {
      void queryClient.invalidateQueries({ queryKey: complaintKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['complaints', 'kpis'] });
      void queryClient.invalidateQueries({ queryKey: cardKeys.timelineAll(customerId) });
      await queryClient.invalidateQueries({ queryKey: complaintKeys.ticket(change.id) });
    },
    [queryClient, customerId],
  );
  const failed = useCallback(
    (error: unknown): boolean => {
      if (error instanceof ApiCallError && error.kind === 'conflict') {
        void message.error(error.message);
        void queryClient.invalidateQueries({ queryKey: complaintKeys.ticket(ticketId) });
        return true;
      }
      return false;
    },
    [message, queryClient, ticketId],
  );
  return { applied, failed };
}
