import { StopOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import type { SectionKey } from '../../../electron/contract/sections';
import { homeSection, sections } from '../../../electron/contract/sections';
import { useAuth } from '../auth/use-auth';
import { visibleNavItems } from './nav-items';

/** The section the signed-in user starts on: their role's work screen. */
export function useHomeSection(): SectionKey {
  const { user, can } = useAuth();
  const home = homeSection(user.role);
  // The session's permissions are main's word; the role table only picks among what they allow.
  return visibleNavItems(can).some((n) => n.key === home)
    ? home
    : (visibleNavItems(can)[0]?.key ?? 'settings');
}

export function HomeRedirect() {
  return <Navigate to={sections[useHomeSection()].path} replace />;
}

/**
 * A section reached by a typed or bookmarked address the role cannot use: says so in staff words and offers the
 * way home, instead of the page failing on its first request.
 */
export function SectionGate({ section, children }: { section: SectionKey; children: ReactNode }) {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  const navigate = useNavigate();
  const home = useHomeSection();
  if (visibleNavItems(can).some((n) => n.key === section)) return <>{children}</>;
  return (
    <div className="page page-centered">
      <Result
        icon={<StopOutlined className="not-built-icon" />}
        title={t('noAccess.title', { section: t(`nav.${section}`) })}
        subTitle={t('noAccess.hint', { role: t(`roles.${user.role}`) })}
        extra={
          <Button type="primary" onClick={() => void navigate(sections[home].path)}>
            {t('noAccess.home', { home: t(`nav.${home}`) })}
          </Button>
        }
      />
    </div>
  );
}
