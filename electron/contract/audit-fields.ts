import { auditActions } from './audit-actions';
import { crmBudgetLineLabels } from './event-terms';
import { importFieldLabels } from './imports';
import { storeSettingLabels } from './settings';

/**
 * Chinese names of what an audit row is about and of the fields its `changes` list, one home for the viewer
 * (renderer) and the XLSX export (main). A field missing here is shown by its code, never dropped.
 */
export const auditEntityLabels: Record<string, string> = {
  customer: '客户',
  vehicle: '车辆',
  visit: '进站记录',
  consent: '授权',
  user: '用户',
  session: '会话',
  setting: '门店设置',
  callback_rule: '回访规则',
  callback_outcome: '回访结果设置',
  import: '导入批次',
  merge: '合并记录',
  export: '导出',
  audit: '审计日志',
  backup: '备份',
  subject_request: '权利请求',
  event: '客户活动',
  crm_budget: '年度 CRM 预算',
};

const customerFieldLabels: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthday: '生日',
  mobile: '手机号码',
  mobile2: '备用手机',
  wechat: '微信号',
  address: '详细地址',
  district: '区县',
  idNumber: '证件号码',
  occupation: '职业',
  industry: '行业',
  employer: '工作单位',
  isCompany: '集团客户',
  contactPerson: '联系人',
  contactTitle: '联系人职务',
  sourceChannel: '来源渠道',
  referrerId: '推荐人编号',
  stage: '客户阶段',
  leadGrade: '线索等级',
  baseGrade: '基盘等级',
  purchaseNeed: '购车需求',
  budgetFen: '预算（分）',
  currentCar: '现用车辆',
  outcomeReason: '成败原因',
  lostReasonCategory: '战败原因类别',
  doNotContact: '勿扰',
  tags: '标签',
  preferences: '联系偏好',
  notes: '备注',
  ownerUserId: '负责人编号',
};

const vehicleFieldLabels: Record<string, string> = {
  vin: '车架号（VIN）',
  plate: '车牌号',
  brand: '品牌',
  series: '车系',
  model: '车型',
  color: '颜色',
  energy: '能源类型',
  deliveryDate: '交车日期',
  priceFen: '购车价格（分）',
  mileageKm: '里程（km）',
  insuranceExpiry: '保险到期日',
  finance: '购车方式',
  ownerId: '车主编号',
  acquiredOn: '接手日期',
};

const visitFieldLabels: Record<string, string> = {
  vehicleId: '车辆编号',
  visitDate: '进站日期',
  type: '进站类型',
  mileageKm: '里程（km）',
  amountFen: '产值（分）',
  advisor: '服务顾问',
  notes: '备注',
};

const userFieldLabels: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  departmentId: '部门编号',
  disabled: '停用',
};

const ruleFieldLabels: Record<string, string> = {
  name: '名称',
  enabled: '启用',
  offsetDays: '提前/延后天数',
  windowDays: '窗口天数',
  priority: '优先级',
  script: '话术',
  expiryDays: '过期天数',
  maxAttempts: '最多尝试次数',
  consentPurpose: '所需授权',
  params: '规则参数',
};

const outcomeFieldLabels: Record<string, string> = {
  recycleMinutes: '再次拨打间隔（分钟）',
  countsAttempt: '计入尝试次数',
  closesTask: '结束任务',
};

const eventFieldLabels: Record<string, string> = {
  title: '活动名称',
  type: '活动类型',
  theme: '主题',
  startsOn: '开始日期',
  endsOn: '结束日期',
  places: '地点',
  capacityCars: '车辆容量',
  capacityPeople: '人数容量',
  plannedCars: '计划车辆数',
  plannedPeople: '计划人数',
  ownerUserId: '负责人编号',
  invitationScript: '邀约话术',
  confirmationScript: '二次确认话术',
  filingStatus: '厂家报备',
  subsidyRequestedFen: '申请补贴（分）',
  subsidyApprovedFen: '批准补贴（分）',
  subsidyReceivedFen: '到账补贴（分）',
  manufacturerGifts: '厂家礼品',
  actualFen: '实际金额（分）',
};

/** The year's budget changes name its lines. */
const crmBudgetFieldLabels: Record<string, string> = Object.fromEntries(
  Object.entries(crmBudgetLineLabels).map(([line, label]) => [line, `${label}（分）`]),
);

