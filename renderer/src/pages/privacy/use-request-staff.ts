import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { requestStaffKey } from './requests-keys';

/** Who may handle requests (managers and administrators), for the handler pickers. */
export function useRequestStaff() {
  const staff = useQuery({
    queryKey: requestStaffKey,
    queryFn: () => api.call('subjectRequests.staff', {}),
    staleTime: 60_000,
  });
  return (staff.data ?? []).map((s) => ({ value: s.id, label: s.name }));
}
