import {
  BarChartOutlined,
  CalendarOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavKey = 'customers' | 'callbacks' | 'complaints' | 'events' | 'reports' | 'settings';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
}

/** The sections in the order staff meet them during a day: people first, administration last. */
export const navItems: readonly NavItem[] = [
  { key: 'customers', path: '/customers', icon: <TeamOutlined /> },
  { key: 'callbacks', path: '/callbacks', icon: <PhoneOutlined /> },
  { key: 'complaints', path: '/complaints', icon: <WarningOutlined /> },
  { key: 'events', path: '/events', icon: <CalendarOutlined /> },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
];
