import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintGrade, ComplaintState } from '../../../../electron/contract/complaints';

/** A/B/C as a small square badge: red for serious, amber for general, blue for minor. */
export function GradeBadge({ grade, withLabel }: { grade: ComplaintGrade; withLabel?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={withLabel ? null : t(`complaints.grades.${grade}`)} mouseEnterDelay={0.3}>
      <span className={`cp-grade cp-grade-${grade}${withLabel ? ' has-label' : ''}`}>
        {withLabel ? t(`complaints.grades.${grade}`) : grade}
      </span>
    </Tooltip>
  );
}

const stateColors: Record<ComplaintState, string> = {
  received: 'blue',
  handling: 'processing',
  paused: 'default',
  proposed: 'gold',
  agreed: 'cyan',
  closed: 'green',
};

export function StateTag({ state }: { state: ComplaintState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} className="cp-state-tag" bordered={false}>
      {t(`complaints.states.${state}`)}
    </Tag>
  );
}

/** 重复 / 厂家 / VIP marks beside a customer's name. */
export function TicketFlags(props: { repeat: boolean; manufacturer: boolean; vip: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {props.repeat && <span className="cp-flag cp-flag-repeat">{t('complaints.flags.repeat')}</span>}
      {props.manufacturer && (
        <span className="cp-flag cp-flag-manufacturer">{t('complaints.flags.manufacturer')}</span>
      )}
      {props.vip && <span className="cp-flag cp-flag-vip">{t('complaints.flags.vip')}</span>}
    </>
  );
}
