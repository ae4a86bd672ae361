import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { eventKeys } from './event-keys';

/** Staff who can own an event or a task; they change rarely. */
export function useEventStaff(enabled = true) {
  return useQuery({
    queryKey: eventKeys.staff,
    queryFn: () => api.call('events.staff', {}),
    staleTime: 5 * 60_000,
    enabled,
    select: (d) => d.rows,
  });
}
