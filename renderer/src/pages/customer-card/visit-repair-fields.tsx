import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import type { Control, FieldPath, FieldValues, UseFormSetValue } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import type { RepairSystem } from '../../../../electron/contract/three-guarantee';
import {
  loanCarAfterDays,
  repairFactVisitTypes,
  repairSystems,
} from '../../../../electron/contract/three-guarantee';
import { DateInput } from '../../forms/date-input';
import type { FieldDescriptor } from '../../forms/field-descriptors';

/** The repair-fact fields as both visit forms hold them (the contract's names and value shapes). */
export interface RepairFormValues extends FieldValues {
  type: string;
  outDate?: string | null;
  repairSystem?: RepairSystem | null;
  mainPartReplaced?: boolean;
  mainPart?: string | null;
  seriousSafety?: boolean;
  faultText?: string | null;
}

export const isRepairType = (type: string | undefined): boolean =>
  (repairFactVisitTypes as readonly string[]).includes(type ?? '');

const cleared = {
  outDate: null,
  repairSystem: null,
  mainPartReplaced: false,
  mainPart: null,
  seriousSafety: false,
  faultText: null,
} as const;

/**
 * Watches what the repair fields depend on and clears the facts when the visit stops being a repair (the
 * contract refuses facts on a maintenance visit), and the part when it was not replaced.
 */
export function useRepairState<T extends RepairFormValues>(
  control: Control<T>,
  setValue: UseFormSetValue<T>,
) {
  const [type, replaced, outDate, system] = useWatch({
    control,
    name: ['type', 'mainPartReplaced', 'outDate', 'repairSystem'] as FieldPath<T>[],
  }) as unknown as [string, boolean | undefined, string | null | undefined, RepairSystem | null | undefined];
  const repair = isRepairType(type);
  useEffect(() => {
    if (repair) return;
    for (const [k, v] of Object.entries(cleared)) setValue(k as FieldPath<T>, v as never);
  }, [repair, setValue]);
  useEffect(() => {
    if (!replaced) setValue('mainPart' as FieldPath<T>, null as never);
  }, [replaced, setValue]);
  return { repair, replaced: Boolean(replaced), outDate: outDate ?? null, system: system ?? null };
}

/** "Day 6 still in" or "3 days in all", and the loan-car duty past day 5 (第二十一条). */
export function repairDaysHint(t: TFunction, inDate: string | null, outDate: string | null, today: string) {
  if (!inDate) return undefined;
  const end = outDate ?? today;
  const days = Math.max(1, dayjs(end).diff(dayjs(inDate), 'day') + 1);
  const text = outDate
    ? t('threeGuarantee.form.total', { count: days })
    : t('threeGuarantee.form.stillIn', { count: days });
  return (
    <span>
      {text}
      {days > loanCarAfterDays && (
        <span className="tg-form-loan" role="note">
          {' · '}
          {t('threeGuarantee.form.loanHint')}
        </span>
      )}
    </span>
  );
}

/**
 * The repair-fact fields, described once for the create and the edit form: system, fault, out date with the
 * days so far, main part (and which), serious safety. Shown only for repair and recall visits.
 */
export function repairFieldDescriptors<T extends RepairFormValues>(
  t: TFunction,
  s: { repair: boolean; replaced: boolean; system: RepairSystem | null; outDate: string | null },
  inDate: string | null,
  today: string,
): FieldDescriptor<T>[] {
  const n = (name: keyof RepairFormValues) => name as FieldPath<T>;
  const yesNo = {
    kind: 'yesNo' as const,
    yes: t('threeGuarantee.form.yes'),
    no: t('threeGuarantee.form.no'),
  };
  const facts = s.repair && s.system !== null;
  return [
    {
      name: n('repairSystem'),
      label: t('threeGuarantee.form.system'),
      span: 12,
      shown: s.repair,
      extra: t('threeGuarantee.form.systemHint'),
      widget: {
        kind: 'select',
        allowClear: true,
        placeholder: t('threeGuarantee.form.systemPlaceholder'),
        options: repairSystems.map((v) => ({ value: v, label: t(`threeGuarantee.systems.${v}`) })),
      },
    },
    {
      name: n('outDate'),
      label: t('threeGuarantee.form.outDate'),
      span: 12,
      shown: facts,
      extra: repairDaysHint(t, inDate, s.outDate, today) ?? t('threeGuarantee.form.outHint'),
      widget: {
        kind: 'custom',
        render: (field, id) => (
          <DateInput
            id={id}
            value={field.value as string | null}
            onChange={field.onChange}
            onBlur={field.onBlur}
            placeholder={t('threeGuarantee.form.outPlaceholder')}
            allowClear
            disabledDate={(d) =>
              d.isAfter(dayjs(today), 'day') || (inDate !== null && d.isBefore(dayjs(inDate), 'day'))
            }
          />
        ),
      },
    },
    {
      name: n('faultText'),
      label: t('threeGuarantee.form.faultText'),
      required: true,
      shown: facts,
      widget: {
        kind: 'textarea',
        rows: 2,
        maxLength: 500,
        placeholder: t('threeGuarantee.form.faultPlaceholder'),
      },
    },
    {
      name: n('mainPartReplaced'),
      label: t('threeGuarantee.form.mainPartReplaced'),
      span: 12,
      shown: facts,
      widget: yesNo,
    },
    {
      name: n('seriousSafety'),
      label: t('threeGuarantee.form.seriousSafety'),
      span: 12,
      shown: facts,
      extra: t('threeGuarantee.form.seriousSafetyHint'),
      widget: yesNo,
    },
    {
      name: n('mainPart'),
      label: t('threeGuarantee.form.mainPart'),
      required: true,
      shown: facts && s.replaced,
      widget: { kind: 'text', maxLength: 40, placeholder: t('threeGuarantee.form.mainPartPlaceholder') },
    },
  ];
}
