/**
 * The one home of 客户活动 terms and their Chinese names: the database schema, the contract, the services and
 * the event pages all read these.
 */

export const eventTypes = [
  'self_drive',
  'owners_meeting',
  'model_launch',
  'maintenance_clinic',
  'driving_course',
  'holiday_care',
  'other',
] as const;
export type EventType = (typeof eventTypes)[number];
export const eventTypeLabels: Record<EventType, string> = {
  self_drive: '自驾游',
  owners_meeting: '车主联谊会',
  model_launch: '新车上市发布',
  maintenance_clinic: '免费检测 / 保养讲堂',
  driving_course: '驾驶培训',
  holiday_care: '节日关怀日',
  other: '其他活动',
};

/**
 * draft → approved → inviting → running → done → summarised; cancelled (with a reason) from any state before
 * done. Approval fixes the budget plan: actual amounts are entered after it, each logged with who and when.
 */
export const eventStatuses = [
  'draft',
  'approved',
  'inviting',
  'running',
  'done',
  'summarised',
  'cancelled',
] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const eventStatusLabels: Record<EventStatus, string> = {
  draft: '草稿',
  approved: '已批准',
  inviting: '邀约中',
  running: '进行中',
  done: '已结束',
  summarised: '已总结',
  cancelled: '已取消',
};

/** The moves staff make by hand; the target of each and the states it may start from. */
export const eventTransitions = {
  approve: { to: 'approved', from: ['draft'] },
  startInviting: { to: 'inviting', from: ['approved'] },
  start: { to: 'running', from: ['approved', 'inviting'] },
  finish: { to: 'done', from: ['running'] },
  cancel: { to: 'cancelled', from: ['draft', 'approved', 'inviting', 'running'] },
} as const satisfies Record<string, { to: EventStatus; from: readonly EventStatus[] }>;
export type EventTransition = keyof typeof eventTransitions;
export const eventTransitionNames = Object.keys(eventTransitions) as EventTransition[];
export const eventTransitionLabels: Record<EventTransition, string> = {
  approve: '批准方案',
  startInviting: '开始邀约',
  start: '活动开始',
  finish: '活动结束',
  cancel: '取消活动',
};

export const checklistKinds = [
  'materials',
  'gifts',
  'venue',
  'meals',
  'insurance',
  'filing',
  'other',
] as const;
export type ChecklistKind = (typeof checklistKinds)[number];
export const checklistKindLabels: Record<ChecklistKind, string> = {
  materials: '物料（车贴、对讲机等）',
  gifts: '礼品与奖品',
  venue: '场地预订',
  meals: '餐饮预订',
  insurance: '活动保险',
  filing: '厂家报备',
  other: '其他',
};

/** 厂家报备 and the subsidy applied for. */
export const filingStatuses = ['not_needed', 'not_filed', 'filed', 'approved', 'rejected'] as const;
export type FilingStatus = (typeof filingStatuses)[number];
export const filingStatusLabels: Record<FilingStatus, string> = {
  not_needed: '无需报备',
  not_filed: '未报备',
  filed: '已报备待批',
  approved: '厂家已批准',
  rejected: '厂家未批准',
};

export const budgetCategories = [
  'venue',
  'meals',
  'accommodation',
  'transport',
  'gifts',
  'materials',
  'publicity',
  'insurance',
  'staff',
  'other',
] as const;
export type BudgetCategory = (typeof budgetCategories)[number];
export const budgetCategoryLabels: Record<BudgetCategory, string> = {
  venue: '场地',
  meals: '餐饮',
  accommodation: '住宿',
  transport: '交通与油费',
  gifts: '礼品与奖品',
  materials: '物料与印刷',
  publicity: '宣传推广',
  insurance: '保险',
  staff: '人员',
  other: '其他',
};

