import type { personalDataContract } from '../../contract/personal-data';
import type { Handlers } from '../../server/handler-types';
import { revealPersonalField } from './reveal';

export const personalDataHandlers: Handlers<keyof typeof personalDataContract> = {
  'customers.reveal': (ctx, input) => revealPersonalField(ctx, input),
};
