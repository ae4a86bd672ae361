import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { usersKey } from './settings-keys';

/** One place for users.update: success toast, and a fresh list either way (a conflict means ours is stale). */
export function useUpdateUser() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'users.update'>) => api.call('users.update', input),
    onSuccess: () => void message.success(t('settings.users.updated')),
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