/** The yearly CRM budget's lines (seed 000) and the share of the year each gets by default. */
export const crmBudgetLines = ['systems', 'staff', 'events_marketing', 'other'] as const;
export type CrmBudgetLine = (typeof crmBudgetLines)[number];
export const crmBudgetLineLabels: Record<CrmBudgetLine, string> = {
  systems: '系统与工具',
  staff: '人员',
  events_marketing: '活动与营销',
  other: '其他',
};
/** Percent of the year's total: seed 000's split. */
export const crmBudgetDefaultShares: Record<CrmBudgetLine, number> = {
  systems: 20,
  staff: 35,
  events_marketing: 30,
  other: 15,
};

/**
 * Where an invitee stands. A target-list row starts `pending` (not called yet); the invitation call moves it
 * to accepted / declined / undecided / unreachable (or waitlisted when the event is full); the second
 * confirmation to confirmed or cancelled; the day to checked_in, and after the event an accepted or confirmed
 * invitee who never came is a no_show.
 */
export const inviteeStatuses = [
  'pending',
  'undecided',
  'unreachable',
  'declined',
  'accepted',
  'waitlisted',
  'confirmed',
  'cancelled',
  'checked_in',
  'no_show',
] as const;
export type InviteeStatus = (typeof inviteeStatuses)[number];
export const inviteeStatusLabels: Record<InviteeStatus, string> = {
  pending: '待邀约',
  undecided: '待定',
  unreachable: '联系不上',
  declined: '谢绝',
  accepted: '已报名',
  waitlisted: '候补',
  confirmed: '已二次确认',
  cancelled: '已取消报名',
  checked_in: '已签到',
  no_show: '未到场',
};
/** Statuses that hold seats (cars, people) against the event's capacity. */
export const seatHoldingStatuses = [
  'accepted',
  'confirmed',
  'checked_in',
] as const satisfies readonly InviteeStatus[];

/** How a person came onto the event's list. */
export const inviteeOrigins = ['target', 'added', 'walk_in', 'new_lead'] as const;
export type InviteeOrigin = (typeof inviteeOrigins)[number];
export const inviteeOriginLabels: Record<InviteeOrigin, string> = {
  target: '目标名单',
  added: '手工添加',
  walk_in: '现场加入',
  new_lead: '非客户报名（新线索）',
};

/** What the customer answered on an invitation call (the call's outcome is `reached`, or call_back_at). */
export const invitationAnswers = ['accepted', 'declined', 'undecided'] as const;
export type InvitationAnswer = (typeof invitationAnswers)[number];
export const invitationAnswerLabels: Record<InvitationAnswer, string> = {
  accepted: '接受邀请（报名）',
  declined: '谢绝',
  undecided: '待定，约定再联系',
};

/** What the customer answered on the second confirmation call. */
export const confirmationAnswers = ['confirmed', 'cancelled'] as const;
export type ConfirmationAnswer = (typeof confirmationAnswers)[number];
export const confirmationAnswerLabels: Record<ConfirmationAnswer, string> = {
  confirmed: '确认参加',
  cancelled: '取消参加',
};

/** Why a customer of the segment is left off the target list; the preview counts each. */
export const segmentExclusions = [
  'do_not_contact',
  'no_events_consent',
  'recently_invited',
  'merged_or_erased',
  'no_mobile',
  'already_listed',
] as const;
export type SegmentExclusion = (typeof segmentExclusions)[number];
export const segmentExclusionLabels: Record<SegmentExclusion, string> = {
  do_not_contact: '客户要求勿扰',
  no_events_consent: '未同意「活动邀约」用途的联系',
  recently_invited: '近期已被邀约参加其他活动',
  merged_or_erased: '已合并或已匿名化',
  no_mobile: '没有可拨打的手机号',
  already_listed: '已在本活动名单中',
};

/** The funnel's steps, in order. */
export const funnelSteps = ['invited', 'reached', 'accepted', 'confirmed', 'checked_in'] as const;
export type FunnelStep = (typeof funnelSteps)[number];
export const funnelStepLabels: Record<FunnelStep, string> = {
  invited: '邀约',
  reached: '接通',
  accepted: '报名',
  confirmed: '二次确认',
  checked_in: '签到',
};
