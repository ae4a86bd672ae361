import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CustomerRow } from '../../../../electron/contract/customers';
import { api } from '../../api';
import type { CustomerFilters } from './customer-filters';
import { customerKeys } from './customer-keys';
import type { SortState } from './customer-sort';

/** Big enough that a fast scroll rarely waits, small enough that each page answers in a few milliseconds. */
export const customerPageSize = 100;

export function useCustomerList({ sort, direction }: SortState, filters: CustomerFilters) {
  const query = useInfiniteQuery({
    queryKey: customerKeys.list(sort, direction, filters),
    queryFn: ({ pageParam }) =>
      api.call('customers.list', { limit: customerPageSize, sort, direction, cursor: pageParam, filters }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a new filter loads, the old rows stay (dimmed) instead of the list blinking to a spinner.
    placeholderData: keepPreviousData,
  });
  const rows = useMemo<CustomerRow[]>(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  // main counts only on the first page: counting 200,000 rows again for every page would be wasted work.
  const total = query.data?.pages[0]?.total ?? null;
  return { query, rows, total };
}
