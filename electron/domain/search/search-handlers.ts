import type { searchContract } from '../../contract/search';
import type { Handlers } from '../../server/handler-types';
import { customerFacets } from './customer-facets';
import { searchCustomers } from './search-customers';

export const searchHandlers: Handlers<keyof typeof searchContract> = {
  'customers.search': (ctx, input) => searchCustomers(ctx, input),
  'customers.facets': (ctx) => customerFacets(ctx),
};
