import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TicketRow } from '../../../../electron/contract/complaints';
import { api } from '../../api';
import { complaintKeys } from './complaint-keys';
import type { ListView } from './complaint-filters';

/** A page answers in a few milliseconds at scale L; a fast scroll rarely reaches the end of one. */
export const ticketPageSize = 100;
/** Time left is computed by main when asked: ask again each minute so the chips do not go stale on screen. */
const refreshMs = 60_000;

export function useComplaintList({ filters, sort }: ListView) {
  const query = useInfiniteQuery({
    queryKey: complaintKeys.list(filters, sort),
    queryFn: ({ pageParam }) =>
      // A refresh while nobody uses the screen goes as background (api/user-activity.ts): it keeps no session alive.
      api.call('complaints.list', { filters, sort, limit: ticketPageSize, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
  });
  const rows = useMemo<TicketRow[]>(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const first = query.data?.pages[0];
  return { query, rows, total: first?.total ?? null, counts: first?.counts ?? null };
}
