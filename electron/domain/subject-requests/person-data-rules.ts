/**
 * What a person's data is, table by table, for the two rights that need all of it: the copy (data package)
 * and the erasure (anonymisation). One entry per column that references a customer (customer-references.ts
 * finds them in the schema); test/api/subject-requests.test.ts fails when a reference has no entry here, so a
 * table added later is a decision, not an omission.
 */

/** What happens to the person's rows in a table when they are anonymised. */
export type ErasureRule =
  /** The person's cards themselves: identity fields erased (customerColumnRules). */
  | { action: 'anonymise'; detail: string }
  | { action: 'delete'; detail: string }
  /** Kept, unlinked from the identity because the card they point at no longer has one. */
  | {
      action: 'keep';
      reason: string;
      /** Free-text columns emptied outright. */
      clear?: readonly string[];
      /** Free-text columns kept, with the person's name, phones, ID number… replaced. */
      scrub?: readonly string[];
    }
  /** Maintained by triggers from the card (search keys); rebuilt from the anonymised name on its own. */
  | { action: 'derived'; detail: string };

export interface ReferenceRule {
  /** Staff-facing name of the data; also the package's sheet name (rules of one table share it). */
  label: string;
  /** In the data package, or left out and why. */
  package: { include: true } | { include: false; reason: string };
  erasure: ErasureRule;
}

/** The person's own card rows (by id), beside the references other tables hold. */
export const ownCardsKey = 'customers.id';

const keepVisits =
  '进站、维修和产值是门店必须保存的经营记录，三包期内的维修历史按车架号追溯；备注中的姓名、电话、证件号已替换';

