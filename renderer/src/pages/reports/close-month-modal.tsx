import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SnapshotMeta } from '../../../../electron/contract/reports';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { reportKeys } from './report-keys';

/**
 * 月结: freezes the month's pack. A month already closed is closed again only with a reason (main refuses
 * without one and logs it); the modal asks for it up front.
 */
export function CloseMonthModal({
  month,
  closed,
  open,
  onClose,
}: {
  month: string;
  closed: SnapshotMeta | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const close = useMutation({
    mutationFn: (reason: string | undefined) => api.call('reports.close', { month, reason }),
    onSuccess: async (meta) => {
      void message.success(t('reports.closeModal.done', { month: meta.month, revision: meta.revision }));
      form.resetFields();
      onClose();
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
  return (
    <Modal
      open={open}
      title={closed ? t('reports.closeModal.reTitle', { month }) : t('reports.closeModal.title', { month })}
      okText={t('reports.closeModal.ok')}
      confirmLoading={close.isPending}
      onCancel={onClose}
      onOk={() => {
        void form.validateFields().then((v) => close.mutate(v.reason?.trim() || undefined));
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {closed
          ? t('reports.closeModal.reBody', { month, revision: closed.revision })
          : t('reports.closeModal.body')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        {closed && (
          <Form.Item
            name="reason"
            label={t('reports.closeModal.reason')}
            rules={[{ required: true, whitespace: true, message: t('reports.closeModal.reasonRequired') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={t('reports.closeModal.reasonPlaceholder')}
            />
          </Form.Item>
        )}
      </Form>
      {close.error && <Typography.Text type="danger">{errorMessage(close.error)}</Typography.Text>}
    </Modal>
  );
}
