import type { hostContract } from '../../contract/host';
import type { Handlers } from '../handler-types';
import { currentHostInfo } from './host-runtime';

/** Transport facts (ports, certificate) belong to the server, not the domain: answered here. */
export const hostHandlers: Handlers<keyof typeof hostContract> = {
  'host.info': () => currentHostInfo(),
};
