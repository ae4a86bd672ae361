import type { TableColumnsType } from 'antd';
import { Alert, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginLockout } from '../../../../electron/contract/users';
import { errorMessage } from '../../forms/apply-server-errors';
import { clientLabel } from './client-label';
import { useLockouts, useUnlock } from './use-lockouts';
import { useStoreDateTime } from './use-store-date-time';

const rowKey = (l: LoginLockout) => `${l.scope}:${l.username ?? ''}@${l.address}`;

/**
 * 登录锁定: the sign-in lockouts in force, for managers and administrators (users.unlock), so a colleague
 * locked out by wrong passwords — theirs or someone else's — need not wait for the lockout to run out.
 */
export function LockoutsTab() {
  const { t } = useTranslation();
  const storeTime = useStoreDateTime();
  const lockouts = useLockouts(true);
  const unlock = useUnlock();

  const nameOf = (l: LoginLockout) =>
    l.scope === 'user' ? `${l.displayName ?? ''}（${l.username ?? ''}）` : clientLabel(l.address, t);

  const columns: TableColumnsType<LoginLockout> = [
    {
      key: 'scope',
      title: t('accountSecurity.scope'),
      width: 110,
      render: (_, l) =>
        l.scope === 'user' ? (
          <Tag color="orange">{t('accountSecurity.scopeUser')}</Tag>
        ) : (
          <Tag color="red">{t('accountSecurity.scopeAddress')}</Tag>
        ),
    },
    {
      key: 'account',
      title: t('accountSecurity.account'),
      render: (_, l) => (l.scope === 'user' ? nameOf(l) : t('common.none')),
    },
    { key: 'address', title: t('accountSecurity.address'), render: (_, l) => clientLabel(l.address, t) },
    {
      key: 'lockedUntil',
      title: t('accountSecurity.lockedUntil'),
      width: 160,
      render: (_, l) => storeTime(l.lockedUntil, true),
    },
    { key: 'lockouts', title: t('accountSecurity.lockouts'), width: 120, dataIndex: 'lockouts' },
    {
      key: 'actions',
      title: t('settings.users.actions'),
      width: 110,
      render: (_, l) => (
        <Popconfirm
          title={t('accountSecurity.unlockConfirm', { name: nameOf(l) })}
          okText={t('accountSecurity.unlock')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            unlock.mutate(
              l.scope === 'user'
                ? { username: l.username ?? '', label: nameOf(l) }
                : { address: l.address, label: nameOf(l) },
            )
          }
        >
          <Button type="link" size="small">
            {t('accountSecurity.unlock')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('accountSecurity.lockoutsIntro')}</Typography.Paragraph>
      {lockouts.isError && (
        <Alert type="error" showIcon title={errorMessage(lockouts.error)} className="tab-alert" />
      )}
      <Table<LoginLockout>
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={lockouts.data ?? []}
        loading={lockouts.isPending}
        pagination={false}
        locale={{ emptyText: t('accountSecurity.noLockouts') }}
      />
    </>
  );
}
