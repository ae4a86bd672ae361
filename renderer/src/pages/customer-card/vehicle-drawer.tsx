import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import type { BaseSyntheticEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { optionalDate } from '../../../../electron/contract/fields';
import type { VehicleDetail, VinTakenDetails } from '../../../../electron/contract/vehicles';
import { energies, finances, vehicleFields } from '../../../../electron/contract/vehicles';
import { api, ApiCallError } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { blankMessages } from '../../forms/blank-messages';
import { ConflictDialog } from '../../forms/conflict-dialog';
import type { ConflictChoice, ConflictState } from '../../forms/conflict-rows';
import { conflictDetails, conflictRows, resolveValues } from '../../forms/conflict-rows';
import { DateInput } from '../../forms/date-input';
import { FormField } from '../../forms/form-field';
import { fenToYuan, formatFen, yuanInputFormatter, yuanToFen } from '../../format/money';
import { formatPlate } from '../../../../electron/common/plate';
import { ThreeGuaranteeChip } from './three-guarantee-chip';
import { TransferModal } from './transfer-modal';

/** main's vehicle fields plus, when adding, the day the customer took the car (a used car bought elsewhere). */
const vehicleForm = vehicleFields.extend({ acquiredOn: optionalDate });
type VehicleFormValues = z.input<typeof vehicleForm>;
type VehicleFormOutput = z.output<typeof vehicleForm>;

const formFields = Object.keys(vehicleForm.shape) as FieldPath<VehicleFormValues>[];

function toForm(v: VehicleDetail | null): VehicleFormValues {
  return {
    vin: v?.vin ?? '',
    plate: v?.plate ? formatPlate(v.plate) : '',
    brand: v?.brand ?? '',
    series: v?.series ?? '',
    model: v?.model ?? '',
    color: v?.color ?? '',
    energy: v?.energy ?? 'fuel',
    deliveryDate: v?.deliveryDate ?? null,
    priceFen: v?.priceFen ?? null,
    mileageKm: v?.mileageKm ?? null,
    insuranceExpiry: v?.insuranceExpiry ?? null,
    finance: v?.finance ?? null,
    acquiredOn: null,
  };
}

/** The vehicle form's fields in its order, with their label keys (card.vehicleForm; price and mileage by their form names). */
const conflictLabels = {
  vin: 'vin',
  plate: 'plate',
  brand: 'brand',
  series: 'series',
  color: 'color',
  model: 'model',
  energy: 'energy',
  deliveryDate: 'deliveryDate',
  priceFen: 'price',
  mileageKm: 'mileage',
  insuranceExpiry: 'insuranceExpiry',
  finance: 'finance',
} as const;
type ConflictKey = keyof typeof conflictLabels;
const conflictKeys = Object.keys(conflictLabels) as ConflictKey[];

/** A value of the vehicle form as staff read it, for the conflict dialog. */
function showField(t: TFunction, key: ConflictKey, v: VehicleFormValues): string {
  const value = v[key];
  if (value === null || value === undefined || value === '') return t('common.none');
  if (key === 'energy') return t(`card.enums.energy.${value as VehicleDetail['energy']}`);
  if (key === 'finance') return t(`card.enums.finance.${value as NonNullable<VehicleDetail['finance']>}`);
  if (key === 'priceFen') return formatFen(value as number);
  if (key === 'mileageKm') return `${String(value)} km`;
  return String(value);
}

/** A VIN on file comes back with whose card has it; anything else is another kind of conflict. */
function vinTaken(error: unknown): VinTakenDetails | null {
  if (!(error instanceof ApiCallError) || error.kind !== 'conflict') return null;
  const details = error.details as Partial<VinTakenDetails> | undefined;
  return details?.reason === 'vin_taken' ? (details as VinTakenDetails) : null;
}

interface VehicleDrawerProps {
  customerId: number;
  /** The card's customer, offered as the new owner when the VIN turns out to be on someone else's card. */
  customerName: string;
  /** The store's today, for the transfer date. */
  today: string;
  /** null adds a new car to the customer. */
  vehicle: VehicleDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit a car; VIN and plate are checked by the same rules main applies (check digit, plate format). */
export function VehicleDrawer({
  customerId,
  customerName,
  today,
  vehicle,
  onClose,
  onSaved,
}: VehicleDrawerProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const formId = useId();
  const [taken, setTaken] = useState<{ details: VinTakenDetails; vin: string } | null>(null);
  const [transferring, setTransferring] = useState(false);
  // The copy the next save is made against: the one loaded, or the one a conflict showed.
  const against = useRef(vehicle);
  const [conflict, setConflict] = useState<(ConflictState & { current: VehicleDetail }) | null>(null);
  const { control, handleSubmit, formState, setError, getValues, reset } = useForm<
    VehicleFormValues,
    unknown,
    VehicleFormOutput
  >({
    resolver: zodResolver(vehicleForm, {
      error: blankMessages({
        brand: t('card.vehicleForm.brandRequired'),
        series: t('card.vehicleForm.seriesRequired'),
      }),
    }),
    defaultValues: toForm(vehicle),
  });

  // handleSubmit is called on the event, not in render: the save reads the copy it is made against.
  const save = async ({ acquiredOn, ...fields }: VehicleFormOutput) => {
    setTaken(null);
    try {
      // The car as loaded goes along: a stale save merges unless someone changed the same field.
      const loaded = against.current;
      if (loaded)
        await api.call('vehicles.update', {
          id: loaded.id,
          version: loaded.version,
          base: loaded,
          fields,
        });
      else await api.call('vehicles.create', { customerId, fields, acquiredOn });
      void message.success(vehicle ? t('card.vehicleForm.updated') : t('card.vehicleForm.created'));
      onSaved();
      onClose();
    } catch (error) {
      const onFile = vinTaken(error);
      if (onFile) {
        setTaken({ details: onFile, vin: fields.vin });
        applyServerErrors(error, setError, formFields, 'fields.');
        return;
      }
      const stale = against.current ? conflictDetails<VehicleDetail>(error) : null;
      if (stale && against.current) {
        // Someone saved this car meanwhile and changed a field this editor changed too: let them decide.
        const rows = conflictRows(
          conflictKeys,
          (key) => t(`card.vehicleForm.${conflictLabels[key]}`),
          (key, v: VehicleFormValues) => showField(t, key, v),
          { was: toForm(against.current), mine: getValues(), theirs: toForm(stale.current) },
        );
        setConflict({ ...stale, rows });
        return;
      }
      if (!applyServerErrors(error, setError, formFields, 'fields.')) void message.error(errorMessage(error));
    }
  };
  const submit = (e?: BaseSyntheticEvent) => handleSubmit(save)(e);

  const text = (
    name: 'vin' | 'plate' | 'brand' | 'series' | 'model' | 'color',
    span: number,
    required = false,
    extra?: string,
  ) => (
    <Col span={span}>
      <FormField
        control={control}
        name={name}
        label={t(`card.vehicleForm.${name}`)}
        required={required}
        extra={extra}
        render={(field, id) => (
          <Input
            id={id}
            ref={field.ref}
            name={field.name}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            className={name === 'vin' ? 'mono' : undefined}
          />
        )}
      />
    </Col>
  );
  const date = (name: 'deliveryDate' | 'insuranceExpiry' | 'acquiredOn', extra?: string) => (
    <Col span={12}>
      <FormField
        control={control}
        name={name}
        label={t(`card.vehicleForm.${name}`)}
        extra={extra}
        render={(field, id) => (
          <DateInput id={id} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
        )}
      />
    </Col>
  );
  const owner = taken?.details.owner ?? null;

  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!conflict) return;
    const values = resolveValues(getValues(), toForm(conflict.current), choices);
    against.current = conflict.current;
    reset(values);
    setConflict(null);
    void submit();
  };
  const loadLatest = () => {
    if (!conflict) return;
    against.current = conflict.current;
    reset(toForm(conflict.current));
    setConflict(null);
    void message.info(t('conflict.loaded'));
  };

  return (
    <Drawer
      open
      title={
        vehicle
          ? t('card.vehicleForm.editTitle', { plate: formatPlate(vehicle.plate ?? vehicle.vin) })
          : t('card.vehicleForm.createTitle')
      }
      size={640}
      extra={vehicle && <ThreeGuaranteeChip watch={vehicle.threeGuarantee} />}
      onClose={onClose}
      mask={{ closable: false }}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {taken && (
        <Alert
          type="warning"
          showIcon
          className="vin-taken"
          data-testid="vin-taken"
          title={taken.details.fields.vin}
          description={t('card.vehicleForm.vinTaken.hint', { name: customerName })}
          action={
            <Space orientation="vertical" size={8}>
              <Button type="primary" size="small" onClick={() => setTransferring(true)}>
                {t('card.vehicleForm.vinTaken.transfer', { name: customerName })}
              </Button>
              {owner && (
                <Button size="small" onClick={() => void navigate(`/customers/${owner.id}`)}>
                  {t('card.vehicleForm.vinTaken.openOwner')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      {taken && transferring && (
        <TransferModal
          vehicle={{
            id: taken.details.vehicleId,
            version: taken.details.vehicleVersion,
            plate: taken.details.plate,
            vin: taken.vin,
          }}
          fromName={owner ? owner.maskedName : t('card.vehicleForm.vinTaken.noOwner')}
          to={{ id: customerId, name: customerName }}
          today={today}
          onClose={() => setTransferring(false)}
          onSaved={() => {
            onSaved();
            onClose();
          }}
        />
      )}
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} className="customer-form">
          <Row gutter={16}>
            {text('vin', 14, true, t('card.vehicleForm.vinHint'))}
            {text('plate', 10, false, t('card.vehicleForm.plateHint'))}
            {text('brand', 8, true)}
            {text('series', 8, true)}
            {text('color', 8)}
            {text('model', 16)}
            <Col span={8}>
              <FormField
                control={control}
                name="energy"
                label={t('card.vehicleForm.energy')}
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    options={energies.map((e) => ({ value: e, label: t(`card.enums.energy.${e}`) }))}
                  />
                )}
              />
            </Col>
            {date('deliveryDate')}
            <Col span={12}>
              <FormField
                control={control}
                name="priceFen"
                label={t('card.vehicleForm.price')}
                render={(field, id) => (
                  <InputNumber<number>
                    id={id}
                    ref={field.ref}
                    className="full-width"
                    prefix="¥"
                    min={0}
                    max={100_000_000}
                    precision={0}
                    formatter={yuanInputFormatter}
                    value={fenToYuan(field.value)}
                    onChange={(v) => field.onChange(yuanToFen(v))}
                    onBlur={field.onBlur}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="mileageKm"
                label={t('card.vehicleForm.mileage')}
                extra={vehicle ? t('card.vehicleForm.mileageHint') : undefined}
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
                    onChange={(v) => field.onChange(v ?? null)}
                    onBlur={field.onBlur}
                  />
                )}
              />
            </Col>
            {date('insuranceExpiry')}
            <Col span={12}>
              <FormField
                control={control}
                name="finance"
                label={t('card.vehicleForm.finance')}
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value ?? undefined}
                    onChange={(v) => field.onChange(v ?? null)}
                    allowClear
                    placeholder={t('customerForm.pick')}
                    options={finances.map((f) => ({ value: f, label: t(`card.enums.finance.${f}`) }))}
                  />
                )}
              />
            </Col>
            {!vehicle && date('acquiredOn', t('card.vehicleForm.acquiredOnHint'))}
          </Row>
        </Form>
      </form>
      <ConflictDialog
        conflict={conflict}
        what={t('card.vehicleForm.conflictWhat')}
        onResolve={resolve}
        onLoadLatest={loadLatest}
        onCancel={() => setConflict(null)}
      />
    </Drawer>
  );
}
