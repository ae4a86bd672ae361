import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordedSummary } from './call-panel';
import { formatWhen } from './callback-format';

/** What became of the call just recorded, and the way on to the next one. */
export function RecordedBanner({ summary, onClose }: { summary: RecordedSummary; onClose: () => void }) {
  const { t } = useTranslation();
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
  lines.push(t('callbacks.recorded.nextHint'));

  return (
    <Alert
      type={result.followUpTaskId !== null ? 'warning' : 'success'}
      showIcon
      className="cb-recorded"
      title={t('callbacks.recorded.title', {
        name: summary.customerName,
        outcome: t(`callbacks.outcomes.${outcome}`),
      })}
      description={lines.join('；')}
      closable={{ onClose }}
    />
  );
}
