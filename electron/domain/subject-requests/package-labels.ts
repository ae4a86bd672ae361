import { callbackOutcomeMeta } from '../../contract/callbacks';
import { consentChannelLabels, consentPurposeLabels, consentSourceLabels } from '../../contract/consent';
import {
  identityCheckLabels,
  subjectRequestChannelLabels,
  subjectRequestKindLabels,
  subjectRequestStateLabels,
} from '../../contract/subject-requests';
import { storeDateTimeLabel } from '../clock';
import {
  baseGradeLabels,
  genderLabels,
  leadGradeLabels,
  sourceChannelLabels,
  stageLabels,
} from '../exports/customer-labels';

/**
 * Column headers and value wording of the data package: the person reads it, so headers are Chinese and codes
 * are spelled out. A column nobody has named yet still goes in the file, under its column name — every field
 * is in the package whether or not it has a label.
 */
const headers: Record<string, string> = {
  id: '编号',
  customer_id: '客户编号',
  name: '姓名',
  name_pinyin: '姓名拼音',
  name_initials: '拼音首字母',
  gender: '性别',
  birthday: '生日',
  mobile: '手机',
  mobile2: '备用手机',
  mobile_tail: '手机尾号',
  wechat: '微信',
  address: '地址',
  district: '区县',
  id_number: '证件号码',
  occupation: '职业',
  industry: '行业',
  employer: '工作单位',
  is_company: '集团客户',
  contact_person: '联系人',
  contact_title: '联系人职务',
  source_channel: '来源渠道',
  referrer_id: '推荐人客户编号',
  stage: '客户阶段',
  lead_grade: '线索等级',
  base_grade: '基盘等级',
  purchase_need: '购车需求',
  budget_fen: '预算（元）',
  current_car: '现驾车辆',
  outcome_reason: '成交/战败原因',
  lost_reason_category: '战败原因类别',
  preferences: '偏好',
  do_not_contact: '勿扰',
  do_not_contact_at: '勿扰设置时间',
  owner_user_id: '负责顾问（员工编号）',
  last_visit_at: '最近进站',
  merged_into_id: '已合并到客户编号',
  notes: '备注',
  created_at: '创建时间',
  updated_at: '更新时间',
  version: '版本',
  edited_by: '最后编辑人（员工编号）',
  edited_version: '最后编辑版本',
  tag: '标签',
  purpose: '用途',
  granted: '是否同意',
  recorded_at: '记录时间',
  channel: '渠道',
  at: '时间',
  evidence: '凭证',
  user_id: '员工编号',
  user_name: '员工',
  source: '来源',
  kind: '类型',
  direction: '方向',
  occurred_at: '发生时间',
  summary: '内容',
  ref_type: '关联类型',
  ref_id: '关联编号',
  vin: '车架号',
  vin_reversed: '车架号（倒序检索键）',
  plate: '车牌',
  brand: '品牌',
  series: '车系',
  model: '车型',
  color: '颜色',
  energy: '能源类型',
  delivery_date: '交车日期',
  price_fen: '价格（元）',
  mileage_km: '里程（公里）',
  mileage_at: '里程记录时间',
  insurance_expiry: '保险到期',
  finance: '付款方式',
  owner_id: '车主客户编号',
  sales_user_id: '销售顾问（员工编号）',
  vehicle_id: '车辆编号',
  from_date: '开始日期',
  to_date: '结束日期',
  visit_date: '进站日期',
  type: '类型',
  amount_fen: '产值（元）',
  advisor: '服务顾问',
  service_visit_id: '进站记录编号',
  rule_code: '回访类型',
  anchor_date: '起算日期',
  due_date: '应回访日期',
  expires_on: '截止日期',
  priority: '优先级',
  status: '状态',
  skip_reason: '跳过原因',
  attempts: '拨打次数',
  next_attempt_at: '下次拨打时间',
  assigned_user_id: '分配给（员工编号）',
  claimed_by: '处理中（员工编号）',
  claim_expires_at: '占用到期',
  last_outcome: '最近结果',
  completed_at: '完成时间',
  completed_by: '完成人（员工编号）',
  task_ids: '回访任务编号',
  started_at: '开始时间',
  ended_at: '结束时间',
  outcome: '结果',
  appointment_at: '预约到店时间',
  call_back_at: '约定回电时间',
  effects: '结果带来的变更',
  undone_at: '撤销时间',
  undone_by: '撤销人（员工编号）',
  undo_reason: '撤销原因',
  task_id: '回访任务编号',
  attempt_id: '回访通话编号',
  overall: '总体评价',
  nps: '推荐意愿（NPS）',
  advisor_score: '顾问评分',
  quality_score: '质量评分',
  timeliness_score: '及时性评分',
  price_score: '价格评分',
  facility_score: '环境设施评分',
  surveyed_at: '调查时间',
  survivor_id: '保留的客户编号',
  merged_id: '被合并的客户编号',
  reason: '原因',
  snapshot: '合并快照',
  merged_at: '合并时间',
  merged_by: '合并人（员工编号）',
  identity_check: '身份核验方式',
  identity_note: '核验说明',
  received_on: '收到日期',
  deadline: '答复期限',
  state: '状态',
  refusal_reason: '拒绝理由',
  handler_user_id: '经办人（员工编号）',
  created_by: '登记人（员工编号）',
  closed_at: '办结时间',
  request_id: '请求编号',
  action: '操作',
  from_state: '原状态',
  to_state: '新状态',
  note: '说明',
};

