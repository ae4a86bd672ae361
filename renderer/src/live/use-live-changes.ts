import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refetchesOn } from './live-match';
import { createLiveThrottle } from './live-throttle';
import { listenToChanges } from './live-source';

/**
 * While someone is signed in, every write anywhere in the store (another workstation, the desktop) makes the
 * matching queries stale (live-match.ts: a card only for its own customers, lists for their topic): open
 * lists, cards and counters refetch by themselves, each at most once a second (live-throttle.ts); queries no
 * screen shows are only marked stale. Mounted once, by the auth gate.
 */
export function useLiveChanges(userId: number | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (userId === null) return;
    const throttle = createLiveThrottle();
    const stop = listenToChanges(window.dealerCrm, {
      change: (change) => {
        for (const query of queryClient.getQueryCache().getAll()) {
          if (!refetchesOn(change, query.queryKey, query.state.data)) continue;
          const filters = { queryKey: query.queryKey, exact: true };
          if (!query.isActive()) void queryClient.invalidateQueries({ ...filters, refetchType: 'none' });
          else throttle.request(query.queryHash, () => void queryClient.invalidateQueries(filters));
        }
      },
      resumed: () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' }),
      ended: () => void queryClient.invalidateQueries({ queryKey: ['auth'] }),
    });
    return () => {
      stop();
      throttle.stop();
    };
  }, [queryClient, userId]);
}
