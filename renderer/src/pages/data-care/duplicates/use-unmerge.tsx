import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../../../api';
import { errorMessage } from '../../../forms/apply-server-errors';
import { customerKeys } from '../../customers/customer-keys';

interface UnmergeRequest {
  mergeId: number;
  survivorName: string;
  mergedName: string;
  force: boolean;
}

/** Main refuses an undo that would discard later edits unless forced; those are the only conflicts force fixes. */
function offersForce(error: unknown): boolean {
  if (!(error instanceof ApiCallError) || error.kind !== 'conflict') return false;
  const details = error.details as { edited?: unknown } | undefined;
  return Array.isArray(details?.edited);
}

/**
 * 撤销合并. When rows the merge touched were edited since, main says which; staff then read the warning and
 * may undo anyway (强制撤销), knowing those later edits are lost.
 */
export function useUnmerge() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const unmerge = useMutation({
    mutationFn: (r: UnmergeRequest) => api.call('customers.unmerge', { mergeId: r.mergeId, force: r.force }),
    onSuccess: (_result, r) => {
      void message.success(
        t('dataCare.duplicates.log.unmerged', { survivor: r.survivorName, merged: r.mergedName }),
      );
    },
    onError: (error, r) => {
      if (offersForce(error) && !r.force) {
        void modal.confirm({
          title: t('dataCare.duplicates.log.conflictTitle'),
          width: 520,
          content: (
            <div className="unmerge-conflict">
              <p>{errorMessage(error)}</p>
              <Alert type="warning" showIcon title={t('dataCare.duplicates.log.forceWarning')} />
            </div>
          ),
          okText: t('dataCare.duplicates.log.force'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => unmerge.mutateAsync({ ...r, force: true }).catch(() => undefined),
        });
        return;
      }
      void modal.error({ title: t('dataCare.duplicates.log.failedTitle'), content: errorMessage(error) });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
  return unmerge;
}
