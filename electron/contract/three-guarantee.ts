import { z } from 'zod';
import { optionalDate, optionalText } from './fields';

/**
 * 三包 (家用汽车产品修理更换退货责任规定, 市场监管总局令第43号, in force 2022-01-01): the one home for the repair
 * facts a service visit records, the legal lines the watch counts against, the store's settings and the shape
 * main sends to the card, the vehicle and a complaint ticket. Article numbers are the 2021 text's.
 */

/** The system a quality repair concerned. The first ten are the ones 第二十四条第一款第（三）项 names. */
export const repairSystems = [
  'engine',
  'transmission',
  'traction_battery',
  'drive_motor',
  'steering',
  'brakes',
  'suspension',
  'drivetrain',
  'emission_control',
  'body',
  'electrical',
  'other',
] as const;
export type RepairSystem = (typeof repairSystems)[number];

/** Staff-facing names, in the regulation's own words where it has them. */
export const repairSystemLabels: Record<RepairSystem, string> = {
  engine: '发动机',
  transmission: '变速器',
  traction_battery: '动力蓄电池',
  drive_motor: '行驶驱动电机',
  steering: '转向系统',
  brakes: '制动系统',
  suspension: '悬架系统',
  drivetrain: '传动系统',
  emission_control: '污染控制装置',
  body: '车身',
  electrical: '电气系统',
  other: '其他',
};

/**
 * 第二十四条第一款第（三）项: replacing the same main part (主要零部件) of these systems twice gives the right to
 * a replacement car or refund. Electrical and other parts count for repair days and repeats, not here.
 */
export const mainPartSystems: readonly RepairSystem[] = repairSystems.slice(0, 10);

/** Visit types that can be a quality repair: a repair, or a recall fixing a defect. */
export const repairFactVisitTypes = ['repair', 'recall'] as const;

/**
 * The lines of 第二十四条第一款, fixed by the regulation (a maker may promise more, never less). `alertAt` is
 * the first count at which the customer may ask for a replacement car or a refund:
 * - (四) 累计修理时间超过30日 → 31 days; 因同一质量问题累计修理超过4次 → the 5th repair;
 * - (三) 同一主要零部件…累计更换2次 → the 2nd replacement (二: the engine, transmission, traction battery or drive
 *   motor itself replaced twice is recorded as its assembly, e.g. 发动机总成, and counts the same way; the article
 *   says assemblies and their parts are not added together, and grouping by part name keeps them apart);
 * - (一) 因严重安全性能故障累计进行2次修理 → the 2nd repair (the right arises if the fault is still not cleared
 *   or a new one appears, which only staff can tell: the alert says the line is reached).
 */
export const threeGuaranteeLines = {
  repairDays: { alertAt: 31, article: '第二十四条第一款第（四）项', legal: '累计修理时间超过 30 日' },
  sameProblem: { alertAt: 5, article: '第二十四条第一款第（四）项', legal: '同一质量问题累计修理超过 4 次' },
  samePart: { alertAt: 2, article: '第二十四条第一款第（二）（三）项', legal: '同一主要零部件累计更换 2 次' },
  safety: { alertAt: 2, article: '第二十四条第一款第（一）项', legal: '严重安全性能故障累计修理 2 次' },
} as const;
export type ThreeGuaranteeLine = keyof typeof threeGuaranteeLines;
export const threeGuaranteeLineKeys = Object.keys(threeGuaranteeLines) as ThreeGuaranteeLine[];

/** 第二十一条: a single repair over 5 days (waiting for parts included) needs a loan car or a transport allowance. */
export const loanCarAfterDays = 5;
/** A finished long repair keeps reminding for this long, so staff can check the allowance was settled. */
export const loanCarReminderDays = 30;

/**
 * The repair facts a visit form sends, flat beside the visit's own fields. A visit is a quality repair (and
 * counts for 三包) when it names the system; the in date is the visit date, the out date blank while the car
 * is still in the workshop.
 */
