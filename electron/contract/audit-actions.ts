/**
 * What the audit log records, one home for the codes and their Chinese names (the viewer's filter and
 * column read these). Add an action here before writing it anywhere.
 */
export const auditActions = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.locked': '账号锁定',
  'auth.unlocked': '解除锁定',
  'auth.password_changed': '修改密码',
  'session.ended': '结束会话',
  'customer.viewed': '查看客户卡片',
  'personal.revealed': '查看完整个人信息',
  'customer.created': '新建客户',
  'customer.updated': '修改客户',
  'customer.deleted': '删除客户',
  'customer.merged': '合并客户',
  'customer.unmerged': '撤销合并',
  'customer.anonymised': '删除个人信息（匿名化）',
  'vehicle.created': '新建车辆',
  'vehicle.updated': '修改车辆',
  'vehicle.transferred': '车辆过户',
  'visit.created': '新建进站记录',
  'visit.updated': '修改进站记录',
  'consent.changed': '授权变更',
  'import.committed': '导入客户',
  'import.reverted': '撤销导入',
  'export.customers': '导出客户',
  'export.audit': '导出审计日志',
  'export.subject_data': '导出个人数据包',
  print: '打印',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.disabled': '停用用户',
  'user.enabled': '启用用户',
  'user.role_changed': '变更用户角色',
  'settings.updated': '修改设置',
  'subject_request.created': '登记个人信息权利请求',
  'subject_request.updated': '处理个人信息权利请求',
  'backup.created': '数据备份',
  'backup.restored': '恢复备份',
  'audit.verified': '校验审计链',
} as const;

export type AuditAction = keyof typeof auditActions;
export const auditActionCodes = Object.keys(auditActions) as [AuditAction, ...AuditAction[]];
