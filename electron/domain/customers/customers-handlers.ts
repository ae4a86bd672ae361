import type { customersContract } from '../../contract/customers';
import type { Handlers } from '../../server/handler-types';
import { createCustomer, getCustomer, updateCustomer } from './customer-card';
import { readConsentHistory } from './consent-history';
import { setConsent } from './customer-consent';
import { requireCustomer } from './customer-exists';
import { createInteraction } from './customer-interactions';
import { listCustomers } from './customer-list';
import { readTimeline } from './customer-timeline';
import { getCustomerCard } from './customer-view';
import { keepMaskedValues, refuseMaskedValues } from '../privacy/masked-input';

export const customersHandlers: Handlers<keyof typeof customersContract> = {
  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.card': (ctx, input) => getCustomerCard(ctx, input.id),
  'customers.timeline': (ctx, input) => {
    requireCustomer(ctx.db.$client, input.customerId);
    return readTimeline(ctx.db.$client, input);
  },
  'customers.setConsent': (ctx, input) => setConsent(ctx, input),
  'customers.consentHistory': (ctx, input) => {
    requireCustomer(ctx.db.$client, input.customerId);
    return { items: readConsentHistory(ctx.db.$client, input.customerId) };
  },
  'interactions.create': (ctx, input) => createInteraction(ctx, input),
  'customers.create': (ctx, input) => createCustomer(ctx, refuseMaskedValues(input)),
  // Fields sent back as the masks their editor saw keep the stored values (privacy/masked-input.ts).
  'customers.update': (ctx, input) => updateCustomer(ctx, keepMaskedValues(ctx, input)),
};
