/** Roles and what each may do; the router checks these in main, whatever the UI shows. */
export const roles = [
  'front_desk',
  'callback_operator',
  'complaint_handler',
  'sales',
  'manager',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  front_desk: '前台 / 客服专员',
  callback_operator: '回访专员',
  complaint_handler: '投诉处理',
  sales: '销售 / 服务顾问',
  manager: '客服经理',
  admin: '系统管理员',
};

export const permissions = [
  'customers.read',
  'customers.write',
  'customers.merge',
  'customers.import',
  'customers.export',
  // Personal data (PIPL): full mobile/ID/address/WeChat of any customer, and exports without masks.
  'personal.reveal',
  'customers.export_unmasked',
  // 审计日志 (read-only for managers) and the desk for data-subject requests (个人信息权利请求).
  'audit.read',
  'privacy.requests',
  'callbacks.work',
  'callbacks.manage',
  // 投诉工单: raise opens a ticket (the call-back operator too, from a call); work lists and handles them
  // (main limits handling to the ticket's department, owner and manager); manage is settings, compensation
  // approval, reopening by hand and the KPIs.
  'complaints.raise',
  'complaints.work',
  'complaints.manage',
  // The events section is not built yet (menu only); reports.read opens the monthly pack and the dashboard.
  'events.manage',
  // 会员积分: settings, manual adjustments and their approval, the reward catalogue. Reading a member's points
  // is customers.read; redeeming at the counter is customers.write.
  'loyalty.manage',
  'reports.read',
  // 月结: freeze a month's report pack; closing a closed month again needs a reason (logged).
  'reports.close',
  'settings.manage',
  'users.manage',
  // Lift a sign-in lockout (too many wrong passwords): managers too, so a locked-out colleague is not stuck
  // waiting for the administrator.
  'users.unlock',
  // 数据备份: back up now, change where/when, restore (replaces every record, so administrators only).
  'backups.manage',
  // 门店主机: switch this PC's LAN service on and off and show workstations how to pair (managers run the
  // store day to day; the certificate and the data never leave this PC).
  'host.manage',
  'demo.generate',
] as const;
export type Permission = (typeof permissions)[number];

/** `public` needs no session; `session` needs any signed-in user. */
export type Access = Permission | 'public' | 'session';

// Export is personal data leaving the system (PIPL), so only managers and administrators have it.
const grants: Record<Role, readonly Permission[]> = {
  front_desk: [
    'customers.read',
    'customers.write',
    'customers.merge',
    'customers.import',
    'complaints.raise',
    'complaints.work',
  ],
  callback_operator: ['customers.read', 'callbacks.work', 'complaints.raise'],
  complaint_handler: ['customers.read', 'complaints.raise', 'complaints.work'],
  sales: ['customers.read', 'customers.write', 'complaints.raise', 'complaints.work'],
  manager: [
    'customers.read',
    'customers.write',
    'customers.merge',
    'customers.import',
    'customers.export',
    'personal.reveal',
    'audit.read',
    'privacy.requests',
    'callbacks.work',
    'callbacks.manage',
    'complaints.raise',
    'complaints.work',
    'complaints.manage',
    'events.manage',
    'loyalty.manage',
    'reports.read',
    'reports.close',
    'settings.manage',
    'users.unlock',
    'host.manage',
  ],
  admin: [...permissions],
};

export function roleCan(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'session') return true;
  return grants[role].includes(access);
}