export const repairFactFields = {
  outDate: optionalDate,
  repairSystem: z.enum(repairSystems).nullish(),
  mainPartReplaced: z.boolean().default(false),
  mainPart: optionalText(40),
  seriousSafety: z.boolean().default(false),
  faultText: optionalText(500),
};

export interface RepairFactValues {
  outDate?: string | null | undefined;
  repairSystem?: RepairSystem | null | undefined;
  mainPartReplaced?: boolean | undefined;
  mainPart?: string | null | undefined;
  seriousSafety?: boolean | undefined;
  faultText?: string | null | undefined;
}

export const hasRepairFacts = (v: RepairFactValues): boolean =>
  Boolean(v.repairSystem || v.outDate || v.mainPartReplaced || v.mainPart || v.seriousSafety || v.faultText);

/**
 * The rules between the repair facts, for the form (as you type) and main (with the stored visit date on an
 * edit): one list, so both say the same thing.
 */
export function repairFactIssues(
  v: RepairFactValues,
  type: string,
  visitDate: string | null,
): { field: keyof RepairFactValues; message: string }[] {
  const issues: { field: keyof RepairFactValues; message: string }[] = [];
  if (!hasRepairFacts(v)) return issues;
  if (!(repairFactVisitTypes as readonly string[]).includes(type)) {
    return [{ field: 'repairSystem', message: '只有维修或召回进站才能记录三包维修信息' }];
  }
  if (!v.repairSystem)
    issues.push({ field: 'repairSystem', message: '请选择涉及系统（质量维修才计入三包）' });
  else if (!v.faultText) issues.push({ field: 'faultText', message: '请描述故障现象' });
  if (v.mainPartReplaced && !v.mainPart)
    issues.push({ field: 'mainPart', message: '请填写更换的主要零部件' });
  if (v.outDate && visitDate && v.outDate < visitDate)
    issues.push({ field: 'outDate', message: `出厂日期不能早于进站日期 ${visitDate}` });
  return issues;
}

const count = (label: string, max: number) =>
  z
    .number(`请填写${label}`)
    .int(`${label}应为整数`)
    .min(1, `${label}不能小于 1`)
    .max(max, `${label}应低于法定线（最多 ${max}）`);

/**
 * The store's 三包 settings. The period follows 第十八条 (at least 2 years or 50,000 km from the invoice, or from
 * delivery when that differs; a maker may promise longer); the warnings come before the lines above.
 */
const settingFields = {
  periodYears: z
    .number('请填写年数')
    .int('年数应为整数')
    .min(2, '三包有效期不得低于 2 年（第十八条）')
    .max(10, '三包有效期不超过 10 年'),
  periodKm: z
    .number('请填写里程')
    .int('里程应为整数')
    .min(50_000, '三包有效期不得低于 50,000 公里（第十八条）')
    .max(1_000_000, '里程过大'),
  warnRepairDays: count('累计修理天数提醒线', threeGuaranteeLines.repairDays.alertAt - 1),
  warnSameProblem: count('同一问题修理次数提醒线', threeGuaranteeLines.sameProblem.alertAt - 1),
  warnSamePart: count('同一主要零部件更换次数提醒线', threeGuaranteeLines.samePart.alertAt - 1),
  warnSafety: count('严重安全性能故障修理次数提醒线', threeGuaranteeLines.safety.alertAt - 1),
};

export const threeGuaranteeDefaults = {
  periodYears: 2,
  periodKm: 50_000,
  warnRepairDays: 20,
  warnSameProblem: 3,
  warnSamePart: 1,
  warnSafety: 1,
} as const;

