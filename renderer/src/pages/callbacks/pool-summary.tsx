import { InfoCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackRuleCode } from '../../../../electron/contract/callbacks';
import { formatWhen } from './callback-format';
import { useCallbackPool } from './use-callback-pool';

/**
 * What "next call" will draw from, beside the button, so it is never pressed blind: the tasks callable now
 * (assigned to me or to nobody, due, not resting, not on a call) and what else waits in that pool.
 */
export function PoolSummary({ ruleCodes }: { ruleCodes: CallbackRuleCode[] }) {
  const { t } = useTranslation();
  const pool = useCallbackPool(ruleCodes);
  if (!pool.data) return <div className="cb-pool" aria-busy={pool.isPending} data-testid="callback-pool" />;
  const { claimable, resting, onCallElsewhere, assignedToMe } = pool.data;
  const parts = [
    t('callbacks.pool.overdue', { count: claimable.overdue }),
    t('callbacks.pool.dueToday', { count: claimable.dueToday }),
  ];
  const others = [
    resting.tasks > 0
      ? `${t('callbacks.pool.resting', { count: resting.tasks })}${
          resting.nextAt ? `（${t('callbacks.pool.restingNext', { time: formatWhen(resting.nextAt) })}）` : ''
        }`
      : t('callbacks.pool.resting', { count: 0 }),
    t('callbacks.pool.onCall', { count: onCallElsewhere }),
    t('callbacks.pool.assignedToMe', { count: assignedToMe }),
  ];
  return (
    <section className="cb-pool" aria-label={t('callbacks.pool.label')} data-testid="callback-pool">
      <span className="cb-pool-label">
        {t('callbacks.pool.label')}
        <span className="cb-pool-scope">（{t('callbacks.pool.scope')}）</span>
        <Tooltip title={t('callbacks.pool.hint')}>
          <InfoCircleOutlined className="cb-pool-info" aria-label={t('callbacks.pool.hint')} />
        </Tooltip>
      </span>
      <strong className={claimable.tasks > 0 ? 'cb-pool-claimable' : 'cb-pool-none'}>
        {claimable.tasks > 0
          ? t('callbacks.pool.claimable', { tasks: claimable.tasks })
          : t('callbacks.pool.none')}
      </strong>
      {claimable.tasks > 0 && <span className="cb-pool-part">{parts.join(' · ')}</span>}
      <span className="cb-pool-part cb-pool-others">{others.join(' · ')}</span>
    </section>
  );
}
