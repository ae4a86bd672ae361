import { useQuery } from '@tanstack/react-query';
import type { StoreSettings } from '../../../electron/contract/settings';
import { api } from '../api';

export const storeSettingsKey = ['settings', 'store'] as const;

/** The store settings (zone, calling and service hours) every screen that picks a time needs. */
export function useStoreSettings(): StoreSettings | undefined {
  return useQuery({
    queryKey: storeSettingsKey,
    queryFn: () => api.call('settings.get', {}),
    staleTime: 5 * 60_000,
  }).data;
}
