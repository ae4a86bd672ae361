import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth';

export interface ExportChoice {
  unmasked: boolean;
  reason?: string;
}

interface ExportDialogProps {
  pending: boolean;
  onOk: (choice: ExportChoice) => void;
  onCancel: () => void;
}

/**
 * Before a customer file leaves the system: it says the file is masked and logged, and offers a file without
 * masks, with a reason, to those holding customers.export_unmasked. Main decides again on its own.
 */
export function ExportDialog({ pending, onOk, onCancel }: ExportDialogProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<{ unmasked: boolean; reason: string }>();
  const unmasked = Form.useWatch('unmasked', form) === true;
  const allowed = can('customers.export_unmasked');
  const submit = () =>
    void form
      .validateFields()
      .then((v) => onOk(v.unmasked ? { unmasked: true, reason: v.reason.trim() } : { unmasked: false }));
  return (
    <Modal
      open
      title={t('personalData.export.title')}
      okText={t('personalData.export.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
      width={500}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ unmasked: false, reason: '' }}
      >
        <Alert
          type={unmasked ? 'warning' : 'info'}
          showIcon
          title={unmasked ? t('personalData.export.unmaskedHint') : t('personalData.export.maskedNote')}
          style={{ marginBottom: 12 }}
        />
        {allowed && (
          <>
            <Form.Item name="unmasked" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('personalData.export.unmasked')}</Checkbox>
            </Form.Item>
            {unmasked && (
              <Form.Item
                name="reason"
                label={t('personalData.export.reason')}
                rules={[
                  {
                    validator: (_, v: string | undefined) =>
                      (v ?? '').trim().length >= 2
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('personalData.export.reasonRequired'))),
                  },
                ]}
              >
                <Input.TextArea
                  autoFocus
                  rows={2}
                  maxLength={200}
                  placeholder={t('personalData.export.reasonPlaceholder')}
                />
              </Form.Item>
            )}
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('personalData.export.auditNote')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
