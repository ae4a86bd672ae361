import { useTranslation } from 'react-i18next';
import type { EventFunnel } from '../../../../electron/contract/event-invitations';
import { formatRate } from './event-format';

/**
 * 邀约漏斗 as bars: each step's count with its rate of the step before and of those invited; walk-ins (checked
 * in without an invitation) on their own line under it, no-shows and the waiting list beside. Plain markup, so the printed report draws it the same.
 */
export function FunnelView({ funnel }: { funnel: EventFunnel }) {
  const { t } = useTranslation();
  const top = Math.max(1, funnel.steps[0]?.count ?? 0);
  return (
    <div className="ev-funnel" role="table" aria-label={t('events.funnel.title')}>
      <div role="row" className="ev-funnel-row ev-funnel-head">
        <span role="columnheader">{t('events.funnel.step')}</span>
        <span role="columnheader" />
        <span role="columnheader">{t('events.funnel.count')}</span>
        <span role="columnheader">{t('events.funnel.rate')}</span>
        <span role="columnheader">{t('events.funnel.ofInvited')}</span>
      </div>
      {funnel.steps.map((s) => (
        <div role="row" className="ev-funnel-row" key={s.step} data-step={s.step}>
          <span role="cell" className="ev-funnel-label">
            {t(`events.funnelSteps.${s.step}`)}
          </span>
          <span role="cell" className="ev-funnel-track">
            <span
              className={`ev-funnel-bar ev-funnel-${s.step}`}
              style={{ width: `${Math.max(2, (s.count / top) * 100)}%` }}
            />
          </span>
          <span role="cell" className="ev-funnel-count">
            {s.count}
          </span>
          <span role="cell" className="ev-funnel-rate">
            {formatRate(s.rateOfPrevious)}
          </span>
          <span role="cell" className="ev-funnel-rate">
            {formatRate(s.rateOfInvited)}
          </span>
        </div>
      ))}
      <div className="ev-funnel-walkins" role="row" data-step="walk_in">
        <span role="cell">
          {t('events.funnel.walkIns', { count: funnel.walkIns, people: funnel.walkInPeople })}
        </span>
      </div>
      <div className="ev-funnel-side">
        <span className="ev-overdue">{t('events.funnel.noShows', { count: funnel.noShows })}</span>
        <span>{t('events.funnel.waitlisted', { count: funnel.waitlisted })}</span>
        <span>{t('events.funnel.declined', { count: funnel.declined })}</span>
        <span>{t('events.funnel.undecided', { count: funnel.undecided })}</span>
        <span>{t('events.funnel.unreachable', { count: funnel.unreachable })}</span>
        <span>{t('events.funnel.cancelled', { count: funnel.cancelled })}</span>
        <span>{t('events.funnel.pending', { count: funnel.pending })}</span>
      </div>
    </div>
  );
}
