import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth';
import { AuditTab } from './audit-tab';
import { RequestsTab } from './requests-tab';

/** 个人信息保护: the data-subject request desk and the audit log, each for the roles granted it. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  // ?tab=audit: the customer card's 查看记录 opens the log directly.
  const [params] = useSearchParams();
  const items = [
    ...(can('privacy.requests')
      ? [{ key: 'requests', label: t('privacy.requestsTab'), children: <RequestsTab /> }]
      : []),
    ...(can('audit.read') ? [{ key: 'audit', label: t('privacy.auditTab'), children: <AuditTab /> }] : []),
  ];
  return (
    <div className="page page-scroll">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('privacy.title')}
        </Typography.Title>
      </div>
      <div className="page-panel page-panel-padded">
        <Tabs items={items} defaultActiveKey={params.get('tab') ?? undefined} />
      </div>
    </div>
  );
}
