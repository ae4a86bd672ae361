import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApprovalsTab } from './approvals-tab';
import { LoyaltySettingsTab } from './loyalty-settings-tab';
import { RewardsTab } from './rewards-tab';
import './loyalty.css';

const tabKeys = ['rewards', 'approvals', 'settings'] as const;
type TabKey = (typeof tabKeys)[number];

/** 会员 (loyalty.manage): the reward catalogue, adjustments waiting for a second manager, and the programme's rules. */
export function LoyaltyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = tabKeys.find((k) => k === params.get('tab')) ?? 'rewards';
  return (
    <div className="page page-scroll loyalty-page">
      <div className="page-toolbar">
        <div className="page-toolbar-title">
          <Typography.Title level={4} className="page-title">
            {t('loyalty.page.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('loyalty.page.intro')}</Typography.Text>
        </div>
      </div>
      <div className="page-panel page-panel-padded">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'rewards', label: t('loyalty.page.tabs.rewards'), children: <RewardsTab /> },
            { key: 'approvals', label: t('loyalty.page.tabs.approvals'), children: <ApprovalsTab /> },
            { key: 'settings', label: t('loyalty.page.tabs.settings'), children: <LoyaltySettingsTab /> },
          ]}
        />
      </div>
    </div>
  );
}
