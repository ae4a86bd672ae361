import { z } from 'zod';
import { normalizePlate, validatePlate } from '../common/plate';
import { normalizeVin, validateVin } from '../common/vin';
import { channel } from './channel';
import { editBase, id, isoDate, optionalDate, optionalText, version } from './fields';
import {
  repairFactFields,
  repairFactIssues,
  repairSystems,
  threeGuaranteeSettingsOutput,
  threeGuaranteeSettingsUpdate,
  threeGuaranteeWatch,
} from './three-guarantee';

export const energies = ['fuel', 'hybrid', 'electric'] as const;
export const finances = ['cash', 'loan', 'lease'] as const;
export const visitTypes = [
  'first_maintenance',
  'maintenance',
  'repair',
  'body_insurance',
  'detailing',
  'recall',
] as const;
export type VisitType = (typeof visitTypes)[number];
/** Staff-facing names of the visit types (the import's row summaries; the card has its own i18n copy). */
export const visitTypeLabels: Record<VisitType, string> = {
  first_maintenance: '首保',
  maintenance: '定期保养',
  repair: '维修',
  body_insurance: '钣喷/保险理赔',
  detailing: '美容',
  recall: '召回',
};
/** 首保 / 在保 / 出保, and unknown when the delivery date is missing. */
export const warrantyStates = ['first_service', 'in_warranty', 'expired', 'unknown'] as const;
export type WarrantyState = (typeof warrantyStates)[number];

/** VIN as scanned or typed: normalised (case, spaces, full width), then the GB 16735 check digit. */
export const vinField = z
  .string()
  .transform(normalizeVin)
  .superRefine((v, c) => {
    const check = validateVin(v);
    if (!check.ok) c.addIssue({ code: 'custom', message: `VIN 无效：${check.reason}` });
  });

/** Plate: blank means not yet registered; otherwise normalised (粤l·12345 → 粤L12345) and checked. */
export const optionalPlate = z
  .string()
  .transform(normalizePlate)
  .superRefine((v, c) => {
    if (v === '') return;
    const check = validatePlate(v);
    if (!check.ok) c.addIssue({ code: 'custom', message: `车牌号无效：${check.reason}` });
  })
  .transform((v) => (v === '' ? null : v))
  .nullish();

/** The fields staff type on the vehicle form; the UI resolver and main validate with this one schema. */
export const vehicleFields = z.object({
  vin: vinField,
  plate: optionalPlate,
  brand: z.string().trim().min(1, '请填写品牌').max(30, '品牌不能超过 30 个字'),
  series: z.string().trim().min(1, '请填写车系').max(50, '车系不能超过 50 个字'),
  model: optionalText(100),
  color: optionalText(20),
  energy: z.enum(energies).default('fuel'),
  deliveryDate: optionalDate,
  priceFen: z.number().int().min(0, '价格不能为负').nullish(),
  /** Latest odometer reading when typed by hand; service visits keep it current afterwards. */
  mileageKm: z.number().int().min(0, '里程不能为负').max(3_000_000, '里程过大').nullish(),
  insuranceExpiry: optionalDate,
  finance: z.enum(finances).nullish(),
});
export type VehicleFieldsInput = z.input<typeof vehicleFields>;

export const warrantyDetail = z.object({
  state: z.enum(warrantyStates),
  reason: z.string(),
  /** When the current state ends (first-service period or warranty), if known. */
  endsOn: z.string().nullable(),
});

