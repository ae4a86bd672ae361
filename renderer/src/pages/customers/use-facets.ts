import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { customerKeys } from './customer-keys';

/** District, series and tag values for the filters; they change slowly, so a few minutes' cache is fine. */
export function useFacets() {
  return useQuery({
    queryKey: customerKeys.facets,
    queryFn: () => api.call('customers.facets', {}),
    staleTime: 5 * 60_000,
  });
}
