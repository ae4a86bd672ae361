import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth';
import { ComplaintSettingsTab } from '../complaints/settings/complaint-settings-tab';
import { BackupsTab } from './backups-tab';
import { HostTab } from './host-tab';
import { CallbackOutcomesTab } from './callback-outcomes-tab';
import { CallbackRulesTab } from './callback-rules-tab';
import { LockoutsTab } from './lockouts-tab';
import { MyAccount } from './my-account';
import { StoreSettingsTab } from './store-settings-tab';
import { ThreeGuaranteeSettingsTab } from './three-guarantee-settings-tab';
import { UsersTab } from './users-tab';

export function SettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const account = { key: 'account', label: t('settings.accountTab'), children: <MyAccount /> };
  // Rules and outcomes can only be saved with callbacks.manage; without it they are not offered.
  const callbackTabs = can('callbacks.manage')
    ? [
        { key: 'callback-rules', label: t('callbacks.settings.rulesTab'), children: <CallbackRulesTab /> },
        {
          key: 'callback-outcomes',
          label: t('callbacks.settings.outcomesTab'),
          children: <CallbackOutcomesTab />,
        },
      ]
    : [];
  // 投诉设置: calendar, deadlines, grade rules, routing; saved with complaints.manage only.
  const complaintTabs = can('complaints.manage')
    ? [{ key: 'complaints', label: t('complaints.settings.tab'), children: <ComplaintSettingsTab /> }]
    : [];
  const storeTab = can('settings.manage')
    ? [
        { key: 'store', label: t('storeSettings.tab'), children: <StoreSettingsTab /> },
        {
          key: 'three-guarantee',
          label: t('threeGuarantee.settings.tab'),
          children: <ThreeGuaranteeSettingsTab />,
        },
      ]
    : [];
  const backupsTab = can('backups.manage')
    ? [{ key: 'backups', label: t('backups.tab'), children: <BackupsTab /> }]
    : [];
  // 门店主机: the LAN switch, the addresses and the pairing code workstations need (managers and administrators).
  const hostTab = can('host.manage') ? [{ key: 'host', label: t('host.tab'), children: <HostTab /> }] : [];
  // Managers lift sign-in lockouts too (users.unlock) without managing accounts.
  const lockoutsTab = can('users.unlock')
    ? [{ key: 'lockouts', label: t('accountSecurity.lockoutsTab'), children: <LockoutsTab /> }]
    : [];
  const items = can('users.manage')
    ? [
        { key: 'users', label: t('settings.usersTab'), children: <UsersTab /> },
        ...lockoutsTab,
        ...storeTab,
        ...callbackTabs,
        ...complaintTabs,
        ...backupsTab,
        ...hostTab,
        account,
      ]
    : [...lockoutsTab, ...storeTab, ...callbackTabs, ...complaintTabs, ...backupsTab, ...hostTab, account];

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
