import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth';
import { MyAccount } from './my-account';
import { UsersTab } from './users-tab';

export function SettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const account = { key: 'account', label: t('settings.accountTab'), children: <MyAccount /> };
  const items = can('users.manage')
    ? [{ key: 'users', label: t('settings.usersTab'), children: <UsersTab /> }, account]
    : [account];

  return (
    <div className="page page-scroll">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('settings.title')}
        </Typography.Title>
      </div>
      <div className="page-panel page-panel-padded">
        <Tabs items={items} />
      </div>
    </div>
  );
}
