import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../electron/contract';
import { api } from '../api';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
};

/** The badge asks every half minute; a poll while nobody works the screen goes as background (no keep-alive). */
const pollMs = 30_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.call('notifications.unreadCount', {}),
    refetchInterval: pollMs,
    // A missing service (older server) must not fill the header with errors.
    retry: false,
  });
}

export function useNotificationList(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => api.call('notifications.list', { limit: 30 }),
    enabled,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'notifications.markRead'>) => api.call('notifications.markRead', input),
    onSuccess: (r) => {
      queryClient.setQueryData(notificationKeys.unread, r);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
    },
  });
}
