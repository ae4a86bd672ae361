import { DeleteOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, Input, List, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureLine, SubjectRequestDetail } from '../../../../electron/contract/subject-requests';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { subjectRequestsKey } from './requests-keys';

function Lines({ title, lines, tone }: { title: string; lines: ErasureLine[]; tone: 'erase' | 'keep' }) {
  const { t } = useTranslation();
  return (
    <section className={`erasure-lines erasure-${tone}`}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <List
        size="small"
        dataSource={lines}
        renderItem={(l) => (
          <List.Item>
            <div className="erasure-line">
              <div className="erasure-line-head">
                <Typography.Text strong>{l.label}</Typography.Text>
                {l.count !== null && (
                  <Typography.Text type="secondary">
                    {t('subjectRequests.erase.count', { count: l.count })}
                  </Typography.Text>
                )}
              </div>
              <Typography.Text type="secondary" className="erasure-line-detail">
                {l.detail}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}

/**
 * 匿名化删除: first what goes and what stays (and why), read from main's rules; then the customer number typed
 * to confirm — main checks it again. Irreversible, so the button stays disabled until it matches.
 */
export function ErasureModal({ request, onClose }: { request: SubjectRequestDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [saving, setSaving] = useState(false);
  const preview = useQuery({
    queryKey: [...subjectRequestsKey, 'erasurePreview', request.id, request.version],
    queryFn: () => api.call('subjectRequests.erasurePreview', { id: request.id }),
  });
  const plan = preview.data;
  const ready = plan && !plan.blockedReason && typed.trim() === plan.confirmText;

  const erase = async () => {
    if (!plan) return;
    setSaving(true);
    try {
      await api.call('subjectRequests.anonymise', {
        id: request.id,
        version: request.version,
        confirm: typed.trim(),
      });
      await queryClient.invalidateQueries({ queryKey: subjectRequestsKey });
      // Cards, lists and search results of this customer are stale now.
      await queryClient.invalidateQueries();
      void message.success(t('subjectRequests.erase.done', { name: plan.customerName }));
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('subjectRequests.erase.title', { name: request.customerName, id: request.customerId })}
      onCancel={onClose}
      onOk={() => void erase()}
      okText={t('subjectRequests.erase.ok')}
      okButtonProps={{ danger: true, disabled: !ready, loading: saving, icon: <DeleteOutlined /> }}
      width={760}
      style={{ top: 24 }}
      className="erasure-modal"
    >
      {preview.isPending && <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 6 }} />}
      {preview.isError && <Alert type="error" showIcon title={errorMessage(preview.error)} />}
      {plan?.blockedReason && (
        <Alert
          type="warning"
          showIcon
          title={t('subjectRequests.erase.blocked')}
          description={plan.blockedReason}
        />
      )}
      {plan && !plan.blockedReason && (
        <>
          <Alert
            type="error"
            showIcon
            title={t('subjectRequests.erase.irreversible')}
            description={
              <>
                {t('subjectRequests.erase.irreversibleHint')}
                {plan.mergedCardIds.length > 0 && (
                  <div>{t('subjectRequests.erase.mergedCards', { ids: plan.mergedCardIds.join('、') })}</div>
                )}
              </>
            }
            className="modal-alert"
          />
          <div className="erasure-columns">
            <Lines title={t('subjectRequests.erase.willErase')} lines={plan.erase} tone="erase" />
            <Lines title={t('subjectRequests.erase.willKeep')} lines={plan.keep} tone="keep" />
          </div>
          <Form layout="vertical" component="div" className="erasure-confirm">
            <Form.Item
              label={t('subjectRequests.erase.confirmLabel', { text: plan.confirmText })}
              htmlFor="erase-confirm"
            >
              <Input
                id="erase-confirm"
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onPressEnter={() => {
                  if (ready) void erase();
                }}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
