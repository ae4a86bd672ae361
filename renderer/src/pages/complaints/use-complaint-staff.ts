import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { complaintKeys } from './complaint-keys';

/** Departments with their handlers, the managers and who can receive a complaint: the routing pickers. */
export function useComplaintStaff(enabled = true) {
  return useQuery({
    queryKey: complaintKeys.staff,
    queryFn: () => api.call('complaints.staff', {}),
    staleTime: 5 * 60_000,
    enabled,
  });
}
