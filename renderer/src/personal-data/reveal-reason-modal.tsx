import { Alert, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonalField } from '../../../electron/common/personal-mask';
import { revealReasonMax } from '../../../electron/contract/personal-data';

interface RevealReasonModalProps {
  field: PersonalField;
  /** The value as shown now (masked), so the user sees what they are about to unmask. */
  masked: string;
  pending: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why before a full value is shown; the reason goes to the audit log with the reveal. */
export function RevealReasonModal({ field, masked, pending, onOk, onCancel }: RevealReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [reason, setReason] = useState('');
  const fieldName = t(`personalData.fields.${field}`);
  const presets = t('personalData.modal.presetList', { returnObjects: true }) as string[];
  const submit = () => void form.validateFields().then((v) => onOk(v.reason.trim()));
  return (
    <Modal
      open
      title={t('personalData.modal.title', { field: fieldName })}
      okText={t('personalData.modal.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
      width={460}
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item label={t('personalData.modal.masked')}>
          <span className="pv-modal-masked cell-mono">{masked}</span>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('personalData.modal.reason')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                (v ?? '').trim().length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('personalData.modal.reasonRequired'))),
            },
          ]}
          extra={
            <div className="pv-presets">
              <span>{t('personalData.modal.presets')}：</span>
              {presets.map((p) => (
                <Tag.CheckableTag
                  key={p}
                  checked={reason === p}
                  onChange={() => {
                    setReason(p);
                    form.setFieldValue('reason', p);
                    void form.validateFields(['reason']);
                  }}
                >
                  {p}
                </Tag.CheckableTag>
              ))}
            </div>
          }
        >
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={revealReasonMax}
            placeholder={t('personalData.modal.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('personalData.modal.note')} />
    </Modal>
  );
}
