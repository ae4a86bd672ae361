import type { CustomerSort, SortDirection } from './customer-sort';

export const customerKeys = {
  all: ['customers'] as const,
  list: (sort: CustomerSort, direction: SortDirection) => ['customers', 'list', sort, direction] as const,
};

export const systemInfoKey = ['system', 'info'] as const;
