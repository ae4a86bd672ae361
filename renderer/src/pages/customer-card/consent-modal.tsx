import { Alert, App as AntApp, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, ConsentPurpose } from '../../../../electron/contract/consent';
import { consentChannels, consentEvidenceMax } from '../../../../electron/contract/consent';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';

interface ConsentModalProps {
  customer: CustomerDetail;
  purpose: ConsentPurpose;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Records the customer's answer for one purpose, dated now, with how it was given and the evidence (paper
 * form number, call recording id): PIPL wants consent to be provable later, and the ledger keeps every answer.
 */
export function ConsentModal({ customer, purpose, onClose, onSaved }: ConsentModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const previous = customer.consents[purpose];
  const [granted, setGranted] = useState<boolean>(previous?.granted ?? true);
  const [channel, setChannel] = useState<ConsentChannel>(previous?.channel ?? 'in_person');
  const [evidence, setEvidence] = useState('');
  const [saving, setSaving] = useState(false);
  const purposeLabel = t(`card.enums.consentPurpose.${purpose}`);
  const withdrawing = previous?.granted === true && !granted;

  const save = async () => {
    setSaving(true);
    try {
      await api.call('customers.setConsent', {
        customerId: customer.id,
        purpose,
        granted,
        channel,
        evidence,
      });
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
      title={t('card.consent.modalTitle', { purpose: purposeLabel })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      width={480}
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
        <Form.Item label={t('card.consent.evidence')} htmlFor="consent-evidence">
          <Input
            id="consent-evidence"
            value={evidence}
            maxLength={consentEvidenceMax}
            placeholder={t('card.consent.evidencePlaceholder')}
            onChange={(e) => setEvidence(e.target.value)}
          />
        </Form.Item>
        {withdrawing && (
          <Alert
            type="warning"
            showIcon
            className="consent-withdraw-warning"
            title={t('card.consent.withdrawWarning', { purpose: purposeLabel })}
          />
        )}
        <p className="modal-hint">{t('card.consent.hint')}</p>
      </Form>
    </Modal>
  );
}
