import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../../electron/contract/users';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { formatDate } from '../../format/date';
import { errorMessage } from '../../forms/apply-server-errors';
import { CreateUserModal } from './create-user-modal';
import { EditUserModal } from './edit-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { usersKey } from './settings-keys';
import { useLockouts, useUnlock } from './use-lockouts';
import { useStoreDateTime } from './use-store-date-time';
import { useUpdateUser } from './use-update-user';
import { UserSessionsDrawer } from './user-sessions-drawer';

/** Administrators manage staff accounts here; main checks `users.manage` on every call regardless. */
export function UsersTab() {
  const { t } = useTranslation();
  const { user: me, can } = useAuth();
  const users = useQuery({ queryKey: usersKey, queryFn: () => api.call('users.list', {}) });
  const lockouts = useLockouts(can('users.unlock'));
  const unlock = useUnlock();
  const storeTime = useStoreDateTime();
  const [sessionsOf, setSessionsOf] = useState<StaffUser | null>(null);
  /** The latest-ending lockout of each account (from any address); address-wide ones are in 登录锁定. */
  const lockedUntil = new Map<number, string>();
  for (const l of lockouts.data ?? []) {
    if (l.scope !== 'user' || l.userId === null) continue;
    const prev = lockedUntil.get(l.userId);
    if (!prev || l.lockedUntil > prev) lockedUntil.set(l.userId, l.lockedUntil);
  }
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [resetting, setResetting] = useState<StaffUser | null>(null);

  const columns: TableColumnsType<StaffUser> = [
    {
      key: 'username',
      title: t('settings.users.username'),
      dataIndex: 'username',
      render: (v: string, u) => (u.id === me.id ? `${v}${t('settings.users.self')}` : v),
    },
    { key: 'displayName', title: t('settings.users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('settings.users.role'), render: (_, u) => t(`roles.${u.role}`) },
    {
      key: 'department',
      title: t('settings.users.department'),
      render: (_, u) => u.departmentName ?? t('common.none'),
    },
    {
      key: 'status',
      title: t('settings.users.status'),
      width: 150,
      render: (_, u) => {
        const until = lockedUntil.get(u.id);
        return (
          <>
            {u.disabled ? (
              <Tag>{t('settings.users.disabled')}</Tag>
            ) : (
              <Tag color="success">{t('settings.users.active')}</Tag>
            )}
            {until && (
              <Tooltip title={t('accountSecurity.lockedTip', { time: storeTime(until, true) })}>
                <Tag color="error">{t('accountSecurity.locked')}</Tag>
              </Tooltip>
            )}
          </>
        );
      },
    },
    {
      key: 'createdAt',
      title: t('settings.users.createdAt'),
      width: 120,
      render: (_, u) => formatDate(u.createdAt),
    },
    {
      key: 'actions',
      title: t('settings.users.actions'),
      width: 330,
      render: (_, u) => (
        <Space size={0} className="table-actions">
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            {t('settings.users.edit')}
          </Button>
          {u.disabled ? (
            <Button
              type="link"
              size="small"
              onClick={() => update.mutate({ id: u.id, version: u.version, disabled: false })}
            >
              {t('settings.users.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('settings.users.disableConfirm', { name: u.displayName })}
              okText={t('settings.users.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => update.mutate({ id: u.id, version: u.version, disabled: true })}
              disabled={u.id === me.id}
            >
              {/* Main refuses to disable oneself; the button says so before the click. */}
              <Button type="link" size="small" danger disabled={u.id === me.id}>
                {t('settings.users.disable')}
              </Button>
            </Popconfirm>
          )}
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('settings.users.resetPassword')}
          </Button>
          <Button type="link" size="small" onClick={() => setSessionsOf(u)}>
            {t('accountSecurity.sessions')}
          </Button>
          {lockedUntil.has(u.id) && (
            <Popconfirm
              title={t('accountSecurity.unlockConfirm', { name: u.displayName })}
              okText={t('accountSecurity.unlock')}
              cancelText={t('common.cancel')}
              onConfirm={() => unlock.mutate({ username: u.username, label: u.displayName })}
            >
              <Button type="link" size="small">
                {t('accountSecurity.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="tab-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('settings.users.create')}
        </Button>
      </div>
      {users.isError && (
        <Alert type="error" showIcon title={errorMessage(users.error)} className="tab-alert" />
      )}
      <Table<StaffUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isPending}
        pagination={false}
        rowClassName={(u) => (u.disabled ? 'row-disabled' : '')}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <UserSessionsDrawer user={sessionsOf} onClose={() => setSessionsOf(null)} />
    </>
  );
}
