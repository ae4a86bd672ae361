import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { departmentsKey } from './settings-keys';

export function useDepartments() {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: () => api.call('users.departments', {}),
    // Departments change a few times a year.
    staleTime: 10 * 60_000,
  });
}
