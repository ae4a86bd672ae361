import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLogo } from '../layout/app-logo';

interface AuthShellProps {
  title: string;
  subtitle: string;
  width?: number;
  children: ReactNode;
}

/** The frame around the login and first-run screens: calm, centred, nothing else to click. */
export function AuthShell({ title, subtitle, width = 400, children }: AuthShellProps) {
  const { t } = useTranslation();
  return (
    <main className="auth-page">
      <div className="auth-brand">
        <AppLogo size={40} />
        <span className="auth-brand-name">{t('app.name')}</span>
      </div>
      <Card className="auth-card" style={{ width }}>
        <Typography.Title level={3} className="auth-title">
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
        {children}
      </Card>
      <Typography.Text type="secondary" className="auth-footer">
        {t('auth.footer')}
      </Typography.Text>
    </main>
  );
}
