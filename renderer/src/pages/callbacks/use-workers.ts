import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api';
import { callbackKeys } from './callback-keys';

export interface Worker {
  userId: number;
  displayName: string;
  role: string;
}

/**
 * Who can be given call-backs. Managers do not hold users.manage, so the list comes from the workload report,
 * which lists every active person with call-back rights (and main checks the choice again on assign).
 */
export function useWorkers(enabled: boolean) {
  return useQuery({
    queryKey: callbackKeys.workers,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Worker[]> => {
      const today = dayjs().format('YYYY-MM-DD');
      const { rows } = await api.call('callbacks.workload', { from: today, to: today });
      return rows.map(({ userId, displayName, role }) => ({ userId, displayName, role }));
    },
  });
}
