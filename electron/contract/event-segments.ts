import { z } from 'zod';
import { baseGrades, stages } from './customers';
import { isoDate } from './fields';
import { loyaltyTiers } from './loyalty-terms';

/**
 * 目标客群: who an event invites, as the customer list's filters plus what only segments need (model,
 * delivery date range, loyalty score); the member tier is one of the list's. Saved segments keep this object as JSON.
 */
export const segmentFilters = z
  .object({
    stages: z.array(z.enum(stages)).max(10).optional(),
    baseGrades: z.array(z.enum(baseGrades)).max(3).optional(),
    tiers: z.array(z.enum(loyaltyTiers)).max(4).optional(),
    tag: z.string().trim().max(20).optional(),
    district: z.string().trim().max(30).optional(),
    series: z.string().trim().max(50).optional(),
    model: z.string().trim().max(50).optional(),
    lastVisitFrom: isoDate.optional(),
    lastVisitTo: isoDate.optional(),
    deliveryFrom: isoDate.optional(),
    deliveryTo: isoDate.optional(),
    /** The 10-point loyalty score, inclusive bounds. */
    loyaltyMin: z.number().int().min(0).max(10).optional(),
    loyaltyMax: z.number().int().min(0).max(10).optional(),
  })
  .refine((f) => !f.lastVisitFrom || !f.lastVisitTo || f.lastVisitFrom <= f.lastVisitTo, {
    message: '最近到店的起始日期不能晚于结束日期',
    path: ['lastVisitTo'],
  })
  .refine((f) => !f.deliveryFrom || !f.deliveryTo || f.deliveryFrom <= f.deliveryTo, {
    message: '交车日期的起始日期不能晚于结束日期',
    path: ['deliveryTo'],
  })
  .refine((f) => f.loyaltyMin === undefined || f.loyaltyMax === undefined || f.loyaltyMin <= f.loyaltyMax, {
    message: '忠诚度下限不能高于上限',
    path: ['loyaltyMax'],
  });
export type SegmentFilters = z.infer<typeof segmentFilters>;
