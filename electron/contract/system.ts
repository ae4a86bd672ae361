import { z } from 'zod';
import { channel } from './channel';

export const demoScales = ['S', 'M', 'L'] as const;

export const systemContract = {
  'system.info': channel({
    summary: 'Application version and whether the database is still empty',
    access: 'session',
    input: z.object({}),
    output: z.object({ version: z.string(), customerCount: z.number(), empty: z.boolean() }),
  }),
  'demo.generate': channel({
    touches: ['customers', 'vehicles', 'callbacks', 'complaints'],
    summary: 'Fill an empty database with a deterministic demo dealership',
    access: 'demo.generate',
    input: z.object({ scale: z.enum(['S', 'M']).default('S'), seed: z.number().int().default(20261122) }),
    output: z.object({
      customers: z.number(),
      vehicles: z.number(),
      serviceVisits: z.number(),
      interactions: z.number(),
    }),
  }),
};
