import type { CustomerFilters } from './customer-filters';
import type { CustomerSort, SortDirection } from './customer-sort';

export const customerKeys = {
  all: ['customers'] as const,
  list: (sort: CustomerSort, direction: SortDirection, filters: CustomerFilters) =>
    ['customers', 'list', sort, direction, filters] as const,
  facets: ['customers', 'facets'] as const,
};

export const systemInfoKey = ['system', 'info'] as const;
