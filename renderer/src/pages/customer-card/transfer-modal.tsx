import { Alert, App as AntApp, DatePicker, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { fromIsoDate, toIsoDate } from '../../format/date';
import type { PickedCustomer } from '../../search/customer-picker';
import { CustomerPicker } from '../../search/customer-picker';
import { plateText } from './card-format';

interface TransferModalProps {
  vehicle: VehicleDetail;
  fromCustomer: CustomerDetail;
  today: string;
  onClose: () => void;
  onSaved: (toCustomerId: number) => void;
}

/** Sells the car on to another customer: its history goes with it, each person keeps their own consent. */
export function TransferModal({ vehicle, fromCustomer, today, onClose, onSaved }: TransferModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [to, setTo] = useState<PickedCustomer | null>(null);
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
        title={t('card.transfer.explain', { from: fromCustomer.name })}
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
            excludeId={fromCustomer.id}
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
          <DatePicker
            id="transfer-date"
            className="full-width"
            value={fromIsoDate(date)}
            onChange={(d) => setDate(toIsoDate(d))}
            disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
