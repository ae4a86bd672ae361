import { QueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../api';

/** Errors that retrying cannot fix: the answer would be the same. */
const finalKinds = new Set(['validation', 'not_found', 'forbidden', 'unauthenticated', 'conflict']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A desktop app kept open all day: refetching every loaded page of a long list on focus is pure load.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiCallError && finalKinds.has(error.kind)) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
