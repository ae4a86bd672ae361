import {
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../electron/contract/permissions';

export type NavKey =
  'customers' | 'callbacks' | 'complaints' | 'events' | 'reports' | 'dataCare' | 'settings';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Shown only to users holding at least one of these; everyone sees items without it. */
  anyOf?: readonly Permission[];
}

/** The sections in the order staff meet them during a day: people first, administration last. */
export const navItems: readonly NavItem[] = [
  { key: 'customers', path: '/customers', icon: <TeamOutlined /> },
  { key: 'callbacks', path: '/callbacks', icon: <PhoneOutlined /> },
  { key: 'complaints', path: '/complaints', icon: <WarningOutlined /> },
  { key: 'events', path: '/events', icon: <CalendarOutlined /> },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined /> },
  {
    key: 'dataCare',
    path: '/data-care',
    icon: <DatabaseOutlined />,
    anyOf: ['customers.import', 'customers.merge'],
  },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
];
