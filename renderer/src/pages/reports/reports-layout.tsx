import { Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import './reports.css';

const reportSections = [
  { key: 'dashboard', path: '/reports' },
  { key: 'pack', path: '/reports/pack' },
  { key: 'close', path: '/reports/close' },
] as const;
type ReportSection = (typeof reportSections)[number]['key'];

/** 报表: one sidebar entry; the dashboard (the manager's start page), the monthly pack and month close below. */
export function ReportsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = [...reportSections].reverse().find((s) => pathname.startsWith(s.path))?.key ?? 'dashboard';
  return (
    <div className="page page-scroll reports-page">
      <div className="page-toolbar">
        <div className="page-toolbar-title rp-title">
          <Typography.Title level={4} className="page-title">
            {t('reports.title')}
          </Typography.Title>
          <Segmented<ReportSection>
            aria-label={t('reports.sectionsLabel')}
            value={current}
            options={reportSections.map((s) => ({ value: s.key, label: t(`reports.sections.${s.key}`) }))}
            onChange={(key) => {
              const s = reportSections.find((x) => x.key === key);
              if (s) void navigate(s.path);
            }}
          />
        </div>
      </div>
      <Outlet />
    </div>
  );
}
