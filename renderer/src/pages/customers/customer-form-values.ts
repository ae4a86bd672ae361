import type { TFunction } from 'i18next';
import type { FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import type { CustomerFieldsInput, customerFields } from '../../../../electron/contract/customers';

export type CustomerFormValues = CustomerFieldsInput;
export type CustomerFormOutput = z.output<typeof customerFields>;

/** Blank text stays '' while typing; the shared schema turns blanks into null on submit, as main expects. */
export const emptyCustomer: CustomerFormValues = {
  name: '',
  gender: null,
  birthday: null,
  mobile: '',
  mobile2: '',
  wechat: '',
  district: '',
  address: '',
  occupation: '',
  industry: '',
  employer: '',
  isCompany: false,
  sourceChannel: 'walk_in',
  referrerId: null,
  stage: 'lead',
  leadGrade: null,
  purchaseNeed: '',
  budgetFen: null,
  currentCar: '',
  doNotContact: false,
  tags: [],
  notes: '',
};

/** Tags carry no messages of their own in the shared schema; say what is wrong in words staff use. */
export function customerErrorMap(t: TFunction): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.path?.[0] !== 'tags' || issue.code !== 'too_big') return undefined;
    return issue.origin === 'array' ? t('customerForm.tooManyTags') : t('customerForm.tagTooLong');
  };
}

export const customerFormFields = Object.keys(emptyCustomer) as FieldPath<CustomerFormValues>[];
