/**
 * 投诉工单 (complaint tickets, GB/T 19012 / ISO 10002): every list of codes the domain knows and the Chinese name
 * staff read for each, in one home. The schema, main's rules and messages, the settings and the renderer import
 * these; nothing else spells them out again.
 */

/** How the complaint reached the store. */
export const complaintChannels = [
  'walk_in',
  'phone',
  'wechat',
  'callback',
  'csi_followup',
  'manufacturer',
  'regulator',
  'online',
  'other',
] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];
export const complaintChannelLabels: Record<ComplaintChannel, string> = {
  walk_in: '到店反映',
  phone: '来电',
  wechat: '微信',
  callback: '回访中提出',
  csi_followup: '满意度不满意跟进',
  manufacturer: '厂家转派',
  regulator: '12315 / 监管部门',
  online: '网络 / 媒体',
  other: '其他',
};

export const complaintCategories = [
  'product_quality',
  'sales_process',
  'service_quality',
  'price_charges',
  'staff_attitude',
  'waiting_time',
  'parts_supply',
  'insurance_claim',
  'other',
] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];
export const complaintCategoryLabels: Record<ComplaintCategory, string> = {
  product_quality: '产品质量',
  sales_process: '销售过程',
  service_quality: '维修保养质量',
  price_charges: '价格 / 收费',
  staff_attitude: '服务态度',
  waiting_time: '等待时间',
  parts_supply: '配件供应',
  insurance_claim: '保险理赔',
  other: '其他',
};

/** Severity: A serious, B general with a concrete loss, C minor. */
export const complaintGrades = ['A', 'B', 'C'] as const;
export type ComplaintGrade = (typeof complaintGrades)[number];
export const complaintGradeLabels: Record<ComplaintGrade, string> = {
  A: 'A 级（重大）',
  B: 'B 级（一般）',
  C: 'C 级（轻微）',
};
/** Higher first: a suggestion takes the most severe grade any matching rule gives. */
export const gradeSeverity: Record<ComplaintGrade, number> = { A: 3, B: 2, C: 1 };

/**
 * The facts a grade is suggested from. Staff tick the first five on the form; `regulator` also follows from the
 * 12315 channel, `three_guarantee` from the vehicle's 三包 watch (at a legal line: the customer may claim a
 * replacement or refund), `repeat` from repeat detection and `vip` from the card (stage VIP).
 */
export const gradeFacts = [
  'safety_fault',
  'media_exposure',
  'regulator',
  'refund_or_replacement',
  'three_guarantee',
  'repeat',
  'vip',
  'concrete_loss',
] as const;
export type GradeFact = (typeof gradeFacts)[number];
export const gradeFactLabels: Record<GradeFact, string> = {
  safety_fault: '涉及安全的故障',
  media_exposure: '媒体 / 网络曝光或扬言曝光',
  regulator: '12315 / 监管部门介入',
  refund_or_replacement: '要求退车或换车',
  three_guarantee: '车辆已达三包法定线',
  repeat: '重复投诉',
  vip: 'VIP 客户',
  concrete_loss: '有实际损失的不满',
};
/** Facts staff state on the form (the others the system finds). */
export const statedGradeFacts = [
  'safety_fault',
  'media_exposure',
  'regulator',
  'refund_or_replacement',
  'concrete_loss',
] as const satisfies readonly GradeFact[];
export type StatedGradeFact = (typeof statedGradeFacts)[number];

/**
 * received 已受理 (waiting for the first response) → handling 处理中 → proposed 方案待客户确认 → agreed 方案已确认 →
 * closed 已结案; paused 暂停 from handling/proposed/agreed back to where it was; closed → handling on reopening.
 */
export const complaintStates = ['received', 'handling', 'paused', 'proposed', 'agreed', 'closed'] as const;
export type ComplaintState = (typeof complaintStates)[number];
export const complaintStateLabels: Record<ComplaintState, string> = {
  received: '已受理',
  handling: '处理中',
  paused: '暂停计时',
  proposed: '方案待确认',
  agreed: '方案已确认',
  closed: '已结案',
};
export const openComplaintStates = [
  'received',
  'handling',
  'paused',
  'proposed',
  'agreed',
] as const satisfies readonly ComplaintState[];
/** States a pause may start from (it returns there on resuming). */
export const pausableStates = ['handling', 'proposed', 'agreed'] as const satisfies readonly ComplaintState[];
/** States a ticket may be closed from: a solution agreed, or handled without a formal proposal. */
export const closableStates = ['handling', 'agreed'] as const satisfies readonly ComplaintState[];

export const pauseReasons = ['waiting_customer', 'manufacturer_parts', 'manufacturer_decision'] as const;
export type PauseReason = (typeof pauseReasons)[number];
export const pauseReasonLabels: Record<PauseReason, string> = {
  waiting_customer: '等待客户（资料、到店、答复）',
  manufacturer_parts: '等待厂家配件',
  manufacturer_decision: '等待厂家处理意见',
};

