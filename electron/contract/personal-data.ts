import { z } from 'zod';
import { personalFields } from '../common/personal-mask';
import { channel } from './channel';
import { id } from './fields';

export const revealReasonMax = 200;

/** A personal value as it was shown masked (138****1234, 广州市天河路***): never a real mobile, ID or address. */
export function isMaskedValue(value: unknown): value is string {
  return typeof value === 'string' && /\*{3,}/.test(value);
}

/**
 * A personal field of a form that may come back as the masked value its editor was shown: the service keeps
 * the stored value then (electron/domain/privacy/masked-input.ts). Anything else goes through `schema`, with its
 * own messages (a zod union would replace them with a generic one).
 */
export function orMasked<O>(schema: z.ZodType<O, string | null | undefined>) {
  return z
    .string()
    .nullish()
    .transform((value, ctx): O | string => {
      if (isMaskedValue(value)) return value.trim();
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    });
}

export const revealInput = z
  .object({
    customerId: id,
    field: z.enum(personalFields),
    /** Why the full value is needed (written to the audit log). */
    reason: z.string().trim().max(revealReasonMax, `原因不能超过 ${revealReasonMax} 个字`).optional(),
    /** A call-back task the caller is working now: it is the reason, and is filled in for them. */
    taskId: id.optional(),
  })
  .refine((r) => r.taskId !== undefined || (r.reason ?? '').length >= 2, {
    message: '请填写查看原因（至少 2 个字）',
    path: ['reason'],
  });

export const personalDataContract = {
  'customers.reveal': channel({
    summary:
      'One personal field of one customer in full, with a reason (or the call-back task being worked); logged',
    access: 'customers.read',
    input: revealInput,
    output: z.object({
      customerId: z.number(),
      field: z.enum(personalFields),
      /** The full value, for this view only: the screen keeps it in its own state, never in a cache. */
      value: z.string().nullable(),
      /** The reason as logged (for a task: which call). */
      reason: z.string(),
    }),
  }),
};
