import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { formatDateTime } from '../../format/date';
import { errorMessage } from '../../forms/apply-server-errors';
import { auditKeys } from './use-audit-log';

type VerifyResult = ChannelOutput<'audit.verify'>;

/** 校验审计链 (administrators): the button, and the result as a banner that stays until the next check. */
export function useVerifyChain() {
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('audit.verify', {}),
    // The check is itself logged: the list shows it.
    onSuccess: () => void client.invalidateQueries({ queryKey: auditKeys.all }),
    onError: (error) => void message.error(errorMessage(error)),
  });
}

export function VerifyButton({
  verify,
  onStart,
}: {
  verify: ReturnType<typeof useVerifyChain>;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={() => {
        onStart();
        verify.mutate();
      }}
    >
      {verify.isPending ? t('auditLog.verifying') : t('auditLog.verify')}
    </Button>
  );
}

export function VerifyResultBanner({
  result,
  onShowBroken,
  onClose,
}: {
  result: VerifyResult;
  onShowBroken: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const at = t('auditLog.verifiedAt', { at: formatDateTime(result.verifiedAt) });
  if (result.ok) {
    return (
      <Alert
        className="audit-verify-result"
        type="success"
        showIcon
        closable={{ onClose }}
        title={t('auditLog.verifyOk', { count: result.checked })}
        description={at}
      />
    );
  }
  const broken = result.broken!;
  return (
    <Alert
      className="audit-verify-result"
      type="error"
      showIcon
      closable={{ onClose }}
      title={t('auditLog.verifyBroken', { id: broken.id })}
      description={
        <>
          <div className="audit-verify-message">{broken.message}</div>
          <div>
            {t('auditLog.verifyBrokenHint', { count: result.checked })} {at}
          </div>
        </>
      }
      action={
        broken.problem !== 'missing' ? (
          <Button size="small" onClick={() => onShowBroken(broken.id)}>
            {t('auditLog.showBroken')}
          </Button>
        ) : undefined
      }
    />
  );
}
