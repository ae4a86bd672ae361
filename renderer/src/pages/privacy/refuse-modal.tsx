import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectRequestDetail } from '../../../../electron/contract/subject-requests';
import { api, ApiCallError } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { subjectRequestsKey } from './requests-keys';

/** Refusing a request needs its reason (PIPL art. 50); main refuses a blank one too. */
export function RefuseModal({ request, onClose }: { request: SubjectRequestDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const refuse = async () => {
    setSaving(true);
    try {
      await api.call('subjectRequests.transition', {
        id: request.id,
        version: request.version,
        to: 'refused',
        reason,
      });
      await queryClient.invalidateQueries({ queryKey: subjectRequestsKey });
      void message.success(t('subjectRequests.refuse.done', { id: request.id }));
      onClose();
    } catch (e) {
      const field = e instanceof ApiCallError ? e.fieldErrors.reason : undefined;
      if (field) setError(field);
      else void message.error(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('subjectRequests.refuse.title', { id: request.id })}
      onCancel={onClose}
      onOk={() => void refuse()}
      okText={t('subjectRequests.refuse.ok')}
      okButtonProps={{ danger: true, loading: saving }}
      width={520}
    >
      <Alert type="info" showIcon title={t('subjectRequests.refuse.hint')} className="modal-alert" />
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('subjectRequests.refuse.reason')}
          required
          htmlFor="refuse-reason"
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Input.TextArea
            id="refuse-reason"
            rows={4}
            maxLength={500}
            showCount
            placeholder={t('subjectRequests.refuse.placeholder')}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
