import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';
import type { AuditShape } from './row-changes';
import { readSnapshot } from './row-changes';

/** The customer card as the audit log compares it: what staff type, plus the stored stage and grade. */
export const customerShape: AuditShape = {
  table: 'customers',
  fields: [
    'name',
    'gender',
    'birthday',
    'mobile',
    'mobile2',
    'wechat',
    'address',
    'district',
    'idNumber',
    'occupation',
    'industry',
    'employer',
    'isCompany',
    'contactPerson',
    'contactTitle',
    'sourceChannel',
    'referrerId',
    'stage',
    'leadGrade',
    'baseGrade',
    'purchaseNeed',
    'budgetFen',
    'currentCar',
    'outcomeReason',
    'lostReasonCategory',
    'doNotContact',
    'preferences',
    'notes',
    'ownerUserId',
  ],
  booleans: new Set(['isCompany', 'doNotContact']),
  json: new Set(['preferences']),
  freeText: new Set(['purchaseNeed', 'outcomeReason', 'notes', 'preferences']),
};

/** The card with its tags, which live in their own table. */
export function customerSnapshot(sqlite: Database.Database, id: number): Record<string, unknown> {
  // Not .pluck(): the card's reader shares this cached statement and expects rows.
  const tags = (
    prepared(sqlite, 'select tag from customer_tags where customer_id = ? order by rowid').all(id) as {
      tag: string;
    }[]
  ).map((t) => t.tag);
  return { ...readSnapshot(sqlite, customerShape, id), tags };
}

export const customerChangeFields = {
  fields: [...customerShape.fields, 'tags'],
  freeText: customerShape.freeText,
};

export const vehicleShape: AuditShape = {
  table: 'vehicles',
  fields: [
    'vin',
    'plate',
    'brand',
    'series',
    'model',
    'color',
    'energy',
    'deliveryDate',
    'priceFen',
    'mileageKm',
    'insuranceExpiry',
    'finance',
    'ownerId',
  ],
};

export const visitShape: AuditShape = {
  table: 'service_visits',
  fields: ['vehicleId', 'visitDate', 'type', 'mileageKm', 'amountFen', 'advisor', 'notes'],
  freeText: new Set(['notes']),
};
