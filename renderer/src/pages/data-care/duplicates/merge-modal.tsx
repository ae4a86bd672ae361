import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Input, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair } from '../../../../../electron/contract/duplicates';
import { api } from '../../../api';
import { errorMessage } from '../../../forms/apply-server-errors';
import { customerKeys } from '../../customers/customer-keys';
import { MergeCompare } from './merge-compare';
import { useMergeFacts } from './use-merge-facts';

interface MergeModalProps {
  pair: DuplicatePair;
  onClose: () => void;
}

const reasonMax = 200;

/**
 * 合并客户: staff pick the card that stays, see what moves, and confirm. Mounted per pair (keyed by the
 * caller), so the choice and the reason start fresh for every pair.
 */
export function MergeModal({ pair, onClose }: MergeModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  // The older card is usually the one with the history; staff change it when not.
  const [survivorId, setSurvivorId] = useState(pair.a.id);
  const [reason, setReason] = useState('');
  const a = useMergeFacts(pair.a.id);
  const b = useMergeFacts(pair.b.id);

  const merge = useMutation({
    mutationFn: (input: { survivorId: number; mergedId: number; reason: string }) =>
      api.call('customers.merge', {
        survivorId: input.survivorId,
        mergedId: input.mergedId,
        reason: input.reason.trim() || null,
      }),
    onSuccess: (_result, input) => {
      const name = (id: number) => (id === pair.a.id ? pair.a.name : pair.b.name);
      void message.success(
        t('dataCare.duplicates.modal.done', {
          merged: name(input.mergedId),
          survivor: name(input.survivorId),
        }),
      );
      // Lists, the scan and the merge log all live under customers.
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onClose();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const facts = a.data && b.data ? ([a.data, b.data] as const) : null;
  const survivor = facts?.find((f) => f.card.customer.id === survivorId);
  const merged = facts?.find((f) => f.card.customer.id !== survivorId);
  const loadError = a.error ?? b.error;

  return (
    <Modal
      open
      title={t('dataCare.duplicates.modal.title')}
      width={860}
      onCancel={onClose}
      okText={t('dataCare.duplicates.modal.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !survivor || !merged, loading: merge.isPending }}
      onOk={() => {
        if (survivor && merged)
          merge.mutate({
            survivorId: survivor.card.customer.id,
            mergedId: merged.card.customer.id,
            reason,
          });
      }}
      className="merge-modal"
      // Header and buttons stay on screen at 1280×800; only the comparison scrolls if it must.
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 172px)', overflowY: 'auto' } }}
    >
      {loadError ? (
        <Alert
          type="error"
          showIcon
          title={t('dataCare.duplicates.modal.loadFailed')}
          description={errorMessage(loadError)}
        />
      ) : !facts ? (
        <div className="merge-modal-loading">
          <Spin />
        </div>
      ) : (
        <div className="merge-modal-body">
          <Typography.Text type="secondary">{t('dataCare.duplicates.modal.keepHint')}</Typography.Text>
          <MergeCompare
            facts={[facts[0], facts[1]]}
            survivorId={survivorId}
            onSurvivorChange={setSurvivorId}
          />
          {survivor && merged && (
            <Alert
              type="info"
              showIcon
              className="merge-move-alert"
              title={
                <>
                  <div>
                    {t('dataCare.duplicates.modal.moveText', {
                      survivor: survivor.card.customer.name,
                      survivorId: survivor.card.customer.id,
                      merged: merged.card.customer.name,
                      mergedId: merged.card.customer.id,
                      vehicles: merged.card.vehicles.length,
                      visits: merged.more
                        ? t('dataCare.duplicates.modal.more', { count: merged.visits })
                        : merged.visits,
                      contacts: merged.more
                        ? t('dataCare.duplicates.modal.more', { count: merged.contacts })
                        : merged.contacts,
                    })}
                  </div>
                  <div className="merge-undo-hint">{t('dataCare.duplicates.modal.undoHint')}</div>
                </>
              }
            />
          )}
          <label className="merge-reason">
            <span className="merge-reason-label">{t('dataCare.duplicates.modal.reason')}</span>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={reasonMax}
              showCount
              autoSize={{ minRows: 1, maxRows: 3 }}
              placeholder={t('dataCare.duplicates.modal.reasonPlaceholder')}
            />
          </label>
        </div>
      )}
    </Modal>
  );
}