export const referenceRules: Record<string, ReferenceRule> = {
  [ownCardsKey]: {
    label: '客户资料',
    package: { include: true },
    erasure: {
      action: 'anonymise',
      detail: '姓名改为「已删除客户#编号」，联系方式、证件号、生日、地址、工作单位、备注、偏好和检索拼音清除',
    },
  },
  'customers.merged_into_id': {
    label: '客户资料',
    package: { include: true },
    erasure: { action: 'anonymise', detail: '合并进本卡的旧客户卡是同一个人，一并匿名化' },
  },
  'customers.referrer_id': {
    label: '本人推荐的客户',
    package: { include: false, reason: '被推荐人的客户资料是他人的个人信息' },
    erasure: {
      action: 'keep',
      reason: '这些是其他客户本人的资料；「推荐人」只指向已匿名的客户卡，不再能识别本人',
    },
  },
  'customer_tags.customer_id': {
    label: '标签',
    package: { include: true },
    erasure: { action: 'delete', detail: '对本人的标签画像' },
  },
  'consents.customer_id': {
    label: '授权同意',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '各用途的授权状态（不含身份信息），证明此前的联系有授权依据；卡片同时设为勿扰',
    },
  },
  'consent_history.customer_id': {
    label: '授权历史',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '授权台账只能追加：此前的同意和撤回作为合规证明保留，不含姓名、电话和证件号',
    },
  },
  'interactions.customer_id': {
    label: '联系记录',
    package: { include: true },
    erasure: { action: 'delete', detail: '通话、到店、短信微信和备注的内容' },
  },
  'complaint_tickets.customer_id': {
    label: '投诉工单',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason:
        '投诉的类别、等级、时限和补偿金额是门店的经营和质量记录（三包争议可能需要）；描述、诉求和处理说明中的姓名、电话、证件号已替换。证据附件文件随工单保留，含本人声音或影像的录音照片请人工评估',
      scrub: ['description', 'demand', 'grade_reason', 'resolution_summary', 'manufacturer_case_no'],
    },
  },
  'vehicles.owner_id': {
    label: '车辆',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '三包、召回和质量追溯按车架号保存车辆（车架号、车牌、车型、交车日期、价格）',
    },
  },
  'vehicle_ownerships.customer_id': {
    label: '车辆归属记录',
    package: { include: true },
    erasure: { action: 'keep', reason: '车辆的过户历史，随车辆保留' },
  },
  'service_visits.customer_id': {
    label: '进站记录',
    package: { include: true },
    erasure: { action: 'keep', reason: keepVisits, scrub: ['notes', 'fault_text'] },
  },
  'callback_tasks.customer_id': {
    label: '回访任务',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '回访工作量统计保留，任务备注清除；未完成的回访关闭（原因：客户个人信息已按本人请求删除）',
      clear: ['notes'],
    },
  },
  'callback_attempts.customer_id': {
    label: '回访通话',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '通话次数和结果用于回访工作量统计，通话备注清除',
      clear: ['notes', 'undo_reason'],
    },
  },
  'csi_surveys.customer_id': {
    label: '满意度调查',
    package: { include: true },
    erasure: { action: 'keep', reason: '评分用于满意度（CSI）统计，评价原话清除', clear: ['notes'] },
  },
  'event_invitees.customer_id': {
    label: '活动报名',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '报名、确认和签到的人数、车辆用于活动效果和费用核算（不含身份信息）；谢绝原因和备注清除',
      clear: ['decline_reason', 'notes'],
    },
  },
  'event_invitees.referred_by_id': {
    label: '本人带来的活动报名',
    package: { include: false, reason: '被带来参加活动的人的报名是他人的个人信息' },
    erasure: {
      action: 'keep',
      reason: '这些是其他客户本人的报名；「带来人」只指向已匿名的客户卡，不再能识别本人',
    },
  },
  'loyalty_members.customer_id': {
    label: '会员',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '会员等级随匿名卡保留用于会员结构统计；推荐码作废，不能再用来找到本人',
      clear: ['referral_code'],
    },
  },
  'loyalty_postings.customer_id': {
    label: '积分流水',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '积分流水只追加，是门店对会员积分负债的账目；调整说明中的姓名、电话、证件号已替换',
      scrub: ['reason'],
    },
  },
  'loyalty_tier_changes.customer_id': {
    label: '会员等级变动',
    package: { include: true },
    erasure: { action: 'keep', reason: '等级变动的原因（积分或消费达标、年度复核），不含身份信息' },
  },
  'loyalty_redemptions.customer_id': {
    label: '积分兑换',
    package: { include: true },
    erasure: { action: 'keep', reason: '兑换券编号和所用积分是礼品和代金券的出入库账目' },
  },
  'loyalty_adjustments.customer_id': {
    label: '积分调整申请',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '积分调整的审批记录；申请和审批说明中的姓名、电话、证件号已替换',
      scrub: ['reason', 'decision_note'],
    },
  },
  'customer_merges.survivor_id': {
    label: '合并记录',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '合并记录保留；合并快照（含旧卡的完整资料）清除，这次合并从此不能撤销',
      scrub: ['reason'],
    },
  },
  'customer_merges.merged_id': {
    label: '合并记录',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '合并记录保留；合并快照（含旧卡的完整资料）清除，这次合并从此不能撤销',
      scrub: ['reason'],
    },
  },
  'subject_requests.customer_id': {
    label: '权利请求',
    package: { include: true },
    erasure: {
      action: 'keep',
      reason: '本人请求的办理记录，证明门店已依法答复；说明中的姓名、电话、证件号已替换',
      scrub: ['identity_note', 'notes', 'refusal_reason'],
    },
  },
  'customer_erasures.customer_id': {
    label: '删除记录',
    package: { include: false, reason: '个人信息删除之后才有的记录' },
    erasure: { action: 'keep', reason: '记录哪些客户卡已按请求匿名化，防止再次合并或编辑' },
  },
  'audit_log.customer_id': {
    label: '审计日志',
    package: {
      include: false,
      reason: '员工操作的安全审计记录，不是本人资料；其中的个人信息只以脱敏形式出现',
    },
    erasure: {
      action: 'keep',
      reason: '审计日志只能追加，只含脱敏值（如 138****1234），不含完整姓名、电话和证件号',
    },
  },
  'customer_name_grams.customer_id': {
    label: '姓名检索索引',
    package: { include: false, reason: '由姓名派生的检索键，内容与「客户资料」中的姓名相同' },
    erasure: { action: 'derived', detail: '按匿名后的名称自动重建' },
  },
  // Report facts (db/schema/visit-facts.ts): visits summed per month by triggers; they follow the visits.
  'customer_visit_months.customer_id': {
    label: '报表进站汇总',
    package: { include: false, reason: '由进站记录按月汇总的报表数据，内容已在「进站记录」中' },
    erasure: { action: 'derived', detail: '随进站记录自动更新' },
  },
  'visit_structure_months.customer_id': {
    label: '报表进站汇总',
    package: { include: false, reason: '由进站记录按月汇总的报表数据，内容已在「进站记录」中' },
    erasure: { action: 'derived', detail: '随进站记录自动更新' },
  },
  // The change log of visit_structure_months (fact-changes.ts): counts and months, pruned as the pack catches up.
  'report_fact_changes.customer_id': {
    label: '报表汇总变更记录',
    package: { include: false, reason: '报表进站汇总的增减记录（次数、金额），内容已在「进站记录」中' },
    erasure: { action: 'derived', detail: '随进站记录自动追加，报表更新后清理' },
  },
};

