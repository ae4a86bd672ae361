import { DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Avatar, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../auth/change-password-modal';
import { useAuth } from '../auth/use-auth';
import type { Language } from '../i18n';
import { currentLanguage, languages, rememberLanguage } from '../i18n';

/** Top right: who is signed in (name and role), password, language, sign out. */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const { user, logout } = useAuth();
  const [changingPassword, setChangingPassword] = useState(false);
  const language = currentLanguage();

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword') },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('userMenu.language'),
      children: languages.map((l) => ({
        key: `lang:${l}`,
        label: t(`language.${l}`),
        disabled: l === language,
      })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('userMenu.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    else if (key === 'logout') void logout();
    else if (key.startsWith('lang:')) {
      const next = key.slice(5) as Language;
      rememberLanguage(next);
      void i18n.changeLanguage(next);
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button type="button" className="user-menu-trigger" aria-haspopup="menu">
          <Avatar size={28} icon={<UserOutlined />} className="user-menu-avatar" />
          <span className="user-menu-text">
            <span className="user-menu-name">{user.displayName}</span>
            <span className="user-menu-role">{t(`roles.${user.role}`)}</span>
          </span>
          <DownOutlined className="user-menu-caret" />
        </button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
