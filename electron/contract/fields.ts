import { z } from 'zod';
import { isValidMobile, normalizeMobile } from '../common/mobile';
import { hasVisibleNameChar, normalizePersonName } from '../common/normalize-text';

/** Reusable field schemas: the UI form and main validate with the very same rules. */

export const id = z.number().int().positive();
export const version = z.number().int().positive();

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
export const isoDate = z
  .string()
  .regex(isoDatePattern, '日期格式应为 YYYY-MM-DD')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    '日期无效',
  );

/** Optional free text: blank becomes null so empty form fields do not store "". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字`)
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const optionalDate = z
  .union([z.literal(''), isoDate])
  .transform((v) => (v === '' ? null : v))
  .nullish();

export const mobile = z
  .string()
  .transform(normalizeMobile)
  .refine(isValidMobile, '手机号码无效：应为 11 位大陆手机号，以 1 开头');

export const optionalMobile = z
  .union([z.literal(''), mobile])
  .transform((v) => (v === '' ? null : v))
  .nullish();

export const page = z.object({
  limit: z.number().int().min(1).max(500).default(50),
});

export const isoDateTime = z.string();

/**
 * A customer's, contact person's or staff member's name: invisible format characters are stripped (the import
 * applies the same normalizePersonName) and what is left must show a letter or digit.
 */
export const personName = (max: number, requiredMessage: string) =>
  z
    .string()
    .overwrite(normalizePersonName)
    .min(1, requiredMessage)
    .max(max, `不能超过 ${max} 个字`)
    .refine((v) => v === '' || hasVisibleNameChar(v), '名字必须包含看得见的文字');

/** The same for a name that may be left blank (blank becomes null). */
export const optionalPersonName = (max: number) =>
  z
    .string()
    .overwrite(normalizePersonName)
    .max(max, `不能超过 ${max} 个字`)
    .refine((v) => v === '' || hasVisibleNameChar(v), '名字必须包含看得见的文字')
    .transform((v) => (v === '' ? null : v))
    .nullish();

/**
 * The values an editor loaded, for the fields of its save: a stale save then merges field by field instead of
 * conflicting (electron/domain/locking/field-merge.ts). Optional: without it any stale save is a conflict.
 */
export const editBase = z.record(z.string(), z.unknown()).nullish();
