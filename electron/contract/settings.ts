import { z } from 'zod';
import { isTimeZone } from '../common/store-time';
import { channel } from './channel';
import { editBase, version } from './fields';

const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，例如 09:00');

const hoursRange = z
  .object({ start: hm, end: hm })
  .refine((h) => h.start !== h.end, { message: '开始和结束时间不能相同', path: ['end'] });

export const storeTimeZoneDefault = 'Asia/Shanghai';

const storeName = z.string().trim().min(1, '请填写门店名称').max(40, '不能超过 40 个字');
const storeTimeZone = z.string().refine(isTimeZone, '时区无效，请选择列表中的时区（例如 Asia/Shanghai）');
/** Minutes without use after which a session ends (PIPL: an unattended screen must not stay signed in). */
const idleTimeoutMinutes = z
  .number('请填写分钟数')
  .int('请填写整数分钟')
  .min(5, '空闲超时不能少于 5 分钟')
  .max(480, '空闲超时不能超过 480 分钟（8 小时）');
export const idleTimeoutDefault = 30;

/**
 * Every store setting with its default: a key missing from store_settings reads as its default, so a new
 * database needs no seed rows and a setting added later needs no migration.
 */
export const storeSettingsSchema = z.object({
  storeName: storeName.default('本店'),
  storeTimeZone: storeTimeZone.default(storeTimeZoneDefault),
  callingHours: hoursRange.default({ start: '09:00', end: '20:00' }),
  serviceHours: hoursRange.default({ start: '08:30', end: '18:00' }),
  idleTimeoutMinutes: idleTimeoutMinutes.default(idleTimeoutDefault),
});
export type StoreSettings = z.output<typeof storeSettingsSchema>;
export type StoreSettingKey = keyof StoreSettings;
export const storeSettingKeys = Object.keys(storeSettingsSchema.shape) as StoreSettingKey[];

/** Staff-facing names of the settings, for messages and the settings form. */
export const storeSettingLabels: Record<StoreSettingKey, string> = {
  storeName: '门店名称',
  storeTimeZone: '门店时区',
  callingHours: '回访拨打时段',
  serviceHours: '售后接待时段',
  idleTimeoutMinutes: '空闲自动退出（分钟）',
};

const storeSettingsOutput = z.object({
  storeName: z.string(),
  storeTimeZone: z.string(),
  callingHours: z.object({ start: z.string(), end: z.string() }),
  serviceHours: z.object({ start: z.string(), end: z.string() }),
  idleTimeoutMinutes: z.number(),
  /** Bumped by every save: a save on an older one merges setting by setting, or is refused as a conflict. */
  version: z.number(),
});

export const settingsContract = {
  'settings.get': channel({
    summary: 'The store settings (time zone, calling hours, service hours, store name), defaults filled in',
    access: 'session',
    input: z.object({}),
    output: storeSettingsOutput,
  }),
  'settings.update': channel({
    touches: ['settings'],
    summary: 'Change some store settings; the others keep their values',
    access: 'settings.manage',
    input: z
      .object({
        storeName: storeName.optional(),
        storeTimeZone: storeTimeZone.optional(),
        callingHours: hoursRange.optional(),
        serviceHours: hoursRange.optional(),
        idleTimeoutMinutes: idleTimeoutMinutes.optional(),
        /** The version the form loaded, and its values: without them the save stands as given. */
        version: version.optional(),
        base: editBase,
      })
      .strict(),
    output: storeSettingsOutput,
  }),
};