export const auditFieldLabels: Record<string, Record<string, string>> = {
  event: eventFieldLabels,
  crm_budget: crmBudgetFieldLabels,
  customer: { ...importFieldLabels, ...customerFieldLabels },
  vehicle: vehicleFieldLabels,
  visit: visitFieldLabels,
  user: userFieldLabels,
  setting: storeSettingLabels,
  callback_rule: ruleFieldLabels,
  callback_outcome: outcomeFieldLabels,
};

export function auditFieldLabel(entity: string | null, field: string): string {
  return (entity ? auditFieldLabels[entity]?.[field] : undefined) ?? field;
}

/** One field's before → after, as the viewer and the export show it. */
export interface AuditChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** A value as staff read it: empty, yes/no, lists joined; personal values are already masked when stored. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length ? value.map(formatAuditValue).join('、') : '（空）';
  if (typeof value === 'object') {
    // A filter, counts, hours…: its parts by name ("客户编号 12，操作 修改客户"), not JSON.
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(
        ([k, v]) => `${detailKeyLabels[k] ?? k} ${k === 'actions' ? actionNames(v) : formatAuditValue(v)}`,
      );
    return parts.length ? parts.join('，') : '（空）';
  }
  return String(value);
}

const actionNames = (v: unknown) =>
  Array.isArray(v)
    ? v.map((a) => (auditActions as Record<string, string>)[String(a)] ?? String(a)).join('、')
    : formatAuditValue(v);

/** A code's name for staff (male → 男), from the caller's own labels; undefined to show the value as it is. */
export type AuditValueLabel = (entity: string | null, field: string, value: unknown) => string | undefined;

/** The `changes` of an audit row's detail ({ field: [before, after] }), labelled for its entity. */
export function auditChangeLines(
  entity: string | null,
  detail: Record<string, unknown> | null,
  valueLabel?: AuditValueLabel,
): AuditChangeLine[] {
  const show = (field: string, v: unknown) =>
    (v === null || v === undefined ? undefined : valueLabel?.(entity, field, v)) ?? formatAuditValue(v);
  const changes = detail?.changes;
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, unknown>).flatMap(([field, pair]) =>
    Array.isArray(pair) && pair.length === 2
      ? [
          {
            field,
            label: auditFieldLabel(entity, field),
            before: show(field, pair[0]),
            after: show(field, pair[1]),
          },
        ]
      : [],
  );
}

/** Names of the other things a detail may hold (reason, counts, the filter of an export…). */
const detailKeyLabels: Record<string, string> = {
  reason: '原因',
  field: '字段',
  fields: '字段',
  rowCount: '行数',
  masked: '已脱敏',
  filter: '筛选条件',
  filters: '筛选条件',
  fileName: '文件名',
  batchId: '导入批次',
  counts: '数量',
  created: '新建',
  removed: '删除',
  restored: '恢复',
  mergeId: '合并记录',
  survivorId: '保留的客户',
  mergedId: '被合并的客户',
  takenOver: '补充的资料',
  moved: '移动的记录',
  restoredRows: '恢复的记录',
  discardedEdits: '丢弃的修改',
  forced: '强制撤销',
  direction: '方向',
  fromCustomerId: '原车主编号',
  toCustomerId: '新车主编号',
  date: '日期',
  ok: '链完整',
  checked: '已校验行数',
  id: '编号',
  userId: '操作人编号',
  customerId: '客户编号',
  actions: '操作',
  dateFrom: '开始日期',
  dateTo: '结束日期',
  customers: '客户',
  vehicles: '车辆',
  callbackTasks: '回访任务',
  rows: '行',
  create: '新建',
  update: '更新',
  skip: '跳过',
  start: '开始',
  end: '结束',
  sessions: '会话数',
  sessionsEnded: '结束的会话',
  reset: '重置',
  sort: '排序',
  brokenId: '首个异常记录',
  problem: '问题',
  truncated: '超出上限',
};

export function auditDetailFacts(detail: Record<string, unknown> | null): { label: string; value: string }[] {
  if (!detail) return [];
  return Object.entries(detail)
    .filter(([key]) => key !== 'changes')
    .map(([key, value]) => ({ label: detailKeyLabels[key] ?? key, value: formatAuditValue(value) }));
}
