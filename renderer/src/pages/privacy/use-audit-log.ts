import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ChannelInput } from '../../../../electron/contract';
import { api } from '../../api';

export type AuditFilterValues = NonNullable<ChannelInput<'audit.list'>['filters']>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilterValues) => ['audit', 'list', filters] as const,
  users: ['audit', 'users'] as const,
  customerAccess: (customerId: number) => ['audit', 'customer-access', customerId] as const,
};

const pageSize = 100;

/** The log as filtered, newest first, page by page (keyset cursors from main). */
export function useAuditLog(filters: AuditFilterValues) {
  const query = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => api.call('audit.list', { filters, limit: pageSize, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? null;
  return { query, rows, total };
}
