import {
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  GiftOutlined,
  PhoneOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { SectionKey } from '../../../electron/contract/sections';
import { sectionAllowed, sectionKeys, sections } from '../../../electron/contract/sections';
import type { AuthState } from '../auth/use-auth';

export type NavKey = SectionKey;

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
}

const icons: Record<NavKey, ReactNode> = {
  customers: <TeamOutlined />,
  callbacks: <PhoneOutlined />,
  complaints: <WarningOutlined />,
  events: <CalendarOutlined />,
  loyalty: <GiftOutlined />,
  reports: <BarChartOutlined />,
  dataCare: <DatabaseOutlined />,
  privacy: <SafetyOutlined />,
  settings: <SettingOutlined />,
};

/** The menu: the sections (electron/contract/sections.ts) the signed-in user can use, in the contract's order. */
export function visibleNavItems(can: AuthState['can']): NavItem[] {
  return sectionKeys
    .filter((key) => sectionAllowed(key, (a) => a === 'public' || a === 'session' || can(a)))
    .map((key) => ({ key, path: sections[key].path, icon: icons[key] }));
}
