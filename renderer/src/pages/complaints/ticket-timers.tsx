import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail, TimerState, TimerStatus } from '../../../../electron/contract/complaints';
import { formatDuration, isWorkingUnit, targetLabel } from './complaint-format';
import { TimerChip } from './sla-chip';
import { StoreTime } from './store-time';

const strokes: Record<TimerState, string> = {
  running: '#389e0d',
  warning: '#d48806',
  breached: '#cf1322',
  paused: '#8c8c8c',
  met: '#389e0d',
};

function TimerRow({ timer }: { timer: TimerStatus }) {
  const { t } = useTranslation();
  const working = isWorkingUnit(timer.target?.unit);
  const stopped = timer.stoppedAt !== null;
  return (
    <li className={`cp-timer cp-timer-${timer.state}`} data-timer={timer.timer}>
      <div className="cp-timer-head">
        <span className="cp-timer-name">{t(`complaints.timers.${timer.timer}`)}</span>
        <span className="cp-timer-target">{targetLabel(t, timer.target)}</span>
        <TimerChip timer={timer} />
      </div>
      <Progress
        percent={Math.min(100, Math.round(timer.used * 100))}
        showInfo={false}
        size="small"
        strokeColor={strokes[timer.state]}
        aria-label={t('complaints.timerPanel.used', { percent: Math.round(timer.used * 100) })}
      />
      <div className="cp-timer-lines">
        {stopped ? (
          <span>
            {t('complaints.timerPanel.stoppedAt')} <StoreTime iso={timer.stoppedAt} className="cell-mono" />
          </span>
        ) : timer.dueAt ? (
          <span>
            {t('complaints.timerPanel.dueAt')} <StoreTime iso={timer.dueAt} className="cell-mono" />
          </span>
        ) : (
          <span>{t('complaints.timerPanel.frozen')}</span>
        )}
        {timer.pausedMinutes > 0 && (
          <span className="cp-timer-paused">
            {t('complaints.timerPanel.paused', { time: formatDuration(t, timer.pausedMinutes, working) })}
          </span>
        )}
      </div>
    </li>
  );
}

/** The three deadlines (and the manufacturer's own): due, left or over, paused, met or breached. */
export function TicketTimers({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  return (
    <section className="cp-card" aria-labelledby="cp-timers-title">
      <h2 id="cp-timers-title" className="cp-card-title">
        {t('complaints.timerPanel.title')}
      </h2>
      <ul className="cp-timers">
        {ticket.timers.map((x) => (
          <TimerRow key={x.timer} timer={x} />
        ))}
      </ul>
    </section>
  );
}
