import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Divider, Form, InputNumber, Modal } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';
import { visitCreateInput, visitTypes } from '../../../../electron/contract/vehicles';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { DateInput } from '../../forms/date-input';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { yuanInputFormatter } from '../../format/money';
import { formatKm, plateText } from './card-format';
import { repairFieldDescriptors, useRepairState } from './visit-repair-fields';

type VisitValues = z.input<typeof visitCreateInput>;
type VisitOutput = z.output<typeof visitCreateInput>;
const formFields = Object.keys(visitCreateInput.shape) as FieldPath<VisitValues>[];

interface VisitModalProps {
  vehicles: VehicleDetail[];
  initialVehicleId: number | null;
  /** The store's date: visits are recorded on the day they happen, usually today. */
  today: string;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Records a service visit; main refuses a mileage below an earlier reading and says which one. A repair or a
 * recall also takes its 三包 facts (system, fault, out date, main part, safety), described in
 * visit-repair-fields.tsx and shared with the edit form.
 */
export function VisitModal({ vehicles, initialVehicleId, today, onClose, onSaved }: VisitModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const formId = useId();
  const { control, handleSubmit, formState, setError, setValue } = useForm<VisitValues, unknown, VisitOutput>(
    {
      resolver: zodResolver(visitCreateInput, {
        error: (issue) =>
          issue.path?.[0] === 'mileageKm' && issue.code === 'invalid_type'
            ? t('card.visitForm.mileageRequired')
            : undefined,
      }),
      defaultValues: {
        vehicleId: initialVehicleId ?? vehicles[0]?.id ?? 0,
        visitDate: today,
        type: 'maintenance',
        mileageKm: undefined as unknown as number,
        amountFen: 0,
        advisor: '',
        notes: '',
        outDate: null,
        repairSystem: null,
        mainPartReplaced: false,
        mainPart: null,
        seriousSafety: false,
        faultText: null,
      },
    },
  );
  const [vehicleId, visitDate] = useWatch({ control, name: ['vehicleId', 'visitDate'] });
  const chosen = vehicles.find((v) => v.id === vehicleId);
  const repair = useRepairState(control, setValue);

  const visitFields: FieldDescriptor<VisitValues>[] = [
    {
      name: 'vehicleId',
      label: t('card.visitForm.vehicle'),
      required: true,
      widget: {
        kind: 'select',
        options: vehicles.map((v) => ({
          value: v.id,
          label: [plateText(v.plate) ?? v.vin, v.series, v.model].filter(Boolean).join(' '),
        })),
      },
    },
    {
      name: 'visitDate',
      label: t('card.visitForm.date'),
      required: true,
      span: 12,
      widget: {
        kind: 'custom',
        render: (field, id) => (
          <DateInput
            id={id}
            value={field.value as string}
            onChange={(d) => field.onChange(d ?? '')}
            disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
            allowClear={false}
          />
        ),
      },
    },
    {
      name: 'type',
      label: t('card.visitForm.type'),
      required: true,
      span: 12,
      widget: {
        kind: 'select',
        options: visitTypes.map((v) => ({ value: v, label: t(`card.enums.visitType.${v}`) })),
      },
    },
    {
      name: 'mileageKm',
      label: t('card.visitForm.mileage'),
      required: true,
      span: 8,
      extra:
        chosen?.mileageKm !== null && chosen?.mileageKm !== undefined
          ? t('card.visitForm.lastMileage', { km: formatKm(chosen.mileageKm) })
          : undefined,
      widget: {
        kind: 'custom',
        render: (field, id) => (
          <InputNumber<number>
            id={id}
            ref={field.ref}
            className="full-width"
            suffix="km"
            min={0}
            max={3_000_000}
            precision={0}
            formatter={yuanInputFormatter}
            value={(field.value as number | undefined) ?? null}
            onChange={(v) => field.onChange(v ?? undefined)}
            onBlur={field.onBlur}
          />
        ),
      },
    },
    {
      name: 'amountFen',
      label: t('card.visitForm.amount'),
      span: 8,
      widget: { kind: 'money', max: 10_000_000 },
    },
    {
      name: 'advisor',
      label: t('card.visitForm.advisor'),
      span: 8,
      widget: { kind: 'text', maxLength: 30 },
    },
    {
      name: 'notes',
      label: t('card.visitForm.notes'),
      widget: { kind: 'textarea', rows: 1, maxLength: 500 },
    },
  ];
  const repairFields = repairFieldDescriptors<VisitValues>(t, repair, visitDate || null, today);

  const submit = handleSubmit(async (values) => {
    try {
      await api.call('visits.create', values);
      void message.success(t('card.visitForm.saved'));
      onSaved();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, setError, formFields)) void message.error(errorMessage(error));
    }
  });

  return (
    <Modal
      open
      title={t('card.visitForm.title')}
      width={660}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: formState.isSubmitting }}
      mask={{ closable: false }}
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} className="customer-form">
          <DescriptorFields control={control} fields={visitFields} />
          {repair.repair && (
            <>
              <Divider titlePlacement="start" plain className="tg-form-divider">
                {t('threeGuarantee.form.section')}
              </Divider>
              <DescriptorFields control={control} fields={repairFields} />
            </>
          )}
        </Form>
      </form>
    </Modal>
  );
}
