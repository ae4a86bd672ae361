import type { Access, Role } from './permissions';
import { roleCan } from './permissions';

/**
 * The app's sections and what it takes to use each, in the order staff meet them during a day: people first,
 * administration last. The menu, the routes' "no access" page and each role's landing screen all derive from
 * this and the role grants (permissions.ts), so a role never sees a section it would be refused in.
 */
export const sectionKeys = [
  'customers',
  'callbacks',
  'complaints',
  'events',
  'loyalty',
  'reports',
  'dataCare',
  'privacy',
  'settings',
] as const;
export type SectionKey = (typeof sectionKeys)[number];

export interface Section {
  path: string;
  /** Usable by anyone holding at least one of these. */
  anyOf: readonly Access[];
}

export const sections: Record<SectionKey, Section> = {
  customers: { path: '/customers', anyOf: ['customers.read'] },
  callbacks: { path: '/callbacks', anyOf: ['callbacks.work'] },
  // 投诉工单: the list and ticket pages need complaints.work (the call-back operator only raises tickets).
  complaints: { path: '/complaints', anyOf: ['complaints.work'] },
  events: { path: '/events', anyOf: ['events.manage'] },
  // 会员: the catalogue, approvals and rules; redeeming and the member section live on the customer card.
  loyalty: { path: '/loyalty', anyOf: ['loyalty.manage'] },
  reports: { path: '/reports', anyOf: ['reports.read'] },
  dataCare: { path: '/data-care', anyOf: ['customers.import', 'customers.merge'] },
  // 个人信息保护: the audit log and the data-subject request desk.
  privacy: { path: '/privacy', anyOf: ['audit.read', 'privacy.requests'] },
  // Everyone has their own account there (password, what the role allows).
  settings: { path: '/settings', anyOf: ['session'] },
};

/** Where each role starts its day (handlers on their tickets); a test keeps every landing usable by its role. */
export const roleHome: Record<Role, SectionKey> = {
  front_desk: 'customers',
  callback_operator: 'callbacks',
  complaint_handler: 'complaints',
  sales: 'customers',
  // The manager starts on the dashboard (报表 → 经营看板): the day's call-backs, tickets, KPIs, next events.
  manager: 'reports',
  admin: 'customers',
};

/** Whether a user who passes `can` may use the section (the renderer passes its session's permissions). */
export function sectionAllowed(key: SectionKey, can: (access: Access) => boolean): boolean {
  return sections[key].anyOf.some((a) => can(a));
}

export function roleSections(role: Role): SectionKey[] {
  return sectionKeys.filter((k) => sectionAllowed(k, (a) => roleCan(role, a)));
}

/** The landing section for a role, falling back to its first usable section. */
export function homeSection(role: Role): SectionKey {
  const home = roleHome[role];
  return sectionAllowed(home, (a) => roleCan(role, a)) ? home : (roleSections(role)[0] ?? 'settings');
}
