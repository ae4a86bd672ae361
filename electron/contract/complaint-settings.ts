import { z } from 'zod';
import type { ComplaintCategory, ComplaintGrade, ComplaintTimer, GradeFact } from './complaint-terms';
import {
  complaintCategories,
  complaintGrades,
  complaintTimers,
  gradeFacts,
  slaUnits,
} from './complaint-terms';
import { editBase, isoDate, version } from './fields';

/**
 * 投诉设置: the store's working calendar for deadlines, the targets per grade, the grade suggestion rules, the
 * repeat window, routing by category and the compensation a manager must approve. Kept as one JSON value in
 * store_settings (key `complaints`); a part missing there reads as its default, so a new database needs no seed.
 */

const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，例如 08:30');

/** Working hours within one day (no overnight shift: deadlines count office hours). */
export const workingHoursSchema = z
  .object({ start: hm, end: hm })
  .refine((h) => h.start < h.end, { message: '下班时间应晚于上班时间', path: ['end'] });
export type WorkingHours = z.output<typeof workingHoursSchema>;

export const slaTargetSchema = z.object({
  amount: z.number('请填写数量').int('请填写整数').min(1, '至少为 1').max(999, '不能超过 999'),
  unit: z.enum(slaUnits),
});
export type SlaTarget = z.output<typeof slaTargetSchema>;

const gradeTargets = z.object(
  Object.fromEntries(complaintTimers.map((t) => [t, slaTargetSchema])) as Record<
    ComplaintTimer,
    typeof slaTargetSchema
  >,
);
export type GradeTargets = z.output<typeof gradeTargets>;

export const defaultSlaTargets: Record<ComplaintGrade, GradeTargets> = {
  A: {
    first_response: { amount: 2, unit: 'clock_hours' },
    solution: { amount: 24, unit: 'clock_hours' },
    close: { amount: 3, unit: 'working_days' },
  },
  B: {
    first_response: { amount: 4, unit: 'working_hours' },
    solution: { amount: 2, unit: 'working_days' },
    close: { amount: 5, unit: 'working_days' },
  },
  C: {
    first_response: { amount: 1, unit: 'working_days' },
    solution: { amount: 3, unit: 'working_days' },
    close: { amount: 7, unit: 'working_days' },
  },
};

/** Which grade each fact suggests ('off': the fact is ignored). The most severe matching grade wins; none: C. */
export const gradeRuleValue = z.enum([...complaintGrades, 'off']);
export type GradeRuleValue = z.output<typeof gradeRuleValue>;
export const defaultGradeRules: Record<GradeFact, GradeRuleValue> = {
  safety_fault: 'A',
  media_exposure: 'A',
  regulator: 'A',
  refund_or_replacement: 'A',
  three_guarantee: 'A',
  repeat: 'A',
  vip: 'A',
  concrete_loss: 'B',
};

/** The department (departments.code, seeded in migration 0001) a category is routed to by default. */
export const defaultCategoryDepartments: Record<ComplaintCategory, string> = {
  product_quality: 'service',
  sales_process: 'sales',
  service_quality: 'service',
  price_charges: 'service',
  staff_attitude: 'customer_care',
  waiting_time: 'service',
  parts_supply: 'service',
  insurance_claim: 'service',
  other: 'customer_care',
};

const departmentCode = z.string().trim().min(1).max(40);

export const complaintSettingsSchema = z.object({
  workingHours: workingHoursSchema.default({ start: '08:30', end: '17:30' }),
  /** Store closing days (门店休息日) beyond the national calendar, YYYY-MM-DD. */
  closingDays: z
    .array(isoDate)
    .max(400, '休息日最多 400 天')
    .default([])
    .transform((days) => [...new Set(days)].sort()),
  targets: z
    .object(
      Object.fromEntries(complaintGrades.map((g) => [g, gradeTargets])) as Record<
        ComplaintGrade,
        typeof gradeTargets
      >,
    )
    .default(defaultSlaTargets),
  gradeRules: z
    .object(
      // Per fact with its default: rules saved before a fact existed keep their values and gain the new one.
      Object.fromEntries(gradeFacts.map((f) => [f, gradeRuleValue.default(defaultGradeRules[f])])) as Record<
        GradeFact,
        z.ZodDefault<typeof gradeRuleValue>
      >,
    )
    .default(defaultGradeRules),
  /** The same customer, or the same VIN with the same category, within this many days: a repeat complaint. */
  repeatWindowDays: z
    .number()
    .int('请填写整数天数')
    .min(1, '至少 1 天')
    .max(730, '不超过 730 天')
    .default(90),
  /** Total compensation (fen) above which a manager must approve the solution before it is offered. */
  compensationApprovalFen: z.number().int().min(0, '不能为负数').max(1_000_000_000).default(100_000),
  categoryDepartments: z
    .object(
      Object.fromEntries(complaintCategories.map((c) => [c, departmentCode])) as Record<
        ComplaintCategory,
        typeof departmentCode
      >,
    )
    .default(defaultCategoryDepartments),
});
export type ComplaintSettings = z.output<typeof complaintSettingsSchema>;
export type ComplaintSettingKey = keyof ComplaintSettings;

/** Staff-facing names of the settings, for messages, the audit log and the settings form. */
export const complaintSettingLabels: Record<ComplaintSettingKey, string> = {
  workingHours: '工作时间',
  closingDays: '门店休息日',
  targets: '各等级处理时限',
  gradeRules: '定级规则',
  repeatWindowDays: '重复投诉判定天数',
  compensationApprovalFen: '需经理审批的补偿金额（分）',
  categoryDepartments: '投诉类别默认责任部门',
};

/** The edit: any part may be left out (it keeps its value); a part given replaces that part whole. */
export const complaintSettingsUpdate = z
  .object({
    workingHours: workingHoursSchema.optional(),
    closingDays: z.array(isoDate).max(400, '休息日最多 400 天').optional(),
    targets: complaintSettingsSchema.shape.targets.unwrap().optional(),
    gradeRules: complaintSettingsSchema.shape.gradeRules.unwrap().optional(),
    repeatWindowDays: z.number().int().min(1).max(730).optional(),
    compensationApprovalFen: z.number().int().min(0).max(1_000_000_000).optional(),
    categoryDepartments: complaintSettingsSchema.shape.categoryDepartments.unwrap().optional(),
    /** The version the form loaded, and its values: without them the save stands as given. */
    version: version.optional(),
    base: editBase,
  })
  .strict();

/** What the settings channels answer: the settings and the version a form saves against. */
export const complaintSettingsOutput = complaintSettingsSchema.extend({ version: z.number() });
