import type { TFunction } from 'i18next';
import type { FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import type {
  CustomerDetail,
  CustomerFieldsInput,
  customerFields,
} from '../../../../electron/contract/customers';

export type CustomerFormValues = CustomerFieldsInput;
export type CustomerFormOutput = z.output<typeof customerFields>;

/**
 * Blank text stays '' while typing; the shared schema turns blanks into null on submit, as main expects.
 * Every field of the schema is here: an edit sends the whole card, so a field left out would be erased.
 */
export const emptyCustomer: CustomerFormValues = {
  name: '',
  gender: null,
  birthday: null,
  mobile: '',
  mobile2: '',
  wechat: '',
  district: '',
  address: '',
  idNumber: '',
  occupation: '',
  industry: '',
  employer: '',
  isCompany: false,
  contactPerson: '',
  contactTitle: '',
  sourceChannel: 'walk_in',
  referrerId: null,
  stage: 'lead',
  leadGrade: null,
  purchaseNeed: '',
  budgetFen: null,
  currentCar: '',
  outcomeReason: '',
  lostReasonCategory: null,
  doNotContact: false,
  tags: [],
  preferences: { contactChannel: null, contactTime: '', color: '', note: '' },
  notes: '',
};

/** A saved card as form values: nulls become '' in text inputs so "unchanged" really compares equal. */
export function customerToForm(c: CustomerDetail): CustomerFormValues {
  return {
    name: c.name,
    gender: c.gender,
    birthday: c.birthday,
    mobile: c.mobile ?? '',
    mobile2: c.mobile2 ?? '',
    wechat: c.wechat ?? '',
    district: c.district ?? '',
    address: c.address ?? '',
    idNumber: c.idNumber ?? '',
    occupation: c.occupation ?? '',
    industry: c.industry ?? '',
    employer: c.employer ?? '',
    isCompany: c.isCompany,
    contactPerson: c.contactPerson ?? '',
    contactTitle: c.contactTitle ?? '',
    sourceChannel: c.sourceChannel,
    referrerId: c.referrerId,
    stage: c.stage,
    leadGrade: c.leadGrade,
    purchaseNeed: c.purchaseNeed ?? '',
    budgetFen: c.budgetFen,
    currentCar: c.currentCar ?? '',
    outcomeReason: c.outcomeReason ?? '',
    lostReasonCategory: c.lostReasonCategory,
    doNotContact: c.doNotContact,
    tags: [...c.tags],
    preferences: {
      contactChannel: c.preferences.contactChannel,
      contactTime: c.preferences.contactTime ?? '',
      color: c.preferences.color ?? '',
      note: c.preferences.note ?? '',
    },
    notes: c.notes ?? '',
  };
}

/** Tags carry no messages of their own in the shared schema; say what is wrong in words staff use. */
export function customerErrorMap(t: TFunction): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.path?.[0] !== 'tags' || issue.code !== 'too_big') return undefined;
    return issue.origin === 'array' ? t('customerForm.tooManyTags') : t('customerForm.tagTooLong');
  };
}

export const customerFormFields = [
  ...Object.keys(emptyCustomer).filter((k) => k !== 'preferences'),
  'preferences.contactChannel',
  'preferences.contactTime',
  'preferences.color',
  'preferences.note',
] as FieldPath<CustomerFormValues>[];
