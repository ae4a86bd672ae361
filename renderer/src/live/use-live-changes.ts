import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keyRootsOf } from './topic-keys';
import { listenToChanges } from './live-source';

/**
 * While someone is signed in, every write anywhere in the store (another workstation, the desktop) makes the
 * matching queries stale: open lists, cards and counters refetch by themselves. Mounted once, by the auth gate.
 */
export function useLiveChanges(userId: number | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (userId === null) return;
    return listenToChanges(window.dealerCrm, {
      change: ({ topics }) => {
        const roots = keyRootsOf(topics);
        void queryClient.invalidateQueries({
          predicate: (q) => typeof q.queryKey[0] === 'string' && roots.has(q.queryKey[0]),
        });
      },
      resumed: () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' }),
      ended: () => void queryClient.invalidateQueries({ queryKey: ['auth'] }),
    });
  }, [queryClient, userId]);
}
