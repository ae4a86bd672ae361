import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, App as AntApp, Button, Drawer, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffUser, UserSession } from '../../../../electron/contract/users';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { clientLabel } from './client-label';
import { userSessionsKey } from './settings-keys';
import { useStoreDateTime } from './use-store-date-time';

interface UserSessionsDrawerProps {
  user: StaffUser | null;
  onClose: () => void;
}

/** Who is signed in as this account, where, since when; the administrator can end any session but their own. */
export function UserSessionsDrawer({ user, onClose }: UserSessionsDrawerProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const storeTime = useStoreDateTime();
  const userId = user?.id ?? 0;
  const sessions = useQuery({
    queryKey: userSessionsKey(userId),
    queryFn: () => api.call('users.sessions', { userId }),
    enabled: user !== null,
    staleTime: 0,
  });
  const end = useMutation({
    mutationFn: (sessionId: string) => api.call('users.endSession', { userId, sessionId }),
    onSuccess: () => void message.success(t('accountSecurity.ended')),
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userSessionsKey(userId) }),
  });

  const columns: TableColumnsType<UserSession> = [
    {
      key: 'client',
      title: t('accountSecurity.client'),
      render: (_, s) => (
        <>
          {clientLabel(s.client, t)}
          {s.current && (
            <Tag color="blue" className="session-current-tag">
              {t('accountSecurity.current')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'createdAt',
      title: t('accountSecurity.signedInAt'),
      width: 150,
      render: (_, s) => storeTime(s.createdAt),
    },
    {
      key: 'lastSeenAt',
      title: t('accountSecurity.lastSeenAt'),
      width: 150,
      render: (_, s) => storeTime(s.lastSeenAt),
    },
    {
      key: 'expiresAt',
      title: t('accountSecurity.expiresAt'),
      width: 150,
      render: (_, s) => storeTime(s.expiresAt),
    },
    {
      key: 'actions',
      title: t('settings.users.actions'),
      width: 104,
      render: (_, s) =>
        s.current ? (
          <Tooltip title={t('accountSecurity.ownSession')}>
            <Button type="link" size="small" danger disabled>
              {t('accountSecurity.endSession')}
            </Button>
          </Tooltip>
        ) : (
          <Popconfirm
            title={t('accountSecurity.endConfirm')}
            okText={t('accountSecurity.endSession')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => end.mutate(s.id)}
          >
            <Button type="link" size="small" danger>
              {t('accountSecurity.endSession')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user ? t('accountSecurity.sessionsTitle', { name: user.displayName }) : ''}
      size={760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('accountSecurity.sessionsIntro')}</Typography.Paragraph>
      {sessions.isError && <Alert type="error" showIcon title={errorMessage(sessions.error)} />}
      <Table<UserSession>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isPending}
        pagination={false}
        locale={{ emptyText: t('accountSecurity.noSessions') }}
      />
    </Drawer>
  );
}
