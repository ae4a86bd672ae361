import { ClockCircleOutlined, PhoneFilled, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPanel } from '../../../../electron/contract/callbacks';
import { PersonalValue } from '../../personal-data/personal-value';
import { formatClock, formatWhen } from './callback-format';

interface CallHeaderProps {
  call: CallPanel;
  releasing: boolean;
  onRelease: () => void;
}

/** Who is on the line and how to reach them, the call's clock and hold, and the way out without an outcome. */
export function CallHeader({ call, releasing, onRelease }: CallHeaderProps) {
  const { t } = useTranslation();
  const c = call.customer;
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const claimExpired = call.claimExpiresAt !== '' && new Date(call.claimExpiresAt).getTime() < now;

  return (
    <>
      <header className="cb-call-head">
        <div className="cb-call-who">
          <PhoneFilled className="cb-call-icon" aria-hidden="true" />
          <h2 className="cb-call-name">
            {c.name}
            {c.title && <span className="cb-call-title">{c.title}</span>}
          </h2>
          {c.mobile ? (
            // Masked for operators: 查看 reveals it at once with this call as the reason (logged).
            <PersonalValue
              customerId={c.id}
              field="mobile"
              value={c.mobile}
              taskId={call.reasons[0]?.taskId}
              className="cb-call-phone"
              copyable
            />
          ) : (
            <span className="cb-call-phone cell-empty">{t('common.none')}</span>
          )}
          {call.resumed && <Tag color="processing">{t('callbacks.call.resumed')}</Tag>}
        </div>
        <div className="cb-call-clock">
          <span
            className="cb-call-elapsed"
            title={t('callbacks.call.elapsed')}
            aria-label={t('callbacks.call.elapsed')}
          >
            <ClockCircleOutlined /> <span className="cell-mono">{formatClock(now - started)}</span>
          </span>
          {call.claimExpiresAt && !claimExpired && (
            <Typography.Text type="secondary" className="cb-call-claim">
              {t('callbacks.call.claimUntil', { time: formatWhen(call.claimExpiresAt) })}
            </Typography.Text>
          )}
          <Popconfirm
            title={t('callbacks.call.releaseConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={onRelease}
          >
            <Button icon={<RollbackOutlined />} loading={releasing}>
              {t('callbacks.call.release')}
            </Button>
          </Popconfirm>
        </div>
      </header>
      {c.doNotContact && (
        <Alert type="error" showIcon title={t('callbacks.call.dnc')} className="cb-call-alert" />
      )}
      {claimExpired && (
        <Alert type="warning" showIcon title={t('callbacks.call.claimExpired')} className="cb-call-alert" />
      )}
    </>
  );
}
