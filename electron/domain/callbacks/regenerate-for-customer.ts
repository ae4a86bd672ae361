import type { ServiceContext } from '../context';

/**
 * Incremental call-back generation for one customer, called by any service that changes data a rule reads
 * (delivery, service visit, birthday, stage, consent, merge). Must run inside the caller's transaction.
 * The call-back domain fills this in; until then it creates nothing.
 */
export function regenerateCallbacksForCustomer(_ctx: ServiceContext, _customerId: number): void {}
