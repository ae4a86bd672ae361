import { Alert, App as AntApp, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { DateInput } from '../../forms/date-input';
import type { PickedCustomer } from '../../search/customer-picker';
import { CustomerPicker } from '../../search/customer-picker';
import { plateText } from './card-format';

interface TransferModalProps {
  vehicle: Pick<VehicleDetail, 'id' | 'version' | 'plate' | 'vin'>;
  /** The seller as staff may see them (masked when the car was found by its VIN from another card). */
  fromName: string;
  /** The seller's card, left out of the buyer picker. */
  fromCustomerId?: number;
  /** The buyer when already known: the card the VIN was typed on. */
  to?: PickedCustomer;
  today: string;
  onClose: () => void;
  onSaved: (toCustomerId: number) => void;
}

/** Sells the car on to another customer: its history goes with it, each person keeps their own consent. */
export function TransferModal(props: TransferModalProps) {
  const { vehicle, fromName, fromCustomerId, today, onClose, onSaved } = props;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [to, setTo] = useState<PickedCustomer | null>(props.to ?? null);
  const [date, setDate] = useState<string | null>(today);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const car = plateText(vehicle.plate) ?? vehicle.vin;

  const save = async () => {
    setTried(true);
    if (!to || !date) return;
    setSaving(true);
    try {
      await api.call('vehicles.transfer', {
        id: vehicle.id,
        version: vehicle.version,
        toCustomerId: to.id,
        date,
      });
      void message.success(t('card.transfer.done', { car, name: to.name }));
      onSaved(to.id);
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('card.transfer.title', { car })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('card.transfer.confirm')}
      okButtonProps={{ loading: saving }}
      width={520}
    >
      <Alert
        type="info"
        showIcon
        className="modal-alert"
        title={t('card.transfer.explain', { from: fromName })}
      />
      <Form layout="vertical" component={false}>
        <Form.Item
          label={t('card.transfer.to')}
          required
          htmlFor="transfer-to"
          validateStatus={tried && !to ? 'error' : undefined}
          help={tried && !to ? t('card.transfer.toRequired') : t('card.transfer.toHint')}
        >
          <CustomerPicker
            id="transfer-to"
            value={to}
            onChange={setTo}
            excludeId={fromCustomerId}
            status={tried && !to ? 'error' : undefined}
          />
        </Form.Item>
        <Form.Item
          label={t('card.transfer.date')}
          required
          htmlFor="transfer-date"
          validateStatus={tried && !date ? 'error' : undefined}
          help={tried && !date ? t('card.transfer.dateRequired') : undefined}
        >
          <DateInput
            id="transfer-date"
            value={date}
            onChange={setDate}
            disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
