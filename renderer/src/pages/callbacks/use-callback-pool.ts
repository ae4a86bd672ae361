import { useQuery } from '@tanstack/react-query';
import type { CallbackRuleCode } from '../../../../electron/contract/callbacks';
import { api } from '../../api';
import { callbackKeys } from './callback-keys';

/** The pool "next call" draws from, refreshed with the queue (same key family, same interval). */
export function useCallbackPool(ruleCodes: CallbackRuleCode[]) {
  const input = ruleCodes.length ? { ruleCodes } : {};
  return useQuery({
    queryKey: callbackKeys.pool(input),
    queryFn: () => api.call('callbacks.pool', input),
    refetchInterval: 30_000,
  });
}