export const vehicleDetail = z.object({
  id: z.number(),
  vin: z.string(),
  plate: z.string().nullable(),
  brand: z.string(),
  series: z.string(),
  model: z.string().nullable(),
  color: z.string().nullable(),
  energy: z.enum(energies),
  deliveryDate: z.string().nullable(),
  priceFen: z.number().nullable(),
  mileageKm: z.number().nullable(),
  mileageAt: z.string().nullable(),
  insuranceExpiry: z.string().nullable(),
  finance: z.enum(finances).nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  /** The day the current owner took the car (delivery, or the transfer date). */
  acquiredOn: z.string().nullable(),
  previousOwners: z.number(),
  warranty: warrantyDetail,
  /** 三包 watch: repair days, repeats, replacements and safety repairs against the 2022 lines (main computes). */
  threeGuarantee: threeGuaranteeWatch,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type VehicleDetail = z.infer<typeof vehicleDetail>;

/**
 * A VIN already on file, told to whoever typed it: whose card has the car (masked, PIPL) with a link to it, and
 * what a transfer (过户) to the customer at hand needs. `reason` tells it apart from other conflicts.
 */
export const vinTakenDetails = z.object({
  reason: z.literal('vin_taken'),
  vehicleId: z.number(),
  vehicleVersion: z.number(),
  plate: z.string().nullable(),
  series: z.string(),
  owner: z.object({ id: z.number(), maskedName: z.string(), maskedMobile: z.string().nullable() }).nullable(),
  fields: z.record(z.string(), z.string()),
});
export type VinTakenDetails = z.infer<typeof vinTakenDetails>;

/** A service visit as the timeline shows it; `at` is the sort key (the start of the visit's local day). */
export const visitTimelineItem = z.object({
  source: z.literal('visit'),
  id: z.number(),
  at: z.string(),
  date: z.string(),
  kind: z.enum(visitTypes),
  customerId: z.number(),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  series: z.string().nullable(),
  mileageKm: z.number(),
  amountFen: z.number(),
  advisor: z.string().nullable(),
  notes: z.string().nullable(),
  /** Set on a quality repair (三包): the system concerned, and the day the car left (null: still in). */
  repairSystem: z.enum(repairSystems).nullable(),
  outDate: z.string().nullable(),
});
export type VisitTimelineItem = z.infer<typeof visitTimelineItem>;

/** The visit fields staff type; the form's resolver and main validate with this one schema. */
const visitBase = {
  type: z.enum(visitTypes),
  amountFen: z.number().int().min(0, '金额不能为负').default(0),
  advisor: optionalText(30),
  notes: optionalText(500),
  ...repairFactFields,
};

const withRepairRules = <
  T extends { type: string; visitDate?: string } & Parameters<typeof repairFactIssues>[0],
>(
  v: T,
  c: z.RefinementCtx,
) => {
  for (const issue of repairFactIssues(v, v.type, v.visitDate ?? null))
    c.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
};

export const visitCreateInput = z
  .object({
    vehicleId: id,
    visitDate: isoDate,
    mileageKm: z.number().int().min(0, '里程不能为负').max(3_000_000, '里程过大'),
    ...visitBase,
  })
  .superRefine(withRepairRules);

/** An edit keeps the vehicle, the day and the odometer (they place the visit); the rest can be corrected. */
export const visitUpdateInput = z
  .object({ id, version, base: editBase, ...visitBase })
  .superRefine(withRepairRules);

export const visitDetail = z.object({
  id: z.number(),
  vehicleId: z.number(),
  customerId: z.number(),
  visitDate: z.string(),
  type: z.enum(visitTypes),
  mileageKm: z.number(),
  amountFen: z.number(),
  advisor: z.string().nullable(),
  notes: z.string().nullable(),
  outDate: z.string().nullable(),
  repairSystem: z.enum(repairSystems).nullable(),
  mainPartReplaced: z.boolean(),
  mainPart: z.string().nullable(),
  seriousSafety: z.boolean(),
  faultText: z.string().nullable(),
  version: z.number(),
});
export type VisitDetail = z.infer<typeof visitDetail>;

export const ownershipRow = z.object({
  customerId: z.number(),
  name: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  current: z.boolean(),
  /** Service visits paid by this owner on this vehicle. */
  visits: z.number(),
});

export const vehiclesContract = {
  'vehicles.get': channel({
    summary: 'One vehicle with its owner and warranty state',
    access: 'customers.read',
    input: z.object({ id }),
    output: vehicleDetail,
  }),
  'vehicles.create': channel({
    touches: ['vehicles', 'customers', 'callbacks'],
    // The owner's card (and the cards listing the owner as referred: they show who has bought).
    changedCustomers: (_, vehicle) => [vehicle.ownerId],
    summary: 'Add a vehicle to a customer; a VIN already on file is a conflict naming its owner',
    access: 'customers.write',
    input: z.object({
      customerId: id,
      fields: vehicleFields,
      /** When the customer took the car, if not at delivery (a used car bought elsewhere). */
      acquiredOn: optionalDate,
    }),
    output: vehicleDetail,
  }),
  'vehicles.update': channel({
    touches: ['vehicles', 'customers', 'callbacks'],
    changedCustomers: (_, vehicle) => [vehicle.ownerId],
    summary: 'Edit a vehicle; refused with conflict when the copy edited was stale',
    access: 'customers.write',
    input: z.object({ id, version, fields: vehicleFields, base: editBase }),
    output: vehicleDetail,
  }),
  'vehicles.transfer': channel({
    touches: ['vehicles', 'customers', 'callbacks'],
    summary:
      'Sell a vehicle on to another customer; its history stays with it, consent stays with each person',
    access: 'customers.write',
    input: z.object({ id, version, toCustomerId: id, date: isoDate }),
    output: vehicleDetail,
  }),
  'vehicles.history': channel({
    summary: 'Owners of a vehicle over time, oldest first',
    access: 'customers.read',
    input: z.object({ id }),
    output: z.object({ vehicle: vehicleDetail, owners: z.array(ownershipRow) }),
  }),
  'visits.create': channel({
    touches: ['vehicles', 'customers', 'callbacks'],
    // The visit's customer: card, timeline, figures, call-backs. (A transfer stays wholesale: the seller's card
    // loses the car, and its output names only the buyer.)
    changedCustomers: (_, visit) => [visit.customerId],
    summary:
      'Record a service visit (a quality repair with its 三包 facts); mileage may not fall below an earlier reading',
    access: 'customers.write',
    input: visitCreateInput,
    output: visitTimelineItem,
  }),
  'visits.get': channel({
    summary: 'One service visit with its repair facts, for the edit form',
    access: 'customers.read',
    input: z.object({ id }),
    output: visitDetail,
  }),
  'visits.update': channel({
    touches: ['vehicles', 'customers', 'callbacks'],
    changedCustomers: (_, visit) => [visit.customerId],
    summary:
      'Correct a visit: type, amount, advisor, notes and the repair facts (out date, system, part, safety, fault); stale copies are a conflict',
    access: 'customers.write',
    input: visitUpdateInput,
    output: visitDetail,
  }),
  'threeGuarantee.settings': channel({
    summary: "The store's 三包 settings: period (years, km) and the warning lines before the legal ones",
    access: 'customers.read',
    input: z.object({}),
    output: threeGuaranteeSettingsOutput,
  }),
  'threeGuarantee.updateSettings': channel({
    touches: ['settings', 'vehicles'],
    summary: 'Change some 三包 settings; the others keep their values',
    access: 'settings.manage',
    input: threeGuaranteeSettingsUpdate,
    output: threeGuaranteeSettingsOutput,
  }),
};
