import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../../electron/contract/permissions';
import { useAuth } from '../../auth/use-auth';
import type { Messages } from '../../i18n/zh-cn';

type PermissionKey = keyof Messages['settings']['permissions'];

/** Partial on purpose: a permission added in main before it has a label still shows, as its code. */
const permissionKeys: Partial<Record<Permission, PermissionKey>> = {
  'customers.read': 'customersRead',
  'customers.write': 'customersWrite',
  'customers.merge': 'customersMerge',
  'customers.import': 'customersImport',
  'customers.export': 'customersExport',
  'callbacks.work': 'callbacksWork',
  'callbacks.manage': 'callbacksManage',
  'complaints.work': 'complaintsWork',
  'events.manage': 'eventsManage',
  'reports.read': 'reportsRead',
  'settings.manage': 'settingsManage',
  'users.manage': 'usersManage',
  'users.unlock': 'usersUnlock',
  'host.manage': 'hostManage',
  'demo.generate': 'demoGenerate',
};

/** What every user may see about themselves: who they are signed in as and what that allows. */
export function MyAccount() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const permissionLabel = (p: Permission) => {
    const key = permissionKeys[p];
    return key ? t(`settings.permissions.${key}`) : p;
  };
  return (
    <Descriptions
      bordered
      column={1}
      size="middle"
      className="my-account"
      styles={{ label: { width: 160 } }}
      items={[
        { key: 'username', label: t('settings.account.username'), children: user.username },
        { key: 'displayName', label: t('settings.account.displayName'), children: user.displayName },
        { key: 'role', label: t('settings.account.role'), children: t(`roles.${user.role}`) },
        {
          key: 'permissions',
          label: t('settings.account.permissions'),
          children: (
            <Space size={[4, 4]} wrap>
              {user.permissions.map((p) => (
                <Tag key={p}>{permissionLabel(p)}</Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
