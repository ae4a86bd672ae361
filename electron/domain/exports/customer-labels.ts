import type { baseGrades, genders, leadGrades, sourceChannels, stages } from '../../contract/customers';

/** The same Chinese labels the customer pages show (renderer/src/i18n/zh-cn.ts), for files leaving the app. */
export const genderLabels: Record<(typeof genders)[number], string> = { male: '男', female: '女' };

export const stageLabels: Record<(typeof stages)[number], string> = {
  lead: '潜客',
  intent: '意向客户',
  new_owner: '新车客户',
  owner: '老客户',
  vip: 'VIP',
  lost: '战败客户',
  churned: '流失客户',
  dormant: '休眠客户',
};

export const baseGradeLabels: Record<(typeof baseGrades)[number], string> = {
  premium: '优质',
  potential: '潜力',
  normal: '一般',
};

export const leadGradeLabels: Record<(typeof leadGrades)[number], string> = {
  A: 'A 级',
  B: 'B 级',
  C: 'C 级',
};

export const sourceChannelLabels: Record<(typeof sourceChannels)[number], string> = {
  walk_in: '展厅自然到店',
  phone: '电话',
  website: '官网',
  vertical_platform: '垂直平台',
  social_media: '社交媒体',
  referral: '老客户推荐',
  event: '活动',
  other: '其他',
};
