import {
  CheckCircleFilled,
  ClockCircleOutlined,
  ExclamationCircleFilled,
  PauseCircleFilled,
  WarningFilled,
} from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow, TimerState, TimerStatus } from '../../../../electron/contract/complaints';
import { useStoreDateTime } from '../settings/use-store-date-time';
import { chipTimer, formatDuration, isWorkingUnit, leftOrOver } from './complaint-format';

const icons: Record<TimerState, ReactNode> = {
  running: <ClockCircleOutlined />,
  warning: <WarningFilled />,
  breached: <ExclamationCircleFilled />,
  paused: <PauseCircleFilled />,
  met: <CheckCircleFilled />,
};

interface ChipProps {
  state: TimerState;
  text: string | null;
  tooltip: ReactNode;
  compact?: boolean;
}

/** The coloured pill: state first (colour and icon, so it reads without colour too), then the time. */
function Chip({ state, text, tooltip, compact }: ChipProps) {
  const { t } = useTranslation();
  return (
    <Tooltip title={tooltip} mouseEnterDelay={0.3}>
      <span className={`sla-chip sla-${state}${compact ? ' is-compact' : ''}`} data-sla={state}>
        {icons[state]}
        <span className="sla-chip-state">
          {t(compact ? `complaints.chipStates.${state}` : `complaints.timerStates.${state}`)}
        </span>
        {text && <span className="sla-chip-time">{text}</span>}
      </span>
    </Tooltip>
  );
}

/**
 * The list row's chip: the worst running timer (main decides which and how much is left; this only shows it).
 * A closed ticket shows how it did.
 */
export function SlaChip({ row }: { row: Pick<TicketRow, 'sla' | 'timers' | 'closedAt'> }) {
  const { t } = useTranslation();
  const storeTime = useStoreDateTime();
  const { sla } = row;
  const timer = chipTimer(row);
  const working = isWorkingUnit(timer?.target?.unit);
  // A running timer: how long is left (or, breached, how long over); a closed ticket shows its outcome only.
  const minutes = row.closedAt ? null : sla.minutesLeft;
  const text =
    minutes === null
      ? null
      : minutes < 0 || sla.state === 'breached'
        ? formatDuration(t, minutes, working, true)
        : t('complaints.sla.leftShort', { time: formatDuration(t, minutes, working, true) });
  const lines = [
    t(`complaints.timerStates.${sla.state}`),
    sla.nextTimer && t('complaints.sla.nextTimer', { timer: t(`complaints.timers.${sla.nextTimer}`) }),
    sla.nextDueAt && t('complaints.sla.dueAt', { time: storeTime(sla.nextDueAt) }),
    minutes !== null && leftOrOver(t, minutes, working),
    sla.state === 'paused' && !sla.nextDueAt && minutes !== null && t('complaints.timerPanel.frozen'),
    working && t('complaints.sla.workingNote'),
    sla.breachedTimers.length > 0 &&
      t('complaints.sla.breachedList', {
        timers: sla.breachedTimers.map((x) => t(`complaints.timers.${x}`)).join('、'),
      }),
  ].filter(Boolean);
  return <Chip state={sla.state} text={text} tooltip={lines.join('；')} compact />;
}

/** One timer on the ticket page: its state and what is left, or by how much it was met or missed. */
export function TimerChip({ timer }: { timer: TimerStatus }) {
  const { t } = useTranslation();
  const working = isWorkingUnit(timer.target?.unit);
  // Met: by how much it was early (or late, when it was met after its due time).
  const text =
    timer.state === 'met' && timer.minutesLeft >= 0
      ? t('complaints.sla.early', { time: formatDuration(t, timer.minutesLeft, working) })
      : leftOrOver(t, timer.minutesLeft, working);
  return <Chip state={timer.state} text={text} tooltip={working ? t('complaints.sla.workingNote') : null} />;
}
