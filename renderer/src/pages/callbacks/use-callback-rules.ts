import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { callbackKeys } from './callback-keys';

/** The rules (call types) with their names; they change only when a manager edits Settings. */
export function useCallbackRules() {
  return useQuery({
    queryKey: callbackKeys.rules,
    queryFn: () => api.call('callbacks.rules', {}),
    staleTime: 5 * 60_000,
  });
}
