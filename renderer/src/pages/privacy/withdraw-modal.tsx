import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Checkbox, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, ConsentPurpose } from '../../../../electron/contract/consent';
import {
  consentChannelLabels,
  consentChannels,
  consentPurposeLabels,
  consentPurposes,
} from '../../../../electron/contract/consent';
import type {
  SubjectRequestChannel,
  SubjectRequestDetail,
} from '../../../../electron/contract/subject-requests';
import { api, ApiCallError } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';

/** How the request came in, as the consent ledger names it (a letter or an e-mail is written: 纸质). */
const ledgerChannel: Record<SubjectRequestChannel, ConsentChannel> = {
  in_person: 'in_person',
  phone: 'phone',
  letter: 'paper',
  email: 'paper',
  wechat: 'wechat',
  other: 'in_person',
};

/** 撤回同意: the purposes the person withdraws, recorded on the ledger as theirs; main closes the request. */
export function WithdrawModal({ request, onClose }: { request: SubjectRequestDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [purposes, setPurposes] = useState<ConsentPurpose[]>([]);
  const [channel, setChannel] = useState<ConsentChannel>(ledgerChannel[request.channel]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await api.call('subjectRequests.withdrawConsent', {
        id: request.id,
        version: request.version,
        purposes,
        channel,
      });
      // The card's consents and its call-backs changed too.
      await queryClient.invalidateQueries();
      void message.success(t('subjectRequests.withdraw.done'));
      onClose();
    } catch (e) {
      const field = e instanceof ApiCallError ? e.fieldErrors.purposes : undefined;
      if (field) setError(field);
      else void message.error(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('subjectRequests.withdraw.title', { id: request.id })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('subjectRequests.withdraw.ok')}
      okButtonProps={{ loading: saving }}
      width={520}
    >
      <Alert
        type="info"
        showIcon
        title={t('subjectRequests.withdraw.hint', { id: request.id })}
        className="modal-alert"
      />
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('subjectRequests.withdraw.purposes')}
          required
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Checkbox.Group<ConsentPurpose>
            value={purposes}
            onChange={(v) => {
              setPurposes(v);
              setError(null);
            }}
            options={consentPurposes.map((p) => ({ value: p, label: consentPurposeLabels[p] }))}
          />
        </Form.Item>
        <Form.Item label={t('subjectRequests.withdraw.channel')} htmlFor="withdraw-channel">
          <Select<ConsentChannel>
            id="withdraw-channel"
            value={channel}
            onChange={setChannel}
            options={consentChannels.map((c) => ({ value: c, label: consentChannelLabels[c] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
