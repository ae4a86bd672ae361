import { UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { RaiseComplaintButton } from '../complaints/raise-complaint-button';
import { errorMessage } from '../../forms/apply-server-errors';
import type { RecordedSummary } from './call-panel';
import { callbackKeys } from './callback-keys';
import { formatWhen } from './callback-format';

/** Asks why, then undoes the outcome just recorded (main refuses once the day has passed or it was worked on). */
function UndoDialog({
  summary,
  onClose,
  onUndone,
}: {
  summary: RecordedSummary;
  onClose: () => void;
  onUndone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const outcome = t(`callbacks.outcomes.${summary.outcome}`);
  const undo = useMutation({
    mutationFn: () =>
      api.call('callbacks.undoOutcome', { attemptId: summary.result.attemptId, reason: reason.trim() }),
    onSuccess: async (result) => {
      void message.success(
        t(result.callResumed ? 'callbacks.recorded.undoneResumed' : 'callbacks.recorded.undone', { outcome }),
      );
      onUndone();
      await queryClient.invalidateQueries({ queryKey: callbackKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const missing = reason.trim() === '';
  const ok = () => {
    setTried(true);
    if (!missing && !undo.isPending) undo.mutate();
  };
  return (
    <Modal
      open
      title={t('callbacks.recorded.undoTitle', { outcome })}
      okText={t('callbacks.recorded.undoOk')}
      cancelText={t('callbacks.confirm.cancel')}
      onOk={ok}
      onCancel={onClose}
      confirmLoading={undo.isPending}
      className="cb-undo-dialog"
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('callbacks.recorded.undoHint')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={ok}>
        <Form.Item
          label={t('callbacks.recorded.undoReason')}
          htmlFor="cb-undo-reason"
          required
          validateStatus={tried && missing ? 'error' : undefined}
          help={tried && missing ? t('callbacks.recorded.undoReasonRequired') : undefined}
        >
          <Input
            id="cb-undo-reason"
            autoFocus
            value={reason}
            maxLength={200}
            placeholder={t('callbacks.recorded.undoReasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={ok}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What became of the call just recorded, the way on to the next one, and 撤销 for a mistake. */
export function RecordedBanner({ summary, onClose }: { summary: RecordedSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [undoing, setUndoing] = useState(false);
  const { result, outcome } = summary;
  const lines: string[] = [];
  const retry = result.tasks
    .filter((task) => task.status === 'open' && task.nextAttemptAt)
    .map((task) => task.nextAttemptAt!)
    .sort()[0];
  if (retry) lines.push(t('callbacks.recorded.retryAt', { time: formatWhen(retry) }));
  const closed = result.tasks.some((task) => task.status === 'done');
  // A failed try that still closed the task ran out of attempts.
  if (closed) {
    lines.push(
      t(
        outcome === 'no_answer' || outcome === 'busy'
          ? 'callbacks.recorded.exhausted'
          : 'callbacks.recorded.done',
      ),
    );
  }
  if (result.followUpTaskId !== null) lines.push(t('callbacks.recorded.followUp'));
  // 结案回访 answered 不满意: main reopened the ticket in the same step.
  if (result.closure?.reopened) lines.push(t('complaints.closureCall.reopened'));
  // 活动答复: main's sentence (已报名，报名号 023 / 名额已满，已列入候补第 2 位).
  if (result.event) lines.push(result.event.message);
  lines.push(t('callbacks.recorded.nextHint'));

  return (
    <>
      <Alert
        type={result.followUpTaskId !== null || result.closure?.reopened ? 'warning' : 'success'}
        showIcon
        className="cb-recorded"
        title={t('callbacks.recorded.title', {
          name: summary.customerName,
          outcome: t(`callbacks.outcomes.${outcome}`),
        })}
        description={lines.join('；')}
        action={
          <Space size={8}>
            {/* 提出投诉: the ticket opens prefilled from this call (customer, car, notes, when). */}
            {outcome === 'complaint' && (
              <RaiseComplaintButton
                size="small"
                type="primary"
                source={{ from: 'attempt', attemptId: result.attemptId }}
              />
            )}
            <Button size="small" icon={<UndoOutlined />} onClick={() => setUndoing(true)}>
              {t('callbacks.recorded.undo')}
            </Button>
          </Space>
        }
        closable={{ onClose }}
      />
      {undoing && <UndoDialog summary={summary} onClose={() => setUndoing(false)} onUndone={onClose} />}
    </>
  );
}
