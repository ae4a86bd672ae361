import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { reportKeys } from './report-keys';

export function useClosedMonths() {
  return useQuery({
    queryKey: reportKeys.closedMonths,
    queryFn: () => api.call('reports.closedMonths', {}),
  });
}

/** The month's pack: computed live, or the frozen one stored when the month was closed. */
export function usePack(month: string | null, frozen: boolean) {
  return useQuery({
    queryKey: frozen ? reportKeys.snapshot(month ?? '') : reportKeys.pack(month ?? ''),
    queryFn: async () => {
      const m = month ?? '';
      if (frozen) return api.call('reports.snapshot', { month: m });
      return { meta: null, pack: await api.call('reports.pack', { month: m }) };
    },
    enabled: month !== null,
  });
}
