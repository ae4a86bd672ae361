import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { NotificationBell } from '../notifications/notification-bell';
import { GlobalSearch } from '../search/global-search';
import { useAuth } from '../auth/use-auth';
import { AppLogo } from './app-logo';
import { ConnectionBanner } from './connection-banner';
import { visibleNavItems } from './nav-items';
import { UserMenu } from './user-menu';

const { Header, Sider, Content } = Layout;

/** Header with the app name and user menu, the section menu on the left, the page in the remaining space. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { can } = useAuth();
  const visibleItems = visibleNavItems(can);
  const selected = visibleItems.find((n) => location.pathname.startsWith(n.path))?.key;

  return (
    <Layout className="app-shell">
      <Header className="app-header">
        <div className="app-header-brand">
          <AppLogo size={28} />
          <span className="app-header-name">{t('app.name')}</span>
        </div>
        <GlobalSearch />
        <div className="app-header-tools">
          <NotificationBell />
          <UserMenu />
        </div>
      </Header>
      <Layout>
        <Sider width={184} collapsedWidth={64} breakpoint="lg" theme="light" className="app-sider">
          <nav aria-label={t('nav.mainMenu')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={visibleItems.map((n) => ({ key: n.key, icon: n.icon, label: t(`nav.${n.key}`) }))}
              onClick={({ key }) => {
                const item = visibleItems.find((n) => n.key === key);
                if (item) void navigate(item.path);
              }}
              className="app-menu"
              // The sider draws the full-height divider; the menu's own border would stop where the items end.
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Sider>
        <Content className="app-content">
          <ConnectionBanner />
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
