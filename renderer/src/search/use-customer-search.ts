import type { QueryClient } from '@tanstack/react-query';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { searchKeys } from './search-keys';
import { useDebouncedValue } from './use-debounced-value';

/** Short enough to feel instant, long enough that a typed phone number is one request, not eleven. */
export const searchDebounceMs = 150;
export const searchLimit = 10;

function searchQuery(q: string, limit: number) {
  return {
    queryKey: searchKeys.query(q, limit),
    queryFn: () => api.call('customers.search', { q, limit }),
    staleTime: 15_000,
  };
}

/**
 * Results as the user types. The previous answer stays on screen while the next one loads, so the list does
 * not flash empty between keys.
 */
export function useCustomerSearch(text: string, limit = searchLimit) {
  const q = useDebouncedValue(text.trim(), searchDebounceMs);
  const query = useQuery({
    ...searchQuery(q, limit),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  return { q, query, settled: q === text.trim() && !query.isPlaceholderData };
}

/** The answer for exactly `text`, now: Enter must open the best match for what is typed, not for what was. */
export function fetchSearch(queryClient: QueryClient, text: string, limit = searchLimit) {
  return queryClient.fetchQuery(searchQuery(text.trim(), limit));
}
