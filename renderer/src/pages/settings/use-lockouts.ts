import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { lockoutsKey } from './settings-keys';

/** Sign-in lockouts in force; refreshed every half minute, as the short ones end by themselves. */
export function useLockouts(enabled: boolean) {
  return useQuery({
    queryKey: lockoutsKey,
    queryFn: () => api.call('users.lockouts', {}),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useUnlock() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'users.unlock'> & { label: string }) => {
      const { label: _label, ...target } = input;
      return api.call('users.unlock', target);
    },
    onSuccess: (_r, input) => void message.success(t('accountSecurity.unlocked', { name: input.label })),
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: lockoutsKey }),
  });
}
