import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallPanel } from '../../../../electron/contract/callbacks';
import { formatDate } from '../../format/date';
import { RaiseComplaintButton } from '../complaints/raise-complaint-button';
import { PriorityPill } from './queue-cells';

interface CallReasonsProps {
  reasons: CallPanel['reasons'];
  included: ReadonlySet<number>;
  onToggle: (taskId: number, on: boolean) => void;
}

/**
 * Every reason for this call with its script, filled in by main for this customer and car. All are ticked: one
 * customer, one call. Unticking one leaves it held for a second outcome in the same call.
 */
export function CallReasons({ reasons, included, onToggle }: CallReasonsProps) {
  const { t } = useTranslation();
  return (
    <div className="cb-reasons-list">
      {reasons.map((r) => (
        <article key={r.taskId} className={`cb-reason${included.has(r.taskId) ? '' : ' is-excluded'}`}>
          <header className="cb-reason-head">
            {reasons.length > 1 && (
              <Checkbox
                checked={included.has(r.taskId)}
                onChange={(e) => onToggle(r.taskId, e.target.checked)}
                aria-label={`${t('callbacks.call.reason.include')}：${r.ruleName}`}
              />
            )}
            <h3 className="cb-reason-name">{r.ruleName}</h3>
            <PriorityPill value={r.priority} />
            <span className="cb-reason-meta">
              <span>{t('callbacks.call.reason.due', { date: formatDate(r.dueDate) })}</span>
              <span>{t('callbacks.call.reason.attempts', { attempts: r.attempts, max: r.maxAttempts })}</span>
              {r.lastOutcome && (
                <span>
                  {t('callbacks.call.reason.lastOutcome', {
                    outcome: t(`callbacks.outcomes.${r.lastOutcome}`),
                  })}
                </span>
              )}
            </span>
          </header>
          <blockquote className="cb-script" aria-label={t('callbacks.call.reason.script')}>
            {r.script}
          </blockquote>
          {/* A dissatisfied answer's follow-up: one click opens the ticket, prefilled from the survey. */}
          {r.ruleCode === 'dissatisfied_followup' && (
            <div className="cb-reason-complaint">
              <RaiseComplaintButton
                size="small"
                source={{ from: 'task', taskId: r.taskId }}
                label={t('complaints.fromFollowUp')}
              />
            </div>
          )}
          {r.notes && (
            <div className="cb-reason-notes">
              <span className="cb-reason-notes-label">{t('callbacks.call.reason.notes')}</span>
              {r.notes}
            </div>
          )}
        </article>
      ))}
    </div>
  );
}