export const threeGuaranteeSettingsSchema = z.object({
  periodYears: settingFields.periodYears.default(threeGuaranteeDefaults.periodYears),
  periodKm: settingFields.periodKm.default(threeGuaranteeDefaults.periodKm),
  warnRepairDays: settingFields.warnRepairDays.default(threeGuaranteeDefaults.warnRepairDays),
  warnSameProblem: settingFields.warnSameProblem.default(threeGuaranteeDefaults.warnSameProblem),
  warnSamePart: settingFields.warnSamePart.default(threeGuaranteeDefaults.warnSamePart),
  warnSafety: settingFields.warnSafety.default(threeGuaranteeDefaults.warnSafety),
});
/** A save names only what it changes: no defaults here, or one field's save would reset the others. */
export const threeGuaranteeSettingsUpdate = z
  .object({
    periodYears: settingFields.periodYears.optional(),
    periodKm: settingFields.periodKm.optional(),
    warnRepairDays: settingFields.warnRepairDays.optional(),
    warnSameProblem: settingFields.warnSameProblem.optional(),
    warnSamePart: settingFields.warnSamePart.optional(),
    warnSafety: settingFields.warnSafety.optional(),
  })
  .strict();
export type ThreeGuaranteeSettings = z.output<typeof threeGuaranteeSettingsSchema>;
export const threeGuaranteeSettingsKey = 'threeGuarantee';

export const threeGuaranteeSettingsOutput = z.object({
  periodYears: z.number(),
  periodKm: z.number(),
  warnRepairDays: z.number(),
  warnSameProblem: z.number(),
  warnSamePart: z.number(),
  warnSafety: z.number(),
});

export const watchLevels = ['none', 'warning', 'alert'] as const;
export type WatchLevel = (typeof watchLevels)[number];

/** active: counting; ended_date / ended_km: which limit came first; unknown: no delivery date on file. */
export const periodStates = ['active', 'ended_date', 'ended_km', 'unknown'] as const;

/** One quality repair as the watch counted it. */
export const watchRepair = z.object({
  visitId: z.number(),
  inDate: z.string(),
  /** Null while the car is still in the workshop. */
  outDate: z.string().nullable(),
  /** Days in the workshop: in and out day both count (第四十条: every begun 24 hours is a day). */
  days: z.number(),
  type: z.enum(repairFactVisitTypes),
  system: z.enum(repairSystems),
  mainPart: z.string().nullable(),
  seriousSafety: z.boolean(),
  faultText: z.string().nullable(),
  mileageKm: z.number(),
  /** Inside the 三包 period (counts toward the lines); repairs after it matter only for the loan car. */
  inPeriod: z.boolean(),
  /** Longer than five days (第二十一条). */
  overLoanDays: z.boolean(),
});
export type WatchRepair = z.infer<typeof watchRepair>;

export const watchLineResult = z.object({
  line: z.enum(threeGuaranteeLineKeys as [ThreeGuaranteeLine, ...ThreeGuaranteeLine[]]),
  level: z.enum(watchLevels),
  /** The count that decides: total days, or the largest group's repairs or replacements. */
  count: z.number(),
  warnAt: z.number(),
  alertAt: z.number(),
  /** What was counted together: the system (same problem), system and part (same part); null otherwise. */
  group: z.string().nullable(),
  visitIds: z.array(z.number()),
});
export type WatchLineResult = z.infer<typeof watchLineResult>;

export const threeGuaranteeWatch = z.object({
  level: z.enum(watchLevels),
  period: z.object({
    state: z.enum(periodStates),
    startsOn: z.string().nullable(),
    /** The last day inside the period by date. */
    lastDay: z.string().nullable(),
    kmLimit: z.number(),
    latestKm: z.number().nullable(),
    latestKmAt: z.string().nullable(),
    /** For ended_km: the first day a reading above the limit was recorded. */
    kmPassedOn: z.string().nullable(),
  }),
  repairDays: z.number(),
  lines: z.array(watchLineResult),
  repairs: z.array(watchRepair),
  /** A long repair staff should act on: still in the workshop past day 5, or finished over 5 days lately. */
  loanCar: z
    .object({
      visitId: z.number(),
      inDate: z.string(),
      outDate: z.string().nullable(),
      days: z.number(),
      /** From this day on a loan car or a transport allowance is due (day 6). */
      dueFrom: z.string(),
    })
    .nullable(),
});
export type ThreeGuaranteeWatch = z.infer<typeof threeGuaranteeWatch>;