/** Rows reached through a table of the person's rather than by customer id. */
export interface ChildRule {
  table: string;
  column: string;
  /** The reference whose rows' ids `column` holds. */
  parentKey: string;
  /** Extra condition on the child rows (a notification points at several kinds of record). */
  filter?: string;
  label: string;
  /** False: not the person's data (a staff member's notification about their ticket). */
  inPackage?: boolean;
  erasure: Extract<ErasureRule, { action: 'keep' }>;
}

const complaintChild = (table: string, label: string, scrub: string[]): ChildRule => ({
  table,
  column: 'ticket_id',
  parentKey: 'complaint_tickets.customer_id',
  label,
  erasure: { action: 'keep', reason: '随投诉工单保留', scrub },
});

export const childRules: ChildRule[] = [
  {
    table: 'subject_request_events',
    column: 'request_id',
    parentKey: 'subject_requests.customer_id',
    label: '请求处理记录',
    erasure: { action: 'keep', reason: '请求的办理经过', scrub: ['note'] },
  },
  complaintChild('complaint_events', '投诉处理记录', ['note', 'data']),
  complaintChild('complaint_pauses', '投诉暂停记录', ['note']),
  complaintChild('complaint_solutions', '投诉解决方案', ['proposal', 'gift', 'approval_note', 'answer_note']),
  complaintChild('complaint_reviews', '投诉复盘', ['corrective_action']),
  complaintChild('complaint_attachments', '投诉附件', ['file_name', 'note']),
  {
    table: 'notifications',
    column: 'ref_id',
    parentKey: 'complaint_tickets.customer_id',
    filter: "ref_type = 'complaint_ticket'",
    label: '员工通知',
    inPackage: false,
    erasure: {
      action: 'keep',
      reason: '员工收到的工单提醒，标题和内容中的身份信息已替换',
      scrub: ['title', 'body'],
    },
  },
];

/**
 * Each column of a customer card: erased (with the value it takes) or kept and why. The test fails when the
 * customers table has a column not listed, so a personal field added later cannot survive an erasure.
 */
export type CardColumnRule = { erase: 'null' | 'empty' | 'name' | 'true' | 'now' } | { keep: string };

const statistics = '经营统计口径（阶段、等级、来源、区县、行业），不能单独识别到个人';
const bookkeeping = '记录本身的编号、时间和版本';

export const customerColumnRules: Record<string, CardColumnRule> = {
  id: { keep: bookkeeping },
  name: { erase: 'name' },
  name_pinyin: { erase: 'empty' },
  name_initials: { erase: 'empty' },
  gender: { erase: 'null' },
  birthday: { erase: 'null' },
  mobile: { erase: 'null' },
  mobile2: { erase: 'null' },
  mobile_tail: { erase: 'null' },
  wechat: { erase: 'null' },
  address: { erase: 'null' },
  district: { keep: statistics },
  id_number: { erase: 'null' },
  occupation: { erase: 'null' },
  industry: { keep: statistics },
  employer: { erase: 'null' },
  is_company: { keep: statistics },
  contact_person: { erase: 'null' },
  contact_title: { erase: 'null' },
  source_channel: { keep: statistics },
  referrer_id: { keep: '推荐关系计入推荐人的忠诚度和推荐率' },
  stage: { keep: statistics },
  lead_grade: { keep: statistics },
  base_grade: { keep: statistics },
  purchase_need: { erase: 'null' },
  budget_fen: { erase: 'null' },
  current_car: { erase: 'null' },
  outcome_reason: { erase: 'null' },
  lost_reason_category: { keep: statistics },
  preferences: { erase: 'null' },
  // No call, message or care contact is ever made to an erased card again.
  do_not_contact: { erase: 'true' },
  do_not_contact_at: { erase: 'now' },
  owner_user_id: { keep: '负责的顾问，用于业绩统计' },
  last_visit_at: { keep: '最近进站日期，随进站记录保留' },
  loyalty_score: { keep: '由进站、满意度、活动和推荐计算的忠诚度分数，不能单独识别到个人' },
  merged_into_id: { keep: '合并关系' },
  notes: { erase: 'null' },
  created_at: { keep: bookkeeping },
  updated_at: { keep: bookkeeping },
  version: { keep: bookkeeping },
  edited_by: { keep: bookkeeping },
  edited_version: { keep: bookkeeping },
};

/** A table's name for staff: the rules' label for it, else the merge's, else the table name. */
export function tableLabelOf(table: string, fallback: (t: string) => string): string {
  const byRule = Object.entries(referenceRules).find(([key]) => key.split('.')[0] === table)?.[1].label;
  const byChild = childRules.find((c) => c.table === table)?.label;
  return byRule ?? byChild ?? fallback(table);
}

/** The anonymised card's name: no identity, but staff can still tell erased cards apart and find their data. */
export const erasedName = (customerId: number) => `已删除客户#${customerId}`;
