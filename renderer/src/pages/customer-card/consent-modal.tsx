import { App as AntApp, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { consentChannels, type consentPurposes } from '../../../../electron/contract/customers';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';

type Purpose = (typeof consentPurposes)[number];
type Channel = (typeof consentChannels)[number];

interface ConsentModalProps {
  customer: CustomerDetail;
  purpose: Purpose;
  onClose: () => void;
  onSaved: () => void;
}

/** Records the customer's answer for one purpose, dated now, with how it was given (PIPL wants both). */
export function ConsentModal({ customer, purpose, onClose, onSaved }: ConsentModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const previous = customer.consents[purpose];
  const [granted, setGranted] = useState<boolean>(previous?.granted ?? true);
  const [channel, setChannel] = useState<Channel>(previous?.channel ?? 'in_person');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await api.call('customers.setConsent', { customerId: customer.id, purpose, granted, channel });
      void message.success(t('card.consent.saved'));
      onSaved();
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('card.consent.modalTitle', { purpose: t(`card.enums.consentPurpose.${purpose}`) })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      width={460}
    >
      <Form layout="vertical" component={false}>
        <Form.Item label={t('card.consent.answer')}>
          <Radio.Group
            value={granted}
            onChange={(e) => setGranted(e.target.value as boolean)}
            options={[
              { value: true, label: t('card.consent.status.granted') },
              { value: false, label: t('card.consent.status.refused') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('card.consent.channel')} htmlFor="consent-channel">
          <Select
            id="consent-channel"
            value={channel}
            onChange={setChannel}
            options={consentChannels.map((c) => ({ value: c, label: t(`card.enums.consentChannel.${c}`) }))}
          />
        </Form.Item>
        <p className="modal-hint">{t('card.consent.hint')}</p>
      </Form>
    </Modal>
  );
}
