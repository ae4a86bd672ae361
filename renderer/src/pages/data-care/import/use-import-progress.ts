import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../api';
import { customerKeys } from '../../customers/customer-keys';
import { dataCareKeys } from '../data-care-keys';

const pollMs = 400;
const finished = (phase: string | undefined) => phase === 'done' || phase === 'failed';

/** Polls a running import until it ends; then the lists that show its rows are refreshed once. */
export function useImportProgress(jobId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: dataCareKeys.importProgress(jobId),
    // A poll, not a use of the screen: a background call does not touch the session, a write that would wait
    // behind the import's own write transaction (longer than the busy timeout on a big file) and fail the poll.
    queryFn: () => api.call('imports.progress', { jobId }, { background: true }),
    refetchInterval: (q) => (finished(q.state.data?.phase) ? false : pollMs),
    staleTime: 0,
    gcTime: 0,
  });
  const phase = query.data?.phase;
  useEffect(() => {
    if (phase !== 'done') return;
    void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    void queryClient.invalidateQueries({ queryKey: dataCareKeys.imports });
  }, [phase, queryClient]);
  return query;
}