export function columnHeader(column: string): string {
  return headers[column] ?? column;
}

const visitTypeLabels: Record<string, string> = {
  first_maintenance: '首保',
  maintenance: '定期保养',
  repair: '维修',
  body_insurance: '钣喷/保险理赔',
  detailing: '美容',
  recall: '召回',
};
const interactionKindLabels: Record<string, string> = {
  call: '电话',
  visit: '到店',
  note: '备注',
  sms: '短信',
  wechat: '微信',
  callback: '回访',
  complaint: '投诉',
  event: '活动',
};
const taskStatusLabels: Record<string, string> = {
  open: '待回访',
  done: '已完成',
  expired: '已过期',
  skipped: '已跳过',
  cancelled: '已取消',
};
const outcomeLabels = Object.fromEntries(Object.entries(callbackOutcomeMeta).map(([k, v]) => [k, v.label]));

/** Codes spelled out, per table.column (or any table's column). */
const valueLabels: Record<string, Record<string, string>> = {
  'customers.gender': genderLabels,
  'customers.stage': stageLabels,
  'customers.source_channel': sourceChannelLabels,
  'customers.lead_grade': leadGradeLabels,
  'customers.base_grade': baseGradeLabels,
  purpose: consentPurposeLabels,
  'consents.channel': consentChannelLabels,
  'consent_history.channel': consentChannelLabels,
  'consent_history.source': consentSourceLabels,
  'interactions.kind': interactionKindLabels,
  'interactions.direction': { inbound: '来电/来访', outbound: '去电/外呼' },
  'service_visits.type': visitTypeLabels,
  'vehicles.energy': { fuel: '燃油', hybrid: '混动', electric: '纯电' },
  'vehicles.finance': { cash: '全款', loan: '贷款', lease: '融资租赁' },
  'callback_tasks.status': taskStatusLabels,
  last_outcome: outcomeLabels,
  outcome: outcomeLabels,
  'csi_surveys.kind': { service: '售后', sales: '销售' },
  overall: { satisfied: '满意', neutral: '一般', dissatisfied: '不满意' },
  'subject_requests.kind': subjectRequestKindLabels,
  'subject_requests.channel': subjectRequestChannelLabels,
  'subject_requests.state': subjectRequestStateLabels,
  identity_check: identityCheckLabels,
  from_state: subjectRequestStateLabels,
  to_state: subjectRequestStateLabels,
};

const yesNoColumns = new Set(['is_company', 'do_not_contact', 'granted']);
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
/** Excel refuses a cell longer than this. */
const cellMax = 32_767;

/** One stored value as the person reads it; `extra` spells out codes only the database knows (rule names). */
export function cellValue(
  table: string,
  column: string,
  value: unknown,
  extra: Record<string, Record<string, string>> = {},
): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (yesNoColumns.has(column)) return value ? '是' : '否';
    return column.endsWith('_fen') ? Number(value) / 100 : Number(value);
  }
  if (typeof value !== 'string') return String(value as never);
  const labels =
    extra[`${table}.${column}`] ?? valueLabels[`${table}.${column}`] ?? valueLabels[column] ?? undefined;
  if (labels?.[value]) return labels[value];
  if (isoInstant.test(value)) return storeDateTimeLabel(new Date(value));
  return value.length > cellMax ? `${value.slice(0, cellMax - 20)}…（已截断）` : value;
}