export const rootCauses = [
  'product_design',
  'manufacturing',
  'repair_workmanship',
  'diagnosis',
  'parts_shortage',
  'process',
  'communication',
  'staff_behaviour',
  'pricing_policy',
  'customer_expectation',
  'third_party',
  'other',
] as const;
export type RootCause = (typeof rootCauses)[number];
export const rootCauseLabels: Record<RootCause, string> = {
  product_design: '产品设计缺陷',
  manufacturing: '生产制造质量',
  repair_workmanship: '维修作业质量',
  diagnosis: '故障诊断失误',
  parts_shortage: '配件短缺 / 延误',
  process: '流程 / 制度问题',
  communication: '沟通解释不到位',
  staff_behaviour: '员工言行',
  pricing_policy: '价格 / 收费政策',
  customer_expectation: '客户期望与实际不符',
  third_party: '第三方（保险、厂家、物流）',
  other: '其他',
};

/** The three deadlines every ticket has, plus the manufacturer's own date on a forwarded case. */
export const complaintTimers = ['first_response', 'solution', 'close'] as const;
export type ComplaintTimer = (typeof complaintTimers)[number];
export const complaintTimerLabels: Record<ComplaintTimer | 'manufacturer', string> = {
  first_response: '首次响应',
  solution: '方案确认',
  close: '结案',
  manufacturer: '厂家时限',
};
/** Pauses stop these, never the first response. */
export const pausableTimers = ['solution', 'close'] as const satisfies readonly ComplaintTimer[];

/**
 * How a target counts: hours around the clock, minutes inside working hours on working days, or until closing
 * time of the Nth working day after the day received (electron/common/working-time.ts).
 */
export const slaUnits = ['clock_hours', 'working_hours', 'working_days'] as const;
export type SlaUnit = (typeof slaUnits)[number];
export const slaUnitLabels: Record<SlaUnit, string> = {
  clock_hours: '小时（全天候）',
  working_hours: '工作小时',
  working_days: '个工作日',
};

/** A running timer this far through its time warns (notification, amber chip). */
export const slaWarningShare = 0.75;

/** What a timer's chip shows. */
export const timerStates = ['running', 'warning', 'paused', 'met', 'breached'] as const;
export type TimerState = (typeof timerStates)[number];
export const timerStateLabels: Record<TimerState, string> = {
  running: '按时',
  warning: '即将超时',
  paused: '已暂停',
  met: '已达成',
  breached: '已超时',
};

/** What can be put on a ticket's timeline by hand. */
export const complaintContactKinds = ['note', 'call', 'message', 'visit', 'customer_reply'] as const;
export type ComplaintContactKind = (typeof complaintContactKinds)[number];

/** Every kind of timeline entry (the hand-written ones above and what the system writes). */
export const complaintEventKinds = [
  ...complaintContactKinds,
  'created',
  'first_response',
  'state',
  'grade',
  'routed',
  'paused',
  'resumed',
  'solution_proposed',
  'solution_approval',
  'customer_answer',
  'closed',
  'reopened',
  'closure_call',
  'attachment',
  'review',
  'updated',
  'sla_warning',
  'sla_breach',
] as const;
export type ComplaintEventKind = (typeof complaintEventKinds)[number];
export const complaintEventKindLabels: Record<ComplaintEventKind, string> = {
  note: '备注',
  call: '电话沟通',
  message: '短信 / 微信',
  visit: '到店沟通',
  customer_reply: '客户回复',
  created: '受理',
  first_response: '首次响应',
  state: '状态变更',
  grade: '调整等级',
  routed: '分派',
  paused: '暂停计时',
  resumed: '恢复计时',
  solution_proposed: '提出方案',
  solution_approval: '补偿审批',
  customer_answer: '客户答复',
  closed: '结案',
  reopened: '重新打开',
  closure_call: '结案回访',
  attachment: '上传证据',
  review: '复盘',
  updated: '修改工单',
  sla_warning: '时限预警',
  sla_breach: '超时',
};

export const solutionStates = ['awaiting_approval', 'proposed', 'agreed', 'refused', 'rejected'] as const;
export type SolutionState = (typeof solutionStates)[number];
export const solutionStateLabels: Record<SolutionState, string> = {
  awaiting_approval: '补偿待经理审批',
  proposed: '待客户确认',
  agreed: '客户已同意',
  refused: '客户不同意',
  rejected: '经理未批准',
};

/** 结案回访: how satisfied the customer is with the resolution. Dissatisfied reopens the ticket. */
export const closureAnswers = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type ClosureAnswer = (typeof closureAnswers)[number];
export const closureAnswerLabels: Record<ClosureAnswer, string> = {
  satisfied: '满意',
  neutral: '基本满意',
  dissatisfied: '不满意',
};

/** Evidence files: photos, PDFs, recordings. Checked by their first bytes, not their names. */
export const attachmentKinds = ['image', 'pdf', 'audio'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];
export const attachmentMimeTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'audio/mpeg',
  'audio/mp4',
  'audio/wav',
  'audio/amr',
  'audio/ogg',
] as const;
export type AttachmentMimeType = (typeof attachmentMimeTypes)[number];
export const maxAttachmentBytes = 10 * 1024 * 1024;
/** A thumbnail the renderer made with a canvas at upload (JPEG/PNG/WebP), kept beside the original. */
export const maxThumbnailBytes = 200 * 1024;
export const attachmentTypesLabel = '照片（JPG、PNG、WebP、GIF）、PDF 或录音（MP3、M4A、WAV、AMR、OGG）';
