import type { TFunction } from 'i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { formatFenWhole } from '../../format/money';
import type { CustomerFormOutput } from './customer-form-values';

/** A customer as the conflict dialog compares it: a saved card or what the form would save. */
type Snapshot = CustomerDetail | CustomerFormOutput;

const topKeys = [
  'name',
  'gender',
  'birthday',
  'mobile',
  'mobile2',
  'wechat',
  'idNumber',
  'district',
  'address',
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
  'purchaseNeed',
  'budgetFen',
  'currentCar',
  'outcomeReason',
  'lostReasonCategory',
  'doNotContact',
  'tags',
  'notes',
] as const;
const preferenceKeys = ['contactChannel', 'contactTime', 'color', 'note'] as const;

export type DiffKey = (typeof topKeys)[number] | `preferences.${(typeof preferenceKeys)[number]}`;
export const diffKeys: readonly DiffKey[] = [
  ...topKeys,
  ...preferenceKeys.map((k) => `preferences.${k}` as const),
];

function raw(c: Snapshot, key: DiffKey): unknown {
  if (key.startsWith('preferences.')) {
    const sub = key.slice('preferences.'.length) as (typeof preferenceKeys)[number];
    return c.preferences?.[sub] ?? null;
  }
  return c[key as (typeof topKeys)[number]];
}

/** The value as staff read it; two snapshots differ on a field when these strings differ. */
export function displayValue(t: TFunction, key: DiffKey, c: Snapshot): string {
  const v = raw(c, key);
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0))
    return t('common.none');
  switch (key) {
    case 'gender':
      return t(`labels.gender.${v as 'male' | 'female'}`);
    case 'sourceChannel':
      return t(`labels.sourceChannel.${v as CustomerDetail['sourceChannel']}`);
    case 'stage':
      return t(`labels.stage.${v as CustomerDetail['stage']}`);
    case 'leadGrade':
      return t(`labels.leadGrade.${v as 'A' | 'B' | 'C'}`);
    case 'lostReasonCategory':
      return t(`card.enums.lostReason.${v as NonNullable<CustomerDetail['lostReasonCategory']>}`);
    case 'preferences.contactChannel':
      return t(`card.enums.contactChannel.${v as 'phone' | 'wechat' | 'sms'}`);
    case 'budgetFen':
      return formatFenWhole(v as number);
    case 'referrerId':
      return t('customerForm.conflict.customerNo', { id: v as number });
    case 'tags':
      return (v as string[]).join('、');
    default:
      if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
      return String(v as string | number);
  }
}

/** customerForm label keys, per field (budget and preference labels are named for the form, not the API). */
const labelKey = {
  name: 'name',
  gender: 'gender',
  birthday: 'birthday',
  mobile: 'mobile',
  mobile2: 'mobile2',
  wechat: 'wechat',
  idNumber: 'idNumber',
  district: 'district',
  address: 'address',
  occupation: 'occupation',
  industry: 'industry',
  employer: 'employer',
  isCompany: 'isCompany',
  contactPerson: 'contactPerson',
  contactTitle: 'contactTitle',
  sourceChannel: 'sourceChannel',
  referrerId: 'referrerId',
  stage: 'stage',
  leadGrade: 'leadGrade',
  purchaseNeed: 'purchaseNeed',
  budgetFen: 'budget',
  currentCar: 'currentCar',
  outcomeReason: 'outcomeReason',
  lostReasonCategory: 'lostReasonCategory',
  doNotContact: 'doNotContact',
  tags: 'tags',
  notes: 'notes',
  'preferences.contactChannel': 'contactChannel',
  'preferences.contactTime': 'contactTime',
  'preferences.color': 'color',
  'preferences.note': 'preferenceNote',
} as const satisfies Record<DiffKey, string>;

export function fieldLabel(t: TFunction, key: DiffKey): string {
  return t(`customerForm.${labelKey[key]}`);
}

/** The keys the editor changed relative to the copy they started from. */
export function changedByMe(t: TFunction, base: CustomerDetail, mine: CustomerFormOutput): DiffKey[] {
  return diffKeys.filter((key) => displayValue(t, key, base) !== displayValue(t, key, mine));
}
