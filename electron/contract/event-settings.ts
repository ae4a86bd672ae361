import { z } from 'zod';
import { editBase, version } from './fields';

/**
 * 活动设置: kept as one JSON value in store_settings (key `events`), like the complaint settings; a part missing
 * there reads as its default, so a new database needs no seed.
 */

const days = (max: number) =>
  z.number('请填写天数').int('请填写整数天数').min(0, '不能为负数').max(max, `不超过 ${max} 天`);

export const eventSettingsSchema = z.object({
  /** A customer invited to another event within this many days is left off a new target list. */
  inviteCooldownDays: days(365).default(30),
  /** The second confirmation call (二次确认) falls due this many days before the start. */
  secondConfirmDaysBefore: days(60).default(3),
  /** Results and ROI count what attendees did within this many days after the event. */
  resultsWindowDays: days(730).min(1, '至少 1 天').default(90),
  /** The summary (总结) is due this many days after the end. */
  summaryDueDays: days(60).default(3),
});
export type EventSettings = z.output<typeof eventSettingsSchema>;
export type EventSettingKey = keyof EventSettings;

export const eventSettingLabels: Record<EventSettingKey, string> = {
  inviteCooldownDays: '近期已邀约的间隔天数',
  secondConfirmDaysBefore: '活动前几天进行二次确认',
  resultsWindowDays: '活动效果统计天数',
  summaryDueDays: '活动结束后几天内提交总结',
};

/** The edit: any setting may be left out (it keeps its value). */
export const eventSettingsUpdate = z
  .object({
    inviteCooldownDays: eventSettingsSchema.shape.inviteCooldownDays.unwrap().optional(),
    secondConfirmDaysBefore: eventSettingsSchema.shape.secondConfirmDaysBefore.unwrap().optional(),
    resultsWindowDays: eventSettingsSchema.shape.resultsWindowDays.unwrap().optional(),
    summaryDueDays: eventSettingsSchema.shape.summaryDueDays.unwrap().optional(),
    /** The version the form loaded, and its values: without them the save stands as given. */
    version: version.optional(),
    base: editBase,
  })
  .strict();

/** What the settings channels answer: the settings and the version a form saves against. */
export const eventSettingsOutput = eventSettingsSchema.extend({ version: z.number() });
