import type { customersContract } from '../../contract/customers';
import type { Handlers } from '../../server/handler-types';
import { createCustomer, getCustomer, updateCustomer } from './customer-card';
import { listCustomers } from './customer-list';

export const customersHandlers: Handlers<keyof typeof customersContract> = {
  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, input) => updateCustomer(ctx, input),
};
