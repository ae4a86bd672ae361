import { z } from 'zod';
import { channel, personalSpot } from './channel';
import { id, optionalText } from './fields';
import { stages } from './customers';

/** Why the customer form warns: the typed value already belongs to another live card. */
export const duplicateCheckReasons = [
  'same_mobile',
  'same_id_number',
  'same_vin',
  'same_plate',
  'similar_name_phone',
] as const;
export type DuplicateCheckReason = (typeof duplicateCheckReasons)[number];

/** Why the whole-base scan thinks two cards are one person. */
export const duplicateScanReasons = [
  'same_id_number',
  'same_mobile',
  'same_plate',
  'similar_name_phone',
  'same_name_birthday',
] as const;
export type DuplicateScanReason = (typeof duplicateScanReasons)[number];

/** The form field a warning belongs to, so the UI can show it under that field. */
export const duplicateCheckFields = ['name', 'mobile', 'mobile2', 'idNumber', 'vins', 'plates'] as const;

// Inputs are what staff are still typing: partial values are accepted and simply find nothing.
const typed = (max: number) => z.string().max(max).nullish();

export const duplicateWarning = z.object({
  customerId: z.number(),
  customerName: z.string(),
  reason: z.enum(duplicateCheckReasons),
  field: z.enum(duplicateCheckFields),
  message: z.string(),
});
export type DuplicateWarning = z.infer<typeof duplicateWarning>;

export const scanCustomer = z.object({
  id: z.number(),
  name: z.string(),
  mobile: z.string().nullable(),
  district: z.string().nullable(),
  stage: z.enum(stages),
  vehicleCount: z.number(),
  lastVisitAt: z.string().nullable(),
  createdAt: z.string(),
});

export const duplicatePair = z.object({
  a: scanCustomer,
  b: scanCustomer,
  reasons: z.array(z.object({ reason: z.enum(duplicateScanReasons), message: z.string() })),
  /** Strength of the evidence; pairs come strongest first. */
  score: z.number(),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;

export const mergeLogRow = z.object({
  id: z.number(),
  survivorId: z.number(),
  survivorName: z.string(),
  mergedId: z.number(),
  mergedName: z.string(),
  reason: z.string().nullable(),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});

export const duplicatesContract = {
  'customers.checkDuplicates': channel({
    summary: 'While a card is typed: which live customers already have this phone, ID number, VIN or plate',
    access: 'customers.read',
    input: z.object({
      /** The card being edited, which must not warn about itself. */
      excludeId: id.nullish(),
      name: typed(50),
      mobile: typed(40),
      mobile2: typed(40),
      idNumber: typed(40),
      vins: z.array(z.string().max(40)).max(20).nullish(),
      plates: z.array(z.string().max(20)).max(20).nullish(),
    }),
    output: z.object({ warnings: z.array(duplicateWarning) }),
  }),
  'customers.duplicateScan': channel({
    summary: 'Likely duplicate pairs over the whole base, strongest first, a page at a time',
    access: 'customers.merge',
    input: z.object({
      limit: z.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).nullish(),
      /** Only pairs with at least one of these reasons; all reasons when absent. */
      reasons: z.array(z.enum(duplicateScanReasons)).max(duplicateScanReasons.length).nullish(),
      /** Scan again instead of paging the result of the last scan (kept a few minutes). */
      refresh: z.boolean().default(false),
    }),
    output: z.object({
      pairs: z.array(duplicatePair),
      total: z.number(),
      nextCursor: z.string().nullable(),
      scannedAt: z.string(),
    }),
    personal: { spots: [personalSpot('pairs[].a', ['mobile']), personalSpot('pairs[].b', ['mobile'])] },
  }),
  'customers.merge': channel({
    touches: ['customers', 'vehicles', 'callbacks', 'complaints'],
    summary: 'Merge one customer into another; everything moves to the survivor and the merge can be undone',
    access: 'customers.merge',
    input: z.object({ survivorId: id, mergedId: id, reason: optionalText(200) }),
    output: z.object({
      mergeId: z.number(),
      survivorId: z.number(),
      mergedId: z.number(),
      /** Rows that now point at the survivor, per table. */
      moved: z.record(z.string(), z.number()),
      /**
       * Rows dropped because both cards had the same thing (tag, consent purpose, call-back): the survivor's
       * row stays unless the merged card's is newer (consent) or already worked (call-back). Kept for undo.
       */
      dropped: z.record(z.string(), z.number()),
      /** Survivor fields filled from the merged card, in Chinese. */
      takenOver: z.array(z.string()),
    }),
  }),
  'customers.unmerge': channel({
    touches: ['customers', 'vehicles', 'callbacks', 'complaints'],
    summary: 'Undo a merge: both customers and every row the merge touched return to how they were',
    access: 'customers.merge',
    input: z.object({
      mergeId: id,
      /** Undo even though rows the merge touched were edited since; those later edits are lost. */
      force: z.boolean().default(false),
    }),
    output: z.object({
      mergeId: z.number(),
      survivorId: z.number(),
      mergedId: z.number(),
      restoredRows: z.number(),
      /** Rows edited after the merge whose later edits the forced undo discarded. */
      discardedEdits: z.number(),
    }),
  }),
  'customers.merges': channel({
    summary: 'The merge log, newest first, optionally for one customer',
    access: 'customers.merge',
    input: z.object({
      customerId: id.nullish(),
      limit: z.number().int().min(1).max(200).default(50),
      /** The last id of the previous page. */
      cursor: id.nullish(),
    }),
    output: z.object({ rows: z.array(mergeLogRow), nextCursor: z.number().nullable() }),
  }),
};
