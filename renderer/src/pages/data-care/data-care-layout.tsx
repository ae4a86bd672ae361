import { Result, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth';
import './data-care.css';
import type { DataCareSection } from './data-care-sections';
import { dataCareSections } from './data-care-sections';

/** 数据维护: one sidebar entry, its sections (import, duplicates) switched from the page's own toolbar. */
export function DataCareLayout() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const allowed = dataCareSections.filter((s) => can(s.permission));
  const current = dataCareSections.find((s) => location.pathname.startsWith(s.path));

  let body;
  if (current && !can(current.permission)) {
    body = <Result status="403" title={t('dataCare.noAccess')} />;
  } else {
    body = <Outlet />;
  }

  return (
    <div className="page data-care-page">
      <div className="page-toolbar">
        <div className="page-toolbar-title data-care-toolbar-title">
          <Typography.Title level={4} className="page-title">
            {t('dataCare.title')}
          </Typography.Title>
          {allowed.length > 1 && (
            <Segmented<DataCareSection>
              aria-label={t('dataCare.sectionsLabel')}
              value={current?.key}
              options={allowed.map((s) => ({ value: s.key, label: t(`dataCare.sections.${s.key}`) }))}
              onChange={(key) => {
                const section = allowed.find((s) => s.key === key);
                if (section) void navigate(section.path);
              }}
            />
          )}
        </div>
      </div>
      {body}
    </div>
  );
}

/** /data-care itself opens the first section the user may use. */
export function DataCareIndex() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const first = dataCareSections.find((s) => can(s.permission));
  if (!first) return <Result status="403" title={t('dataCare.noAccess')} />;
  return <Navigate to={first.path} replace />;
}
