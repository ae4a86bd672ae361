import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../electron/contract';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';
import { visitTypes } from '../../../../electron/contract/vehicles';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { DateInput } from '../../forms/date-input';
import { FormField } from '../../forms/form-field';
import { fenToYuan, yuanInputFormatter, yuanToFen } from '../../format/money';
import { formatKm, plateText } from './card-format';

const visitForm = contract['visits.create'].input;
type VisitValues = z.input<typeof visitForm>;
type VisitOutput = z.output<typeof visitForm>;
const formFields = Object.keys(visitForm.shape) as FieldPath<VisitValues>[];

interface VisitModalProps {
  vehicles: VehicleDetail[];
  initialVehicleId: number | null;
  /** The store's date: visits are recorded on the day they happen, usually today. */
  today: string;
  onClose: () => void;
  onSaved: () => void;
}

/** Records a service visit; main refuses a mileage below an earlier reading and says which one. */
export function VisitModal({ vehicles, initialVehicleId, today, onClose, onSaved }: VisitModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const formId = useId();
  const { control, handleSubmit, formState, setError } = useForm<VisitValues, unknown, VisitOutput>({
    resolver: zodResolver(visitForm, {
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
    },
  });
  const vehicleId = useWatch({ control, name: 'vehicleId' });
  const chosen = vehicles.find((v) => v.id === vehicleId);

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
      width={620}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: formState.isSubmitting }}
      mask={{ closable: false }}
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} className="customer-form">
          <Row gutter={16}>
            <Col span={24}>
              <FormField
                control={control}
                name="vehicleId"
                label={t('card.visitForm.vehicle')}
                required
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    options={vehicles.map((v) => ({
                      value: v.id,
                      label: [plateText(v.plate) ?? v.vin, v.series, v.model].filter(Boolean).join(' '),
                    }))}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="visitDate"
                label={t('card.visitForm.date')}
                required
                render={(field, id) => (
                  <DateInput
                    id={id}
                    value={field.value}
                    onChange={(d) => field.onChange(d ?? '')}
                    disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
                    allowClear={false}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="type"
                label={t('card.visitForm.type')}
                required
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    options={visitTypes.map((v) => ({ value: v, label: t(`card.enums.visitType.${v}`) }))}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="mileageKm"
                label={t('card.visitForm.mileage')}
                required
                extra={
                  chosen?.mileageKm !== null && chosen?.mileageKm !== undefined
                    ? t('card.visitForm.lastMileage', { km: formatKm(chosen.mileageKm) })
                    : undefined
                }
                render={(field, id) => (
                  <InputNumber<number>
                    id={id}
                    ref={field.ref}
                    className="full-width"
                    suffix="km"
                    min={0}
                    max={3_000_000}
                    precision={0}
                    formatter={yuanInputFormatter}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v ?? undefined)}
                    onBlur={field.onBlur}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="amountFen"
                label={t('card.visitForm.amount')}
                render={(field, id) => (
                  <InputNumber<number>
                    id={id}
                    ref={field.ref}
                    className="full-width"
                    prefix="¥"
                    min={0}
                    max={10_000_000}
                    precision={2}
                    value={fenToYuan(field.value)}
                    onChange={(v) => field.onChange(yuanToFen(v) ?? 0)}
                    onBlur={field.onBlur}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="advisor"
                label={t('card.visitForm.advisor')}
                render={(field, id) => (
                  <Input
                    id={id}
                    ref={field.ref}
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                  />
                )}
              />
            </Col>
            <Col span={24}>
              <FormField
                control={control}
                name="notes"
                label={t('card.visitForm.notes')}
                render={(field, id) => (
                  <Input.TextArea
                    id={id}
                    ref={field.ref}
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    autoSize={{ minRows: 2, maxRows: 5 }}
                    maxLength={500}
                  />
                )}
              />
            </Col>
          </Row>
        </Form>
      </form>
    </Modal>
  );
}
