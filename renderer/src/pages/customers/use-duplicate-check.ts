import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Control } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { api } from '../../api';
import { useDebouncedValue } from '../../search/use-debounced-value';
import type { CustomerFormValues } from './customer-form-values';

/** Waits for a pause in typing: a half-typed phone number finds nothing and costs a round trip. */
const checkDelayMs = 400;

/** While the form is filled: which live cards already have this phone, ID number or name-and-phone. */
export function useDuplicateCheck(control: Control<CustomerFormValues>, excludeId: number | undefined) {
  const [name, mobile, mobile2, idNumber] = useWatch({
    control,
    name: ['name', 'mobile', 'mobile2', 'idNumber'],
  });
  const typed = {
    name: name?.trim() || null,
    mobile: mobile?.trim() || null,
    mobile2: mobile2?.trim() || null,
    idNumber: idNumber?.trim() || null,
  };
  const input = useDebouncedValue(JSON.stringify(typed), checkDelayMs);
  const parsed = JSON.parse(input) as typeof typed;
  const worthAsking = Boolean(parsed.mobile || parsed.mobile2 || parsed.idNumber);
  return useQuery({
    queryKey: ['customers', 'checkDuplicates', excludeId ?? null, input],
    queryFn: () => api.call('customers.checkDuplicates', { ...parsed, excludeId: excludeId ?? null }),
    enabled: worthAsking,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    select: (r) => (worthAsking ? r.warnings : []),
  });
}
